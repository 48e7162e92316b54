package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A global lower bound on CRB_l in sensing at the IRSs that holds for EVERY design (R_l, psi_l) meeting the
 * IRS budget (42a), and is the value of a convex program ([fangactive A18]).
 *
 * <p>Derivation. The IRS output in slot l is x[t] = Psi G s[t] + Psi z_1[t] (first pass (6)), and the sensors
 * receive ȳ[t] = beta ā a^T x[t] + z̄[t] (33). A genie that also hands the estimator the amplifier noise z_1
 * cannot lose information: the FIM of (ȳ, z_1) is the FIM of z_1 (zero: its law does not depend on xi) plus
 * E_z[F(ȳ | z_1)], and F(ȳ) ⪯ F(ȳ, z_1). Given z_1, ȳ is Gaussian with the known-signal mean beta ā a^T x[t]
 * and covariance sigma_s^2 I, so (15) gives
 * <pre>
 *   F_K(Q̂)_pq = (2 T_L / sigma_s^2) Re tr(D_p^H D_q Q̂),   Q̂ = (1/T_L) Σ_t x[t] x[t]^H,
 *   D_theta = beta (ǡ_theta a^T + ā ȧ_theta^T),  D_phi = beta (ǡ_phi a^T + ā ȧ_phi^T),  D_Re = ā a^T,  D_Im = j ā a^T
 * </pre>
 * (ȧ of the reflecting array, transposed: [fangactive E4]). F_K is linear in Q̂, so its expectation over z_1 is F_K(Q) with
 * Q = Psi G R G^H Psi^H + sigma_r^2 Psi Psi^H, the IRS output covariance, whose trace is the IRS power (34).
 * Hence, with F ⪯ F_K(Q) ⇒ F^{-1} ⪰ F_K(Q)^{-1},
 * <pre>
 *   CRB_l = tr F^{-1} ≥ tr F_K(Q)^{-1} ≥ min { tr F_K(Q)^{-1} : Q ⪰ 0, tr Q ≤ P_s } = f_l / P_s,
 * </pre>
 * f_l the value at P_s = 1 (tr F_K(tQ)^{-1} = tr F_K(Q)^{-1} / t). The program is convex (tr X^{-1} is convex on
 * X ≻ 0 and F_K is linear). It depends neither on G nor on P_t nor on a_max: it is what an IRS that could emit any
 * output field of power P_s would achieve. A design that attains it is globally optimal for problem (P4).
 *
 * <p>Solution. Every D_p has its rows in span{a^T, ȧ_theta^T, ȧ_phi^T}, so Q acts only through its compression
 * X = Y^H Q Y onto the orthonormal basis Y of span{a^*, ȧ_theta^*, ȧ_phi^*} (k ≤ 3); power outside that span adds
 * nothing. The k×k program min { g(X) = tr Ω F̃(X)^{-1} : X ⪰ 0, tr X = 1 } (beta coordinates scaled by |beta|,
 * Ω = diag(1, 1, |beta|^2, |beta|^2), pitfall [fangactive P1]) is solved by projected gradient with backtracking. The bound
 * returned is certified whatever the iterate: for convex g and the Euler identity ⟨∇g(X), X⟩ = −g(X),
 * g* ≥ g(X) + min_{Y} ⟨∇g(X), Y − X⟩ = 2 g(X) − λ_max(−∇g(X)).
 */
public final class IrsSensingBound {
    private static final int MAX_ITERATIONS = 20_000;
    private static final double GAP_TOLERANCE = 1e-13;

    private IrsSensingBound() {
    }

    /**
     * The bound of one IRS.
     *
     * @param crbBound certified lower bound on CRB_l of any design with IRS power ≤ P_s (+inf if unidentifiable)
     * @param attained tr F_K(Q*)^{-1} of the best IRS output covariance found (≥ crbBound; equal to it at convergence)
     * @param outputCovariance Q* (N×N, tr Q* = P_s), the IRS output covariance that attains it
     * @param iterations projected-gradient iterations used
     */
    public record Result(double crbBound, double attained, ZMatrixRMaj outputCovariance, int iterations) {
        /** Relative gap (attained − bound) / bound: how tightly the bound is known. */
        public double relativeGap() {
            return (attained - crbBound) / crbBound;
        }
    }

    /** The bound on max_l CRB_l of any design: max over the IRSs of their bounds (the slots are disjoint in time). */
    public static double maxCrbBound(List<IrsSlot> slots, double irsBudget) {
        double b = 0;
        for (IrsSlot s : slots) {
            b = Math.max(b, of(s, irsBudget).crbBound());
        }
        return b;
    }

    /** The bound of IRS {@code slot} under the amplification budget P_s = {@code irsBudget} (W). */
    public static Result of(IrsSlot slot, double irsBudget) {
        InvalidInputException.positive("IRS power P_s (W)", irsBudget);
        slot.requireSensors();
        ZMatrixRMaj[] d = derivatives(slot, true);
        ZMatrixRMaj y = basis(slot);
        int k = y.numCols;
        double scale = slot.snapshots() / slot.sensorNoise();
        ZMatrixRMaj[][] m = new ZMatrixRMaj[4][4];
        ZMatrixRMaj[] dy = new ZMatrixRMaj[4];
        for (int p = 0; p < 4; p++) {
            dy[p] = new ZMatrixRMaj(d[p].numRows, k);
            CommonOps_ZDRM.mult(d[p], y, dy[p]);
        }
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                ZMatrixRMaj a = new ZMatrixRMaj(k, k);
                CommonOps_ZDRM.multTransA(dy[p], dy[q], a);
                ZMatrixRMaj b = new ZMatrixRMaj(k, k);
                CommonOps_ZDRM.transposeConjugate(a, b);
                CommonOps_ZDRM.add(a, b, a);
                CommonOps_ZDRM.scale(scale, 0, a);
                m[p][q] = a;
            }
        }
        double b2 = slot.beta().abs2();
        double[] w = {1, 1, b2, b2};
        Program prog = new Program(m, w, k);

        ZMatrixRMaj x = new ZMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            x.set(i, i, 1.0 / k, 0);
        }
        double g = prog.value(x);
        if (!Double.isFinite(g)) {
            return new Result(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, new ZMatrixRMaj(slot.n(), slot.n()), 0);
        }
        ZMatrixRMaj grad = prog.gradient(x);
        double lower = 2 * g - maxEigenvalue(negate(grad));
        double step = 1 / Math.max(frobenius(grad), 1e-300) / k;
        int it = 0;
        while (it < MAX_ITERATIONS && g - lower > GAP_TOLERANCE * g) {
            it++;
            ZMatrixRMaj next;
            double gn;
            while (true) {
                ZMatrixRMaj trial = x.copy();
                axpy(-step, grad, trial);
                next = projectOntoSpectraplex(trial);
                gn = prog.value(next);
                ZMatrixRMaj diff = next.copy();
                CommonOps_ZDRM.subtract(next, x, diff);
                double lin = realInner(grad, diff);
                double sq = frobenius(diff);
                if (Double.isFinite(gn) && gn <= g + lin + sq * sq / (2 * step) + 1e-15 * Math.abs(g)) {
                    break;
                }
                step /= 2;
                if (step < 1e-300) {
                    break;
                }
            }
            if (!(gn <= g)) {
                break;
            }
            x = next;
            g = gn;
            grad = prog.gradient(x);
            lower = Math.max(lower, 2 * g - maxEigenvalue(negate(grad)));
            step *= 1.5;
        }
        // Q* = P_s · Y X Y^H
        ZMatrixRMaj yx = new ZMatrixRMaj(y.numRows, k);
        CommonOps_ZDRM.mult(y, x, yx);
        ZMatrixRMaj q = new ZMatrixRMaj(y.numRows, y.numRows);
        CommonOps_ZDRM.multTransB(yx, y, q);
        CommonOps_ZDRM.scale(irsBudget, 0, q);
        return new Result(lower / irsBudget, g / irsBudget, q, it);
    }

    /**
     * The known-output FIM F_K(Q) in the raw coordinates xi = [theta, phi, Re beta, Im beta]: the FIM the sensors
     * would have if the IRS output x[t], of sample covariance {@code q} (N×N), were known (see the class comment).
     * With a passive slot (sigma_r = 0) and Q = Psi G R G^H Psi^H it equals Prop. 2.
     */
    public static DMatrixRMaj knownOutputFim(IrsSlot slot, ZMatrixRMaj q) {
        slot.requireSensors();
        InvalidInputException.require(q.numRows == slot.n() && q.numCols == slot.n(), "IRS output covariance Q shape",
                q.numRows + "x" + q.numCols, "must be N x N with N = " + slot.n());
        ZMatrixRMaj[] d = derivatives(slot, false);
        DMatrixRMaj f = new DMatrixRMaj(4, 4);
        double scale = 2 * slot.snapshots() / slot.sensorNoise();
        for (int p = 0; p < 4; p++) {
            for (int r = 0; r < 4; r++) {
                ZMatrixRMaj a = new ZMatrixRMaj(slot.n(), slot.n());
                CommonOps_ZDRM.multTransA(d[p], d[r], a);
                ZMatrixRMaj aq = new ZMatrixRMaj(slot.n(), slot.n());
                CommonOps_ZDRM.mult(a, q, aq);
                double tr = 0;
                for (int i = 0; i < slot.n(); i++) {
                    tr += aq.getReal(i, i);
                }
                f.set(p, r, scale * tr);
            }
        }
        return f;
    }

    /** D_theta, D_phi, D_Re, D_Im (N̄×N); with {@code scaledBeta} the last two times |beta| ([fangactive P1]). */
    private static ZMatrixRMaj[] derivatives(IrsSlot s, boolean scaledBeta) {
        double th = s.theta();
        double ph = s.phi();
        ZMatrixRMaj a = column(s.reflector().steering(th, ph));
        ZMatrixRMaj[] ad = {column(s.reflector().derivativeTheta(th, ph)), column(s.reflector().derivativePhi(th, ph))};
        ZMatrixRMaj ab = column(s.sensors().steering(th, ph));
        ZMatrixRMaj[] abd = {column(s.sensors().derivativeTheta(th, ph)), column(s.sensors().derivativePhi(th, ph))};
        ZMatrixRMaj[] d = new ZMatrixRMaj[4];
        double br = s.beta().re();
        double bi = s.beta().im();
        for (int r = 0; r < 2; r++) {
            ZMatrixRMaj t1 = outerT(abd[r], a);
            ZMatrixRMaj t2 = outerT(ab, ad[r]);
            CommonOps_ZDRM.add(t1, t2, t1);
            CommonOps_ZDRM.scale(br, bi, t1);
            d[r] = t1;
        }
        double c = scaledBeta ? s.beta().abs() : 1;
        d[2] = outerT(ab, a);
        CommonOps_ZDRM.scale(c, 0, d[2]);
        d[3] = outerT(ab, a);
        CommonOps_ZDRM.scale(0, c, d[3]);
        return d;
    }

    /** Orthonormal basis (columns) of span{a^*, ȧ_theta^*, ȧ_phi^*}: modified Gram–Schmidt, dependent vectors dropped. */
    private static ZMatrixRMaj basis(IrsSlot s) {
        double th = s.theta();
        double ph = s.phi();
        List<double[]> in = List.of(s.reflector().steering(th, ph), s.reflector().derivativeTheta(th, ph),
                s.reflector().derivativePhi(th, ph));
        List<double[]> out = new ArrayList<>();
        for (double[] v0 : in) {
            double[] v = v0.clone();
            for (int i = 1; i < v.length; i += 2) {
                v[i] = -v[i]; // conjugate
            }
            double n0 = Math.sqrt(norm2(v));
            for (int pass = 0; pass < 2; pass++) {
                for (double[] u : out) {
                    // v ← v − u (u^H v)
                    double re = 0;
                    double im = 0;
                    for (int i = 0; i < v.length; i += 2) {
                        re += u[i] * v[i] + u[i + 1] * v[i + 1];
                        im += u[i] * v[i + 1] - u[i + 1] * v[i];
                    }
                    for (int i = 0; i < v.length; i += 2) {
                        v[i] -= u[i] * re - u[i + 1] * im;
                        v[i + 1] -= u[i] * im + u[i + 1] * re;
                    }
                }
            }
            double n = Math.sqrt(norm2(v));
            if (n > 1e-10 * Math.max(n0, 1e-300)) {
                for (int i = 0; i < v.length; i++) {
                    v[i] /= n;
                }
                out.add(v);
            }
        }
        ZMatrixRMaj y = new ZMatrixRMaj(s.n(), out.size());
        for (int c = 0; c < out.size(); c++) {
            for (int i = 0; i < s.n(); i++) {
                y.set(i, c, out.get(c)[2 * i], out.get(c)[2 * i + 1]);
            }
        }
        return y;
    }

    /** g(X) = Σ_i w_i [F̃(X)^{-1}]_ii with F̃_pq(X) = tr(M_pq X), and its gradient. */
    private record Program(ZMatrixRMaj[][] m, double[] w, int k) {
        DMatrixRMaj fim(ZMatrixRMaj x) {
            DMatrixRMaj f = new DMatrixRMaj(4, 4);
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q < 4; q++) {
                    f.set(p, q, realTraceOfProduct(m[p][q], x));
                }
            }
            return f;
        }

        DMatrixRMaj inverse(ZMatrixRMaj x) {
            DMatrixRMaj f = fim(x);
            DMatrixRMaj inv = new DMatrixRMaj(4, 4);
            if (!CommonOps_DDRM.invert(f, inv)) {
                return null;
            }
            for (int i = 0; i < 4; i++) {
                if (!(inv.get(i, i) > 0) || !Double.isFinite(inv.get(i, i))) {
                    return null;
                }
            }
            return inv;
        }

        double value(ZMatrixRMaj x) {
            DMatrixRMaj inv = inverse(x);
            if (inv == null) {
                return Double.POSITIVE_INFINITY;
            }
            double v = 0;
            for (int i = 0; i < 4; i++) {
                v += w[i] * inv.get(i, i);
            }
            return v;
        }

        /** ∇g = −Σ_pq [F̃^{-1} Ω F̃^{-1}]_pq M_pq (Hermitian k×k). */
        ZMatrixRMaj gradient(ZMatrixRMaj x) {
            DMatrixRMaj inv = inverse(x);
            DMatrixRMaj wi = new DMatrixRMaj(4, 4);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    wi.set(i, j, inv.get(i, j) * w[j]);
                }
            }
            DMatrixRMaj c = new DMatrixRMaj(4, 4);
            CommonOps_DDRM.mult(wi, inv, c);
            ZMatrixRMaj g = new ZMatrixRMaj(k, k);
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q < 4; q++) {
                    axpy(-c.get(p, q), m[p][q], g);
                }
            }
            return g;
        }
    }

    /** Re tr(M X) for k×k complex matrices. */
    static double realTraceOfProduct(ZMatrixRMaj m, ZMatrixRMaj x) {
        double t = 0;
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                t += m.getReal(i, j) * x.getReal(j, i) - m.getImag(i, j) * x.getImag(j, i);
            }
        }
        return t;
    }

    /** y ← y + alpha x (real alpha). */
    private static void axpy(double alpha, ZMatrixRMaj x, ZMatrixRMaj y) {
        for (int i = 0; i < x.getDataLength(); i++) {
            y.data[i] += alpha * x.data[i];
        }
    }

    /** Re tr(A^H B) = Re ⟨A, B⟩. */
    private static double realInner(ZMatrixRMaj a, ZMatrixRMaj b) {
        double t = 0;
        for (int i = 0; i < a.getDataLength(); i++) {
            t += a.data[i] * b.data[i];
        }
        return t;
    }

    private static double frobenius(ZMatrixRMaj a) {
        return Math.sqrt(realInner(a, a));
    }

    private static ZMatrixRMaj negate(ZMatrixRMaj a) {
        ZMatrixRMaj o = a.copy();
        CommonOps_ZDRM.scale(-1, 0, o);
        return o;
    }

    /** The real symmetric embedding [[Re X, −Im X], [Im X, Re X]] of a Hermitian X (each eigenvalue twice). */
    private static DMatrixRMaj embed(ZMatrixRMaj x) {
        int k = x.numRows;
        DMatrixRMaj e = new DMatrixRMaj(2 * k, 2 * k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                // Hermitian part, so rounding cannot make the embedding unsymmetric
                double re = (x.getReal(i, j) + x.getReal(j, i)) / 2;
                double im = (x.getImag(i, j) - x.getImag(j, i)) / 2;
                e.set(i, j, re);
                e.set(k + i, k + j, re);
                e.set(k + i, j, im);
                e.set(i, k + j, -im);
            }
        }
        return e;
    }

    static double maxEigenvalue(ZMatrixRMaj x) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * x.numRows, false, true);
        if (!eig.decompose(embed(x))) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            max = Math.max(max, eig.getEigenvalue(i).real);
        }
        return max;
    }

    /** Euclidean projection of a Hermitian X onto {X ⪰ 0, tr X = 1}: eigenvalues projected onto the simplex. */
    static ZMatrixRMaj projectOntoSpectraplex(ZMatrixRMaj x) {
        int k = x.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * k, true, true);
        if (!eig.decompose(embed(x))) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        int n = eig.getNumberOfEigenvalues();
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = eig.getEigenvalue(i).real;
        }
        // the embedding has each eigenvalue twice and trace 2 tr X: project onto {w ≥ 0, Σ w = 2}
        double[] sorted = lambda.clone();
        java.util.Arrays.sort(sorted);
        double css = 0;
        double t = 0;
        for (int j = 0; j < n; j++) {
            double u = sorted[n - 1 - j];
            css += u;
            double tj = (css - 2) / (j + 1);
            if (u - tj > 0) {
                t = tj;
            }
        }
        DMatrixRMaj e = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double wi = Math.max(lambda[i] - t, 0);
            if (wi == 0) {
                continue;
            }
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    e.add(r, c, wi * v.get(r) * v.get(c));
                }
            }
        }
        ZMatrixRMaj out = new ZMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out.set(i, j, (e.get(i, j) + e.get(k + i, k + j)) / 2, (e.get(k + i, j) - e.get(i, k + j)) / 2);
            }
        }
        return out;
    }

    private static ZMatrixRMaj column(double[] v) {
        return new ZMatrixRMaj(v.length / 2, 1, true, v);
    }

    /** u v^T (no conjugate). */
    private static ZMatrixRMaj outerT(ZMatrixRMaj u, ZMatrixRMaj v) {
        ZMatrixRMaj o = new ZMatrixRMaj(u.numRows, v.numRows);
        CommonOps_ZDRM.multTransB(u, conjugated(v), o); // multTransB conjugates: u (v^*)^H = u v^T
        return o;
    }

    private static ZMatrixRMaj conjugated(ZMatrixRMaj v) {
        ZMatrixRMaj c = v.copy();
        for (int i = 1; i < c.data.length; i += 2) {
            c.data[i] = -c.data[i];
        }
        return c;
    }

    private static double norm2(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return s;
    }
}
