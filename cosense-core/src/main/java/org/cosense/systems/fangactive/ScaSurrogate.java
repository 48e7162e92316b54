package org.cosense.systems.fangactive;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.optim.TraceAffineForm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The SCA surrogate of the Theta-step ([fangactive S3.11.2]): at the iterate Theta0, with the
 * noise inverse W (W̄) frozen at Theta0, every product of two linear forms u(Θ) v(Θ) of the lifted
 * FIM (Lemma 1 (55)–(63), Lemma 2 (79)–(87)) is replaced by
 * <pre>
 *   lin[u v] = u0 v(Θ) + v0 u(Θ) − u0 v0,     u(Θ) = tr(U Θ^T) = tr(U^T Θ),  v(Θ) = tr(V Θ),
 * </pre>
 * and in sensing at IRSs (tr Θ)^2 by its tangent 2 t0 tr Θ − t0^2 (t0 = tr Θ0), with the corrected
 * covariance factors 1, 2, 4 ([fangactive E3]). The result F̂(Θ) is affine in Θ, written as an
 * {@link AffineFisherInformation} over the N×N Hermitian Θ: for a complex form tr(X Θ) with Hermitian
 * Θ, Re tr(X Θ) = tr(((X + X^H)/2) Θ). This is exactly the first-order Taylor expansion of the
 * frozen-W lifted FIM at Θ0 (the rule replaces the misprinted gradients (64)–(69)/(88)–(93), [fangactive E7]), so
 * F̂(Θ0) = F(Θ0); it is NOT a lower bound of F ([fangactive E14]).
 *
 * <p>Also the IRS power in Θ: the linearized (25) in sensing at the BS and the exact, already linear,
 * (47) in sensing at IRSs, as {@link TraceAffineForm}s.
 */
public final class ScaSurrogate {
    private ScaSurrogate() {
    }

    /** An affine complex functional Θ ↦ tr(X Θ) + c. */
    private record Lin(ZMatrixRMaj x, Complex c) {
        static Lin zero(int n) {
            return new Lin(new ZMatrixRMaj(n, n), Complex.ZERO);
        }

        /** tr(A Θ). */
        static Lin form(ZMatrixRMaj a) {
            return new Lin(a, Complex.ZERO);
        }

        /** tr(U Θ^T) = tr(U^T Θ). */
        static Lin transposedForm(ZMatrixRMaj u) {
            return new Lin(ComplexLinalg.transpose(u), Complex.ZERO);
        }

        /** lin[tr(A Θ) tr(B Θ)] at Θ0. */
        static Lin product(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj theta0) {
            Complex a0 = ComplexLinalg.traceOfProduct(a, theta0);
            Complex b0 = ComplexLinalg.traceOfProduct(b, theta0);
            return new Lin(ComplexLinalg.add(ComplexLinalg.scale(a0, b), ComplexLinalg.scale(b0, a)), a0.times(b0).times(-1));
        }

        Lin plus(Lin o) {
            return new Lin(ComplexLinalg.add(x, o.x), c.plus(o.c));
        }

        Lin times(Complex z) {
            return new Lin(ComplexLinalg.scale(z, x), c.times(z));
        }

        Lin times(double s) {
            return new Lin(ComplexLinalg.scale(s, x), c.times(s));
        }
    }

    /** Collects Re of Lin's into a 4×4 AffineFisherInformation. */
    private static final class Builder {
        final int n;
        final DMatrixRMaj f0 = new DMatrixRMaj(4, 4);
        final ZMatrixRMaj[] m = new ZMatrixRMaj[16];

        Builder(int n) {
            this.n = n;
            for (int k = 0; k < 16; k++) {
                m[k] = new ZMatrixRMaj(n, n);
            }
        }

        /** Entry (i, j) and (j, i) += Re(l) + r (r a real constant). */
        void add(int i, int j, Lin l, double r) {
            ZMatrixRMaj h = ComplexLinalg.hermitianPart(l.x());
            double c = l.c().re() + r;
            m[4 * i + j] = ComplexLinalg.add(m[4 * i + j], h);
            f0.add(i, j, c);
            if (i != j) {
                m[4 * j + i] = ComplexLinalg.add(m[4 * j + i], h);
                f0.add(j, i, c);
            }
        }

        AffineFisherInformation build() {
            return new AffineFisherInformation(f0, m);
        }
    }

    /** The surrogate for the mode at (R_s, Θ0) (W frozen at Θ0). */
    public static AffineFisherInformation of(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, ZMatrixRMaj theta0) {
        if (mode instanceof SensingAtBs) {
            return new LiftedSlotAtBs(slot, rs).surrogate(theta0);
        }
        if (mode instanceof SensingAtIrs irs) {
            return of(irs.lifted(slot, rs, theta0), theta0);
        }
        throw new IllegalArgumentException("unknown sensing mode " + mode);
    }

    /**
     * Sensing at the BS: linearization of Lemma 1's Q_rv, Q_rb, Q_bb at Θ0 (all terms bilinear), with the forms of
     * {@code lf} (formed once per {@link LiftedFimBs}).
     */
    public static AffineFisherInformation of(LiftedFimBs lf, ZMatrixRMaj theta0) {
        int n = lf.r1().numRows;
        requireTheta(theta0, n);
        LiftedFimBs.R1Forms p = lf.r1Forms;
        ZMatrixRMaj r2 = lf.r2();
        double f2 = 2 * lf.snapshots();
        Complex beta = lf.beta();
        ZMatrixRMaj r1t = p.r1T; // u = tr(R1 Θ^T) = tr(R1^T Θ)
        Builder b = new Builder(n);
        for (int r = 0; r < 2; r++) {
            for (int v = r; v < 2; v++) {
                Lin q = Lin.product(r1t, lf.zhR2Z[r][v], theta0)
                        .plus(Lin.product(p.zR1T[v], lf.zhR2[r], theta0))
                        .plus(Lin.product(p.r1ZhT[r], lf.r2Z[v], theta0))
                        .plus(Lin.product(p.zR1ZhT[v][r], r2, theta0));
                b.add(r, v, q.times(f2 * beta.abs2()), 0);
            }
            Lin qb = Lin.product(r1t, lf.zhR2[r], theta0).plus(Lin.product(p.r1ZhT[r], r2, theta0));
            Lin bq = qb.times(beta.conj().times(f2));
            b.add(r, 2, bq, 0); // 2T Re{β^* Q_rb}
            b.add(r, 3, bq.times(new Complex(0, 1)), 0); // 2T Re{β^* Q_rb j} = −2T Im{β^* Q_rb}
        }
        Lin bb = Lin.product(r1t, r2, theta0).times(f2);
        b.add(2, 2, bb, 0);
        b.add(3, 3, bb, 0);
        return b.build();
    }

    /**
     * Sensing at IRSs: Lemma 2's Q̄ are linear in Θ for frozen W̄; the covariance part's (tr Θ)^2 is
     * replaced by its tangent 2 t0 tr Θ − t0^2 (a global minorant of the convex square).
     */
    public static AffineFisherInformation of(LiftedFimIrs lf, ZMatrixRMaj theta0) {
        int n = lf.r1().numRows;
        requireTheta(theta0, n);
        ZMatrixRMaj r1 = lf.r1();
        ZMatrixRMaj[] z = {lf.zTheta(), lf.zPhi()};
        ZMatrixRMaj[] zh = {ComplexLinalg.conjugateTranspose(lf.zTheta()), ComplexLinalg.conjugateTranspose(lf.zPhi())};
        double t = lf.snapshots();
        double f2 = 2 * t;
        double b2 = lf.beta().abs2();
        double[] br = {lf.beta().re(), lf.beta().im()};
        double t0 = ComplexLinalg.complexTrace(theta0).re();
        double sr4 = lf.irsNoise() * lf.irsNoise();
        // σ_r^4 (tr Θ)^2 ≈ σ_r^4 (2 t0 tr Θ − t0^2)
        Lin s4 = new Lin(ComplexLinalg.scale(2 * t0, ComplexLinalg.identity(n)), new Complex(-t0 * t0, 0)).times(sr4);
        Lin u = Lin.transposedForm(r1);
        Complex sw = new Complex(lf.sensorW(), 0);
        Builder b = new Builder(n);
        for (int r = 0; r < 2; r++) {
            for (int v = r; v < 2; v++) {
                Lin q = u.times(get(lf.sensorZZ(), r, v))
                        .plus(Lin.transposedForm(ComplexLinalg.product(z[v], r1)).times(get(lf.sensorZLeft(), r, 0)))
                        .plus(Lin.transposedForm(ComplexLinalg.product(r1, zh[r])).times(get(lf.sensorZRight(), v, 0)))
                        .plus(Lin.transposedForm(ComplexLinalg.product(z[v], r1, zh[r])).times(sw));
                Lin cov = s4.times(t * b2 * b2 * lf.covBB().get(r, v)); // factor 1 ([fangactive E3])
                b.add(r, v, q.times(f2 * b2).plus(cov), 0);
            }
            Lin qb = u.times(get(lf.sensorZLeft(), r, 0)).plus(Lin.transposedForm(ComplexLinalg.product(r1, zh[r])).times(sw));
            Lin bq = qb.times(lf.beta().conj().times(f2));
            Lin cov = s4.times(2 * t * b2 * lf.covBD().get(r, 0)); // factor 2 ([fangactive E3])
            b.add(r, 2, bq.plus(cov.times(br[0])), 0);
            b.add(r, 3, bq.times(new Complex(0, 1)).plus(cov.times(br[1])), 0);
        }
        Lin bb = u.times(f2 * lf.sensorW());
        for (int i = 0; i < 2; i++) {
            for (int j = i; j < 2; j++) {
                Lin cov = s4.times(4 * t * lf.covDD() * br[i] * br[j]); // factor 4 ([fangactive E3])
                b.add(2 + i, 2 + j, i == j ? bb.plus(cov) : cov, 0);
            }
        }
        return b.build();
    }

    /**
     * The IRS power as an affine form in Θ for the Theta-step at Θ0 with R_s fixed: sensing at the
     * BS the linearized (25),
     * <pre>
     *   |β|^2 lin[tr Θ · tr(R1 Θ^T)] + σ_r^2 |β|^2 (2 t0 tr Θ − t0^2) + tr(Diag(G R G^H) Θ) + 2 σ_r^2 tr Θ,
     * </pre>
     * equal to the exact (23a)–(23d) at Θ0 with the same gradient there (not conservative, [fangactive E15]); sensing at
     * IRSs the exact (47) tr(Diag(G R G^H) Θ) + σ_r^2 tr Θ (Θ0 unused).
     */
    public static TraceAffineForm power(SensingMode mode, IrsSlot slot, ZMatrixRMaj rs, ZMatrixRMaj theta0) {
        SensingAtBs.requireCovariance(slot, rs);
        int n = slot.n();
        ZMatrixRMaj grg = ComplexLinalg.product(slot.channel(), rs, ComplexLinalg.conjugateTranspose(slot.channel()));
        if (mode instanceof SensingAtIrs) {
            return TraceAffineForm.hermitian(ComplexLinalg.plusIdentity(ComplexLinalg.diagonalPart(grg), slot.irsNoise()), 0);
        }
        InvalidInputException.require(mode instanceof SensingAtBs, "mode", mode, "must be SensingAtBs or SensingAtIrs");
        requireTheta(theta0, n);
        ZMatrixRMaj a = ComplexLinalg.diagonal(slot.steering());
        ZMatrixRMaj r1 = ComplexLinalg.product(a, slot.channel(), rs, ComplexLinalg.conjugateTranspose(slot.channel()), ComplexLinalg.conjugateTranspose(a));
        return powerAtBs(slot, grg, ComplexLinalg.transpose(r1), theta0);
    }

    /** The linearized (25) at Θ0 with grg = G R G^H and R1^T formed. */
    static TraceAffineForm powerAtBs(IrsSlot slot, ZMatrixRMaj grg, ZMatrixRMaj r1T, ZMatrixRMaj theta0) {
        int n = slot.n();
        requireTheta(theta0, n);
        ZMatrixRMaj linear = ComplexLinalg.plusIdentity(ComplexLinalg.diagonalPart(grg), 2 * slot.irsNoise());
        double b2 = slot.beta().abs2();
        double t0 = ComplexLinalg.complexTrace(theta0).re();
        Lin echo = Lin.product(ComplexLinalg.identity(n), r1T, theta0).times(b2);
        Lin square = new Lin(ComplexLinalg.scale(2 * t0, ComplexLinalg.identity(n)), new Complex(-t0 * t0, 0)).times(slot.irsNoise() * b2);
        Lin p = echo.plus(square).plus(Lin.form(linear));
        return new TraceAffineForm(ComplexLinalg.hermitianPart(p.x()), p.c().re());
    }

    private static Complex get(ZMatrixRMaj m, int i, int j) {
        return new Complex(m.getReal(i, j), m.getImag(i, j));
    }

    private static void requireTheta(ZMatrixRMaj theta, int n) {
        InvalidInputException.require(theta.numRows == n && theta.numCols == n, "Theta shape", theta.numRows + "x" + theta.numCols,
                "must be " + n + "x" + n);
    }
}
