package org.cosense.localization;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Planar localization from ranges d_k and plane bearings φ_k (direction of the target seen from anchor
 * q_k, atan2 convention) measured at K anchors, through the pseudo-linear system of Zhang et al.
 * (56)–(62) in ψ = (x, y, R), R = x² + y² treated as a third unknown [zhanghybrid S5]:
 * <pre>
 *   range row k:   −2 x_k x − 2 y_k y + R = d_k² − ||q_k||²
 *   bearing row k: sin φ_k x − cos φ_k y   = sin φ_k x_k − cos φ_k y_k
 * </pre>
 * Solvers: {@link #leastSquares}, {@link #weightedLeastSquares} (errors of b only),
 * {@link #constrainedTls} (stage 2: errors of the coefficient matrix too, (63)–(74)) and
 * {@link #quadraticCorrection} (stage 3: R = x² + y² enforced, (75)–(79)). The system is written in the
 * coordinates given (origin dependent, as the paper's).
 */
public final class RangeBearingLocalizer {
    /** Stage-2 fixed point: stop when the step is below this fraction of 1 + ||ψ|| [zhanghybrid A10]. */
    public static final double TLS_TOLERANCE = 1e-9;
    /** Stage-2 iteration limit [zhanghybrid A10]. */
    public static final int TLS_MAX_ITERATIONS = 20;
    /** Floor of |ḃ_k| in the WLS weights (m) [zhanghybrid A11]. */
    public static final double WLS_FLOOR = 1.0;
    /** Stage 3 keeps the stage-2 coordinates when |x| or |y| is below this (m): B is singular there [zhanghybrid P2]. */
    public static final double STAGE3_MIN_COORDINATE = 1e-6;

    /** A solution ψ = (x, y, R) with its approximate covariance and iteration count (0 for closed forms). */
    public record Solution(double[] psi, DMatrixRMaj covariance, int iterations, boolean converged) {
        /** (x, y). */
        public double[] position() {
            return new double[] {psi[0], psi[1]};
        }
    }

    private final double[][] anchors;
    private final double[] ranges;
    private final DMatrixRMaj rangeCovariance;
    private final double[] bearings;
    private final double[] bearingVariances;
    private final DMatrixRMaj a;
    private final double[] b;

    /**
     * @param anchors          q_k (K × 2, m)
     * @param ranges           d^_k (m)
     * @param rangeCovariance  cov(d^) (K × K, m²)
     * @param bearings         φ^_k (rad), from anchor k towards the target
     * @param bearingVariances var(φ^_k) (rad²)
     */
    public RangeBearingLocalizer(double[][] anchors, double[] ranges, DMatrixRMaj rangeCovariance, double[] bearings,
            double[] bearingVariances) {
        int k = anchors.length;
        InvalidInputException.require(k >= 2, "anchor count", k, "must be at least 2");
        InvalidInputException.require(ranges.length == k && bearings.length == k && bearingVariances.length == k
                && rangeCovariance.numRows == k && rangeCovariance.numCols == k, "measurement count", ranges.length,
                "must be one range, bearing and variance per anchor (" + k + ")");
        for (int i = 0; i < k; i++) {
            InvalidInputException.require(bearingVariances[i] > 0, "bearing variance", i + 1, bearingVariances[i], "must be positive");
        }
        this.anchors = anchors;
        this.ranges = ranges.clone();
        this.rangeCovariance = rangeCovariance.copy();
        this.bearings = bearings.clone();
        this.bearingVariances = bearingVariances.clone();
        a = new DMatrixRMaj(2 * k, 3);
        b = new double[2 * k];
        for (int i = 0; i < k; i++) {
            double xk = anchors[i][0];
            double yk = anchors[i][1];
            a.set(i, 0, -2 * xk);
            a.set(i, 1, -2 * yk);
            a.set(i, 2, 1);
            b[i] = ranges[i] * ranges[i] - xk * xk - yk * yk;
            double s = Math.sin(bearings[i]);
            double c = Math.cos(bearings[i]);
            a.set(k + i, 0, s);
            a.set(k + i, 1, -c);
            b[k + i] = s * xk - c * yk;
        }
    }

    /** ψ = (A^T A)^{-1} A^T b. */
    public Solution leastSquares() {
        int n = b.length;
        DMatrixRMaj w = CommonOps_DDRM.identity(n);
        return weighted(w, 0);
    }

    /** WLS with the weights of the errors of b only: blkdiag(4 D C_d D, diag(σ_φ,k² max(|ḃ_k|, 1 m)²))^{-1} [zhanghybrid A11]. */
    public Solution weightedLeastSquares() {
        int k = anchors.length;
        double[] h = new double[k];
        for (int i = 0; i < k; i++) {
            double bdot = Math.cos(bearings[i]) * anchors[i][0] + Math.sin(bearings[i]) * anchors[i][1];
            h[i] = Math.max(Math.abs(bdot), WLS_FLOOR);
        }
        return weighted(weight(h), 0);
    }

    /**
     * Stage 2, the constrained total least squares (P4): the fixed point ψ = (A^T W(ψ) A)^{-1} A^T W(ψ) b with
     * W(ψ)^{-1} = blkdiag(4 D C_d D, diag(σ_φ,k² h_k(ψ)²)), h_k(ψ) = cos φ_k (x − x_k) + sin φ_k (y − y_k), from the
     * least-squares start (73)–(74).
     */
    public Solution constrainedTls() {
        Solution s = leastSquares();
        int k = anchors.length;
        for (int it = 1; it <= TLS_MAX_ITERATIONS; it++) {
            double[] h = new double[k];
            for (int i = 0; i < k; i++) {
                double hk = Math.cos(bearings[i]) * (s.psi[0] - anchors[i][0]) + Math.sin(bearings[i]) * (s.psi[1] - anchors[i][1]);
                h[i] = Math.max(Math.abs(hk), WLS_FLOOR);
            }
            Solution next = weighted(weight(h), it);
            double step = 0;
            double norm = 0;
            for (int c = 0; c < 3; c++) {
                step += Math.pow(next.psi[c] - s.psi[c], 2);
                norm += s.psi[c] * s.psi[c];
            }
            s = next;
            if (Math.sqrt(step) <= TLS_TOLERANCE * (1 + Math.sqrt(norm))) {
                return new Solution(s.psi, s.covariance, it, true);
            }
        }
        return new Solution(s.psi, s.covariance, TLS_MAX_ITERATIONS, false);
    }

    /**
     * Stage 3 (75)–(79): [x^², y^², R^] = G z + e, G = [1 0; 0 1; 1 1], z = (x², y²), weighted by
     * (B cov(ψ^) B)^{-1}, B = diag(2x^, 2y^, 1); the signs are those of the stage-2 solution. Returns the
     * stage-2 position when |x^| or |y^| is too small for B to be inverted [zhanghybrid P2].
     */
    public static double[] quadraticCorrection(Solution stage2) {
        double x = stage2.psi[0];
        double y = stage2.psi[1];
        double r = stage2.psi[2];
        if (Math.abs(x) < STAGE3_MIN_COORDINATE || Math.abs(y) < STAGE3_MIN_COORDINATE) {
            return stage2.position();
        }
        DMatrixRMaj bm = CommonOps_DDRM.diag(2 * x, 2 * y, 1);
        DMatrixRMaj tmp = new DMatrixRMaj(3, 3);
        DMatrixRMaj cov3 = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.mult(bm, stage2.covariance, tmp);
        CommonOps_DDRM.mult(tmp, bm, cov3);
        DMatrixRMaj w3 = new DMatrixRMaj(3, 3);
        if (!CommonOps_DDRM.invert(cov3, w3)) {
            return stage2.position();
        }
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {1, 1}});
        DMatrixRMaj h3 = new DMatrixRMaj(new double[][] {{x * x}, {y * y}, {r}});
        DMatrixRMaj gtw = new DMatrixRMaj(2, 3);
        CommonOps_DDRM.multTransA(g, w3, gtw);
        DMatrixRMaj lhs = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.mult(gtw, g, lhs);
        DMatrixRMaj rhs = new DMatrixRMaj(2, 1);
        CommonOps_DDRM.mult(gtw, h3, rhs);
        DMatrixRMaj z = new DMatrixRMaj(2, 1);
        if (!CommonOps_DDRM.solve(lhs, rhs, z)) {
            return stage2.position();
        }
        return new double[] {Math.signum(x) * Math.sqrt(Math.max(z.get(0), 0)), Math.signum(y) * Math.sqrt(Math.max(z.get(1), 0))};
    }

    /** W = blkdiag(4 D C_d D, diag(σ_φ,k² h_k²))^{-1}. */
    private DMatrixRMaj weight(double[] h) {
        int k = anchors.length;
        DMatrixRMaj winv = new DMatrixRMaj(2 * k, 2 * k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                winv.set(i, j, 4 * ranges[i] * rangeCovariance.get(i, j) * ranges[j]);
            }
            winv.set(k + i, k + i, bearingVariances[i] * h[i] * h[i]);
        }
        DMatrixRMaj w = new DMatrixRMaj(2 * k, 2 * k);
        if (!CommonOps_DDRM.invertSPD(winv.copy(), w)) {
            CommonOps_DDRM.pinv(winv, w);
        }
        return w;
    }

    /** ψ = (A^T W A)^{-1} A^T W b, covariance (A^T W A)^{-1}. */
    private Solution weighted(DMatrixRMaj w, int iterations) {
        DMatrixRMaj atw = new DMatrixRMaj(3, b.length);
        CommonOps_DDRM.multTransA(a, w, atw);
        DMatrixRMaj info = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.mult(atw, a, info);
        DMatrixRMaj cov = new DMatrixRMaj(3, 3);
        InvalidInputException.require(CommonOps_DDRM.invert(info.copy(), cov), "anchor geometry", anchors.length + " anchors",
                "must give a full-rank linear system in (x, y, R)");
        DMatrixRMaj bb = new DMatrixRMaj(b.length, 1, true, b);
        DMatrixRMaj atwb = new DMatrixRMaj(3, 1);
        CommonOps_DDRM.mult(atw, bb, atwb);
        DMatrixRMaj psi = new DMatrixRMaj(3, 1);
        CommonOps_DDRM.mult(cov, atwb, psi);
        return new Solution(new double[] {psi.get(0), psi.get(1), psi.get(2)}, cov, iterations, true);
    }
}
