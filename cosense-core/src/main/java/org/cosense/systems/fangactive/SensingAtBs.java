package org.cosense.systems.fangactive;

import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.bounds.GaussianModel;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.optim.TraceAffineForm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * Sensing at the BS ([fangactive S3.4]–[fangactive S3.5]): BS → IRS l (amplify) → target → IRS l (amplify) → BS,
 * y[t] = G^T Psi E Psi G s[t] + G^T Psi z_2[t] + z[t], E = beta a a^T, with the paper's noise covariance
 * R_w = sigma_r^2 G^T Psi Psi^H G^* + sigma_b^2 I (14), which drops the triple-hop noise (13, [fangactive E19]); the
 * exact model keeping it is {@link #exactFim} / {@link #signalModel(IrsSlot, double[], ZMatrixRMaj, boolean)}.
 *
 * <p>Prop. 1, corrected ([fangactive E1]: Re in (17a); [fangactive E2]: beta^* in (17b)):
 * <pre>
 *   F_rv = 2 T_L |β|^2 Re tr(C_r^H W C_v R_s),  F_rb = 2 T_L Re{β^* tr(C_r^H W H R_s) [1, j]},
 *   F_bb = 2 T_L tr(H^H W H R_s) I_2,  covariance part 0 (53),
 * </pre>
 * with u = G^T Psi a, u_r = G^T Psi ȧ_r, H = u u^T, C_r = u_r u^T + u u_r^T.
 */
public final class SensingAtBs implements SensingMode {
    public static final SensingAtBs INSTANCE = new SensingAtBs();

    private SensingAtBs() {
    }

    /** Per-slot quantities shared by the forms below. */
    record Parts(ZMatrixRMaj u, ZMatrixRMaj uTheta, ZMatrixRMaj uPhi, ZMatrixRMaj w, ZMatrixRMaj h, ZMatrixRMaj cTheta,
            ZMatrixRMaj cPhi, double traceTheta) {
        ZMatrixRMaj c(int r) {
            return r == 0 ? cTheta : cPhi;
        }
    }

    static ZMatrixRMaj gtPsi(IrsSlot s, double[] psi) {
        requirePsi(s, psi);
        return ComplexLinalg.product(ComplexLinalg.transpose(s.channel()), ComplexLinalg.diagonal(psi));
    }

    static void requirePsi(IrsSlot s, double[] psi) {
        InvalidInputException.require(psi.length == 2 * s.n(), "psi length", psi.length / 2, "must equal N = " + s.n());
    }

    static void requireCovariance(IrsSlot s, ZMatrixRMaj rs) {
        InvalidInputException.require(rs.numRows == s.m() && rs.numCols == s.m(), "R_s shape", rs.numRows + "x" + rs.numCols,
                "must be M x M with M = " + s.m());
    }

    /** R_w (14). */
    public ZMatrixRMaj noiseCovariance(IrsSlot s, double[] psi) {
        ZMatrixRMaj p = gtPsi(s, psi);
        return ComplexLinalg.plusIdentity(ComplexLinalg.scale(s.irsNoise(), ComplexLinalg.product(p, ComplexLinalg.conjugateTranspose(p))), s.bsNoise());
    }

    Parts parts(IrsSlot s, double[] psi) {
        ZMatrixRMaj p = gtPsi(s, psi);
        AngleUpaParts a = AngleUpaParts.of(s.reflector(), s.theta(), s.phi());
        ZMatrixRMaj u = ComplexLinalg.product(p, a.a());
        ZMatrixRMaj ut = ComplexLinalg.product(p, a.aTheta());
        ZMatrixRMaj up = ComplexLinalg.product(p, a.aPhi());
        ZMatrixRMaj w = ComplexLinalg.inverse(ComplexLinalg.plusIdentity(ComplexLinalg.scale(s.irsNoise(), ComplexLinalg.product(p, ComplexLinalg.conjugateTranspose(p))), s.bsNoise()));
        ZMatrixRMaj ht = ComplexLinalg.product(u, ComplexLinalg.transpose(u));
        ZMatrixRMaj ct = ComplexLinalg.add(ComplexLinalg.product(ut, ComplexLinalg.transpose(u)), ComplexLinalg.product(u, ComplexLinalg.transpose(ut)));
        ZMatrixRMaj cp = ComplexLinalg.add(ComplexLinalg.product(up, ComplexLinalg.transpose(u)), ComplexLinalg.product(u, ComplexLinalg.transpose(up)));
        return new Parts(u, ut, up, w, ht, ct, cp, ComplexLinalg.squaredNorm(psi));
    }

    @Override
    public DMatrixRMaj fim(IrsSlot s, double[] psi, ZMatrixRMaj rs) {
        return proposition1(s, psi, rs, false);
    }

    /**
     * Prop. 1 with (17b) as PRINTED (beta instead of beta^*, [fangactive E2]) — kept only to pin the erratum: its
     * entries differ from the generic engine but its tr(F^{-1}) does not (it rotates the beta
     * coordinates orthogonally; [fangactive C5]).
     */
    public DMatrixRMaj fimAsPrinted(IrsSlot s, double[] psi, ZMatrixRMaj rs) {
        return proposition1(s, psi, rs, true);
    }

    /** The complex trace tr(C_theta^H W C_phi R_s) of (17a) for rho = theta, varpi = phi: not real in general ([fangactive E1]). */
    public Complex angleCrossTrace(IrsSlot s, double[] psi, ZMatrixRMaj rs) {
        Parts p = parts(s, psi);
        return ComplexLinalg.complexTrace(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(p.cTheta()), p.w(), p.cPhi(), rs));
    }

    private DMatrixRMaj proposition1(IrsSlot s, double[] psi, ZMatrixRMaj rs, boolean printedE2) {
        requireCovariance(s, rs);
        Parts p = parts(s, psi);
        double f2 = 2 * s.snapshots();
        Complex beta = s.beta();
        DMatrixRMaj f = new DMatrixRMaj(4, 4);
        for (int r = 0; r < 2; r++) {
            for (int v = r; v < 2; v++) {
                double x = f2 * beta.abs2() * ComplexLinalg.complexTrace(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(p.c(r)), p.w(), p.c(v), rs)).re(); // (17a), [fangactive E1]
                f.set(r, v, x);
                f.set(v, r, x);
            }
            Complex q = ComplexLinalg.complexTrace(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(p.c(r)), p.w(), p.h(), rs));
            Complex bq = (printedE2 ? beta : beta.conj()).times(q); // (17b), [fangactive E2]
            f.set(r, 2, f2 * bq.re());
            f.set(r, 3, -f2 * bq.im()); // Re{z j} = -Im z
            f.set(2, r, f.get(r, 2));
            f.set(3, r, f.get(r, 3));
        }
        double bb = f2 * ComplexLinalg.complexTrace(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(p.h()), p.w(), p.h(), rs)).re(); // (17c)
        f.set(2, 2, bb);
        f.set(3, 3, bb);
        return f;
    }

    /** d eta_t / d xi_p = D_p s[t]: D = [beta C_theta, beta C_phi, H, jH] (3.5.2, compact form). */
    static ZMatrixRMaj[] meanDerivatives(Parts p, Complex beta) {
        return new ZMatrixRMaj[] {ComplexLinalg.scale(beta, p.cTheta()), ComplexLinalg.scale(beta, p.cPhi()), p.h(), ComplexLinalg.scale(0, 1, p.h())};
    }

    /** M_pq = T_L (D_p^H W D_q + D_q^H W D_p). */
    static ZMatrixRMaj[] coefficients(ZMatrixRMaj[] d, ZMatrixRMaj w, double snapshots) {
        ZMatrixRMaj[] m = new ZMatrixRMaj[16];
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
                ZMatrixRMaj x = ComplexLinalg.product(ComplexLinalg.conjugateTranspose(d[i]), w, d[j]);
                ZMatrixRMaj mij = ComplexLinalg.scale(snapshots, ComplexLinalg.add(x, ComplexLinalg.conjugateTranspose(x)));
                m[4 * i + j] = mij;
                m[4 * j + i] = mij;
            }
        }
        return m;
    }

    /** F(R) = Σ_pq tr(M_pq R) E_pq, F_0 = 0: linear in R_s (3.5.2, 3.10). */
    @Override
    public AffineFisherInformation affineInCovariance(IrsSlot s, double[] psi) {
        Parts p = parts(s, psi);
        return new AffineFisherInformation(new DMatrixRMaj(4, 4), coefficients(meanDerivatives(p, s.beta()), p.w(), s.snapshots()));
    }

    /**
     * The exact FIM keeping the triple-hop noise G^T Psi E Psi z_1 (3.5.3, reconstructed): R_w^ex =
     * R_w + sigma_r^2 |β|^2 tr(Θ) u u^H depends on xi, so the covariance term is nonzero.
     */
    public DMatrixRMaj exactFim(IrsSlot s, double[] psi, ZMatrixRMaj rs) {
        requireCovariance(s, rs);
        Parts p = parts(s, psi);
        Complex beta = s.beta();
        double k = s.irsNoise() * p.traceTheta();
        ZMatrixRMaj uu = ComplexLinalg.product(p.u(), ComplexLinalg.conjugateTranspose(p.u()));
        ZMatrixRMaj rex = ComplexLinalg.add(noiseCovariance(s, psi), ComplexLinalg.scale(k * beta.abs2(), uu));
        ZMatrixRMaj wex = ComplexLinalg.inverse(rex);
        ZMatrixRMaj[] dr = {
            ComplexLinalg.scale(k * beta.abs2(), ComplexLinalg.add(ComplexLinalg.product(p.uTheta(), ComplexLinalg.conjugateTranspose(p.u())), ComplexLinalg.product(p.u(), ComplexLinalg.conjugateTranspose(p.uTheta())))),
            ComplexLinalg.scale(k * beta.abs2(), ComplexLinalg.add(ComplexLinalg.product(p.uPhi(), ComplexLinalg.conjugateTranspose(p.u())), ComplexLinalg.product(p.u(), ComplexLinalg.conjugateTranspose(p.uPhi())))),
            ComplexLinalg.scale(2 * k * beta.re(), uu), ComplexLinalg.scale(2 * k * beta.im(), uu)};
        AffineFisherInformation mean = new AffineFisherInformation(new DMatrixRMaj(4, 4),
                coefficients(meanDerivatives(p, beta), wex, s.snapshots()));
        DMatrixRMaj f = mean.evaluate(rs);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                f.add(i, j, s.snapshots() * ComplexLinalg.complexTrace(ComplexLinalg.product(wex, dr[i], wex, dr[j])).re());
            }
        }
        return f;
    }

    /** (8): E||x_1||^2 + E||x_2||^2 from the matrices of (6)–(7). */
    @Override
    public double irsPower(IrsSlot s, double[] psi, ZMatrixRMaj rs) {
        requirePsi(s, psi);
        requireCovariance(s, rs);
        ZMatrixRMaj ps = ComplexLinalg.diagonal(psi);
        ZMatrixRMaj e = ComplexLinalg.scale(s.beta(), ComplexLinalg.product(ComplexLinalg.columnVector(s.steering()), ComplexLinalg.transpose(ComplexLinalg.columnVector(s.steering()))));
        ZMatrixRMaj t = ComplexLinalg.product(ps, e, ps);
        ZMatrixRMaj grg = ComplexLinalg.product(s.channel(), rs, ComplexLinalg.conjugateTranspose(s.channel()));
        double sr = s.irsNoise();
        return ComplexLinalg.complexTrace(ComplexLinalg.product(t, grg, ComplexLinalg.conjugateTranspose(t))).re() + sr * ComplexLinalg.complexTrace(ComplexLinalg.product(t, ComplexLinalg.conjugateTranspose(t))).re()
                + ComplexLinalg.complexTrace(ComplexLinalg.product(ps, grg, ComplexLinalg.conjugateTranspose(ps))).re() + 2 * sr * ComplexLinalg.squaredNorm(psi);
    }

    /** (23a)–(23d): |β|^2 tr(Θ) tr(R1 Θ^T) + σ_r^2 |β|^2 (tr Θ)^2 + tr(G R G^H Diag(Θ)) + 2 σ_r^2 tr Θ. */
    @Override
    public double liftedIrsPower(IrsSlot s, ZMatrixRMaj rs, ZMatrixRMaj theta) {
        requireCovariance(s, rs);
        ZMatrixRMaj a = ComplexLinalg.diagonal(s.steering());
        ZMatrixRMaj grg = ComplexLinalg.product(s.channel(), rs, ComplexLinalg.conjugateTranspose(s.channel()));
        return liftedIrsPower(s, grg, ComplexLinalg.product(a, grg, ComplexLinalg.conjugateTranspose(a)), theta);
    }

    /** (23a)–(23d) with grg = G R G^H and r1 = A (G R G^H) A^H formed. */
    static double liftedIrsPower(IrsSlot s, ZMatrixRMaj grg, ZMatrixRMaj r1, ZMatrixRMaj theta) {
        double tt = ComplexLinalg.complexTrace(theta).re();
        double b2 = s.beta().abs2();
        return b2 * tt * LiftedFimBs.trT(r1, theta).re() + s.irsNoise() * b2 * tt * tt
                + ComplexLinalg.traceOfProduct(grg, ComplexLinalg.diagonalPart(theta)).re() + 2 * s.irsNoise() * tt;
    }

    @Override
    public ReflectionScorer scorer(IrsSlot slot, ZMatrixRMaj rs) {
        return new ReflectionScorer.AtBs(slot, rs);
    }

    /** K = G^H (Psi^H Psi + T^H T) G, T = Psi E Psi; c = sigma_r^2 (|β|^2 (tr Θ)^2 + 2 tr Θ) (3.4). */
    @Override
    public TraceAffineForm powerAffine(IrsSlot s, double[] psi) {
        requirePsi(s, psi);
        ZMatrixRMaj ps = ComplexLinalg.diagonal(psi);
        ZMatrixRMaj e = ComplexLinalg.scale(s.beta(), ComplexLinalg.product(ComplexLinalg.columnVector(s.steering()), ComplexLinalg.transpose(ComplexLinalg.columnVector(s.steering()))));
        ZMatrixRMaj t = ComplexLinalg.product(ps, e, ps);
        ZMatrixRMaj inner = ComplexLinalg.add(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(ps), ps), ComplexLinalg.product(ComplexLinalg.conjugateTranspose(t), t));
        ZMatrixRMaj k = ComplexLinalg.hermitianPart(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(s.channel()), inner, s.channel()));
        double tt = ComplexLinalg.squaredNorm(psi);
        return new TraceAffineForm(k, s.irsNoise() * (s.beta().abs2() * tt * tt + 2 * tt));
    }

    /** Lemma 1's lifted form with W = (σ_r^2 G^T Diag(Θ0) G^* + σ_b^2 I)^{-1} frozen at Θ0 ({@link LiftedSlotAtBs#lifted}). */
    public LiftedFimBs lifted(IrsSlot s, ZMatrixRMaj rs, ZMatrixRMaj theta0) {
        return new LiftedSlotAtBs(s, rs).lifted(theta0);
    }

    @Override
    public DMatrixRMaj liftedFim(IrsSlot s, ZMatrixRMaj rs, ZMatrixRMaj theta) {
        return lifted(s, rs, theta).evaluate(theta);
    }

    /** The paper's model (10)/(14): covariance independent of xi. */
    @Override
    public GaussianModel signalModel(IrsSlot s, double[] psi, ZMatrixRMaj x) {
        return signalModel(s, psi, x, false);
    }

    /** {@code exact}: keep the triple-hop noise G^T Psi E Psi z_1 (3.5.3). */
    public GaussianModel signalModel(IrsSlot s, double[] psi, ZMatrixRMaj x, boolean exact) {
        requirePsi(s, psi);
        InvalidInputException.require(x.numRows == s.m(), "S rows", x.numRows, "must equal M = " + s.m());
        return new SlotSignalModel(s, psi, x) {
            ZMatrixRMaj echo(IrsSlot at) {
                ZMatrixRMaj ps = ComplexLinalg.diagonal(psi);
                ZMatrixRMaj a = ComplexLinalg.columnVector(at.steering());
                ZMatrixRMaj e = ComplexLinalg.scale(at.beta(), ComplexLinalg.product(a, ComplexLinalg.transpose(a)));
                return ComplexLinalg.product(ComplexLinalg.transpose(at.channel()), ps, e, ps); // G^T Psi E Psi
            }

            @Override
            ZMatrixRMaj response(IrsSlot at) {
                return ComplexLinalg.product(echo(at), at.channel());
            }

            @Override
            ZMatrixRMaj snapshotCovariance(IrsSlot at) {
                ZMatrixRMaj p = ComplexLinalg.product(ComplexLinalg.transpose(at.channel()), ComplexLinalg.diagonal(psi));
                ZMatrixRMaj r = ComplexLinalg.plusIdentity(ComplexLinalg.scale(at.irsNoise(), ComplexLinalg.product(p, ComplexLinalg.conjugateTranspose(p))), at.bsNoise());
                if (exact) {
                    ZMatrixRMaj q = echo(at);
                    r = ComplexLinalg.add(r, ComplexLinalg.scale(at.irsNoise(), ComplexLinalg.product(q, ComplexLinalg.conjugateTranspose(q))));
                }
                return r;
            }

            @Override
            public boolean covarianceIsConstant() {
                return !exact;
            }

            @Override
            public List<ZMatrixRMaj> covarianceDerivatives(double[] theta) {
                return exact ? super.covarianceDerivatives(theta) : List.of();
            }
        };
    }
}
