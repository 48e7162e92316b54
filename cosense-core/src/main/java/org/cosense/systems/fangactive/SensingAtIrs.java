package org.cosense.systems.fangactive;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.bounds.GaussianModel;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.optim.TraceAffineForm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * Sensing at the IRSs ([fangactive S3.6]–[fangactive S3.7]): BS → IRS l (amplify once) → target → N̄ sensors on
 * IRS l: ȳ[t] = Ē Psi G s[t] + Ē Psi z_1[t] + z̄[t], Ē = beta ā a^T, so the noise covariance
 * R_w̄ = sigma_r^2 |β|^2 tr(Θ) ā ā^H + sigma_s^2 I (38) depends on xi.
 *
 * <p>Prop. 2, corrected ([fangactive E1] Re, [fangactive E2] beta^*, [fangactive E3] covariance factors 1, 2, 4, [fangactive E4] C̄ with the reflecting
 * derivative, [fangactive E5] sensor indices), with v = G^T Psi a, v_r = G^T Psi ȧ_r:
 * <pre>
 *   C̄_r = ǡ_r v^T + ā v_r^T,  H̄ = ā v^T,  B̄_r = ǡ_r ā^H + ā ǡ_r^H,  D̄ = ā ā^H,
 *   F̄_rv = T_L σ_r^4 |β|^4 (trΘ)^2 tr(W̄ B̄_r W̄ B̄_v) + 2 T_L |β|^2 Re tr(C̄_r^H W̄ C̄_v R_s)
 *   F̄_rb = 2 T_L σ_r^4 |β|^2 (trΘ)^2 tr(W̄ B̄_r W̄ D̄) β_r^T + 2 T_L Re{β^* tr(C̄_r^H W̄ H̄ R_s) [1, j]}
 *   F̄_bb = 4 T_L σ_r^4 (trΘ)^2 tr(W̄ D̄ W̄ D̄) β_r β_r^T + 2 T_L tr(H̄^H W̄ H̄ R_s) I_2.
 * </pre>
 * W̄ by Sherman–Morrison: (I − (c/γ) ā ā^H)/σ_s^2, c = σ_r^2 |β|^2 tr Θ, γ = σ_s^2 + c N̄.
 */
public final class SensingAtIrs implements SensingMode {
    public static final SensingAtIrs INSTANCE = new SensingAtIrs();

    private SensingAtIrs() {
    }

    /** W̄ = R_w̄^{-1} in closed form (Sherman–Morrison, 3.7), as a function of tr Θ. */
    public ZMatrixRMaj inverseNoiseCovariance(IrsSlot s, double traceTheta) {
        s.requireSensors();
        double c = s.irsNoise() * s.beta().abs2() * traceTheta;
        double gamma = s.sensorNoise() + c * s.nBar();
        ZMatrixRMaj ab = ComplexLinalg.columnVector(s.sensorSteering());
        ZMatrixRMaj w = ComplexLinalg.scale(-c / gamma, ComplexLinalg.product(ab, ComplexLinalg.conjugateTranspose(ab)));
        return ComplexLinalg.scale(1 / s.sensorNoise(), ComplexLinalg.plusIdentity(w, 1));
    }

    /** R_w̄ (38) in its rank-one form. */
    public ZMatrixRMaj noiseCovariance(IrsSlot s, double traceTheta) {
        s.requireSensors();
        ZMatrixRMaj ab = ComplexLinalg.columnVector(s.sensorSteering());
        return ComplexLinalg.plusIdentity(ComplexLinalg.scale(s.irsNoise() * s.beta().abs2() * traceTheta, ComplexLinalg.product(ab, ComplexLinalg.conjugateTranspose(ab))), s.sensorNoise());
    }

    record Parts(AngleUpaParts sensor, ZMatrixRMaj[] cBar, ZMatrixRMaj hBar, ZMatrixRMaj w, double[] covariance) {
    }

    /** The covariance part, 4×4 row-major, with the corrected (or printed, [fangactive E3]) factors. */
    private static double[] covariancePart(IrsSlot s, AngleUpaParts sb, ZMatrixRMaj w, double traceTheta, boolean printedE3) {
        ZMatrixRMaj a = sb.a();
        ZMatrixRMaj d = ComplexLinalg.product(a, ComplexLinalg.conjugateTranspose(a));
        ZMatrixRMaj[] b = new ZMatrixRMaj[2];
        for (int r = 0; r < 2; r++) {
            ZMatrixRMaj x = ComplexLinalg.product(sb.derivative(r), ComplexLinalg.conjugateTranspose(a));
            b[r] = ComplexLinalg.add(x, ComplexLinalg.conjugateTranspose(x));
        }
        double t = s.snapshots();
        double s4 = s.irsNoise() * s.irsNoise() * traceTheta * traceTheta;
        double b2 = s.beta().abs2();
        double[] br = {s.beta().re(), s.beta().im()};
        double k1 = printedE3 ? 4 : 1;
        double k2 = printedE3 ? 4 : 2;
        double[] f = new double[16];
        for (int r = 0; r < 2; r++) {
            for (int v = 0; v < 2; v++) {
                f[4 * r + v] = k1 * t * s4 * b2 * b2 * ComplexLinalg.complexTrace(ComplexLinalg.product(w, b[r], w, b[v])).re();
            }
            double bd = k2 * t * s4 * b2 * ComplexLinalg.complexTrace(ComplexLinalg.product(w, b[r], w, d)).re();
            for (int i = 0; i < 2; i++) {
                f[4 * r + 2 + i] = bd * br[i];
                f[4 * (2 + i) + r] = bd * br[i];
            }
        }
        double dd = 4 * t * s4 * ComplexLinalg.complexTrace(ComplexLinalg.product(w, d, w, d)).re();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                f[4 * (2 + i) + 2 + j] = dd * br[i] * br[j];
            }
        }
        return f;
    }

    Parts parts(IrsSlot s, double[] psi, boolean printedE3, boolean printedE4) {
        s.requireSensors();
        ZMatrixRMaj p = SensingAtBs.gtPsi(s, psi);
        AngleUpaParts ar = AngleUpaParts.of(s.reflector(), s.theta(), s.phi());
        AngleUpaParts sb = AngleUpaParts.of(s.sensors(), s.theta(), s.phi());
        if (printedE4) {
            InvalidInputException.require(s.nBar() == s.n(), "N̄", s.nBar(), "the printed C̄ ([fangactive E4]) needs N̄ = N = " + s.n());
        }
        ZMatrixRMaj v = ComplexLinalg.product(p, ar.a());
        ZMatrixRMaj[] c = new ZMatrixRMaj[2];
        for (int r = 0; r < 2; r++) {
            // [fangactive E4]: the second term differentiates the REFLECTING array (Z_r a), transposed.
            ZMatrixRMaj vr = ComplexLinalg.product(p, printedE4 ? sb.derivative(r) : ar.derivative(r));
            c[r] = ComplexLinalg.add(ComplexLinalg.product(sb.derivative(r), ComplexLinalg.transpose(v)), ComplexLinalg.product(sb.a(), ComplexLinalg.transpose(vr)));
        }
        ZMatrixRMaj hb = ComplexLinalg.product(sb.a(), ComplexLinalg.transpose(v));
        double tt = ComplexLinalg.squaredNorm(psi);
        ZMatrixRMaj w = inverseNoiseCovariance(s, tt);
        return new Parts(sb, c, hb, w, covariancePart(s, sb, w, tt, printedE3));
    }

    @Override
    public DMatrixRMaj fim(IrsSlot s, double[] psi, ZMatrixRMaj rs) {
        return proposition2(s, psi, rs, false, false, false);
    }

    /**
     * Prop. 2, optionally with printed forms of the paper restored (the errata pinned by the tests:
     * [fangactive E2] beta not conjugated in (41b), [fangactive E3] covariance factors 4, 4, 4, [fangactive E4] the sensor derivative in C̄).
     */
    DMatrixRMaj proposition2(IrsSlot s, double[] psi, ZMatrixRMaj rs, boolean printedE2, boolean printedE3, boolean printedE4) {
        SensingAtBs.requireCovariance(s, rs);
        Parts p = parts(s, psi, printedE3, printedE4);
        Complex beta = s.beta();
        double f2 = 2 * s.snapshots();
        DMatrixRMaj f = new DMatrixRMaj(4, 4, true, p.covariance());
        for (int r = 0; r < 2; r++) {
            for (int v = r; v < 2; v++) {
                double x = f2 * beta.abs2() * ComplexLinalg.complexTrace(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(p.cBar()[r]), p.w(), p.cBar()[v], rs)).re();
                f.add(r, v, x);
                if (v != r) {
                    f.add(v, r, x);
                }
            }
            Complex q = ComplexLinalg.complexTrace(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(p.cBar()[r]), p.w(), p.hBar(), rs));
            Complex bq = (printedE2 ? beta : beta.conj()).times(q);
            f.add(r, 2, f2 * bq.re());
            f.add(r, 3, -f2 * bq.im());
            f.add(2, r, f2 * bq.re());
            f.add(3, r, -f2 * bq.im());
        }
        double bb = f2 * ComplexLinalg.complexTrace(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(p.hBar()), p.w(), p.hBar(), rs)).re();
        f.add(2, 2, bb);
        f.add(3, 3, bb);
        return f;
    }

    /** F̄(R) = F̄_0 + Σ tr(M̄_pq R) E_pq: F̄_0 the covariance part (rank ≤ 3), M̄ from D̄ = [βC̄_θ, βC̄_φ, H̄, jH̄]. */
    @Override
    public AffineFisherInformation affineInCovariance(IrsSlot s, double[] psi) {
        Parts p = parts(s, psi, false, false);
        Complex beta = s.beta();
        ZMatrixRMaj[] d = {ComplexLinalg.scale(beta, p.cBar()[0]), ComplexLinalg.scale(beta, p.cBar()[1]), p.hBar(), ComplexLinalg.scale(0, 1, p.hBar())};
        return new AffineFisherInformation(new DMatrixRMaj(4, 4, true, p.covariance()),
                SensingAtBs.coefficients(d, p.w(), s.snapshots()));
    }

    /** (34): E||x_1||^2 = tr(Psi G R G^H Psi^H) + sigma_r^2 tr(Psi Psi^H). */
    @Override
    public double irsPower(IrsSlot s, double[] psi, ZMatrixRMaj rs) {
        SensingAtBs.requirePsi(s, psi);
        SensingAtBs.requireCovariance(s, rs);
        ZMatrixRMaj ps = ComplexLinalg.diagonal(psi);
        return ComplexLinalg.complexTrace(ComplexLinalg.product(ps, s.channel(), rs, ComplexLinalg.conjugateTranspose(s.channel()), ComplexLinalg.conjugateTranspose(ps))).re() + s.irsNoise() * ComplexLinalg.squaredNorm(psi);
    }

    /** (47): tr(G R G^H Diag(Θ)) + sigma_r^2 tr Θ (linear in Θ). */
    @Override
    public double liftedIrsPower(IrsSlot s, ZMatrixRMaj rs, ZMatrixRMaj theta) {
        SensingAtBs.requireCovariance(s, rs);
        return firstPassPower(s, ComplexLinalg.product(s.channel(), rs, ComplexLinalg.conjugateTranspose(s.channel())), theta);
    }

    /** (47) with grg = G R G^H formed. */
    static double firstPassPower(IrsSlot s, ZMatrixRMaj grg, ZMatrixRMaj theta) {
        return ComplexLinalg.traceOfProduct(grg, ComplexLinalg.diagonalPart(theta)).re() + s.irsNoise() * ComplexLinalg.complexTrace(theta).re();
    }

    @Override
    public ReflectionScorer scorer(IrsSlot slot, ZMatrixRMaj rs) {
        return new ReflectionScorer.AtIrs(slot, rs);
    }

    /** K = G^H Psi^H Psi G, c = sigma_r^2 tr Θ (3.6). */
    @Override
    public TraceAffineForm powerAffine(IrsSlot s, double[] psi) {
        SensingAtBs.requirePsi(s, psi);
        ZMatrixRMaj ps = ComplexLinalg.diagonal(psi);
        ZMatrixRMaj k = ComplexLinalg.hermitianPart(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(s.channel()), ComplexLinalg.conjugateTranspose(ps), ps, s.channel()));
        return new TraceAffineForm(k, s.irsNoise() * ComplexLinalg.squaredNorm(psi));
    }

    /** Lemma 2's lifted form with W̄ frozen at W̄(tr Θ0). */
    public LiftedFimIrs lifted(IrsSlot s, ZMatrixRMaj rs, ZMatrixRMaj theta0) {
        SensingAtBs.requireCovariance(s, rs);
        s.requireSensors();
        ZMatrixRMaj w = inverseNoiseCovariance(s, ComplexLinalg.complexTrace(theta0).re());
        AngleUpaParts sb = AngleUpaParts.of(s.sensors(), s.theta(), s.phi());
        ZMatrixRMaj d = ComplexLinalg.product(sb.a(), ComplexLinalg.conjugateTranspose(sb.a()));
        ZMatrixRMaj[] zb = {s.sensors().zTheta(s.theta(), s.phi()), s.sensors().zPhi(s.theta(), s.phi())};
        ZMatrixRMaj zz = new ZMatrixRMaj(2, 2);
        ZMatrixRMaj zl = new ZMatrixRMaj(2, 1);
        ZMatrixRMaj zr = new ZMatrixRMaj(2, 1);
        DMatrixRMaj bbm = new DMatrixRMaj(2, 2);
        DMatrixRMaj bdm = new DMatrixRMaj(2, 1);
        ZMatrixRMaj[] b = new ZMatrixRMaj[2];
        for (int r = 0; r < 2; r++) {
            ZMatrixRMaj x = ComplexLinalg.product(sb.derivative(r), ComplexLinalg.conjugateTranspose(sb.a()));
            b[r] = ComplexLinalg.add(x, ComplexLinalg.conjugateTranspose(x));
        }
        for (int r = 0; r < 2; r++) {
            for (int v = 0; v < 2; v++) {
                Complex q = ComplexLinalg.complexTrace(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(zb[r]), w, zb[v], d));
                zz.set(r, v, q.re(), q.im());
                bbm.set(r, v, ComplexLinalg.complexTrace(ComplexLinalg.product(w, b[r], w, b[v])).re());
            }
            Complex l = ComplexLinalg.complexTrace(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(zb[r]), w, d));
            zl.set(r, 0, l.re(), l.im());
            Complex rr = ComplexLinalg.complexTrace(ComplexLinalg.product(w, zb[r], d));
            zr.set(r, 0, rr.re(), rr.im());
            bdm.set(r, 0, ComplexLinalg.complexTrace(ComplexLinalg.product(w, b[r], w, d)).re());
        }
        double sw = ComplexLinalg.complexTrace(ComplexLinalg.product(w, d)).re();
        double dd = ComplexLinalg.complexTrace(ComplexLinalg.product(w, d, w, d)).re();
        ZMatrixRMaj a = ComplexLinalg.diagonal(s.steering());
        ZMatrixRMaj r1 = ComplexLinalg.product(a, s.channel(), rs, ComplexLinalg.conjugateTranspose(s.channel()), ComplexLinalg.conjugateTranspose(a));
        return new LiftedFimIrs(r1, s.reflector().zTheta(s.theta(), s.phi()), s.reflector().zPhi(s.theta(), s.phi()), zz, zl, zr, sw,
                bbm, bdm, dd, s.beta(), s.irsNoise(), s.snapshots());
    }

    @Override
    public DMatrixRMaj liftedFim(IrsSlot s, ZMatrixRMaj rs, ZMatrixRMaj theta) {
        return lifted(s, rs, theta).evaluate(theta);
    }

    /** The model (35)–(38) with R_w̄ computed from Ē Psi directly (not from its rank-one form). */
    @Override
    public GaussianModel signalModel(IrsSlot s, double[] psi, ZMatrixRMaj x) {
        SensingAtBs.requirePsi(s, psi);
        s.requireSensors();
        InvalidInputException.require(x.numRows == s.m(), "S rows", x.numRows, "must equal M = " + s.m());
        return new SlotSignalModel(s, psi, x) {
            ZMatrixRMaj echo(IrsSlot at) {
                ZMatrixRMaj e = ComplexLinalg.scale(at.beta(), ComplexLinalg.product(ComplexLinalg.columnVector(at.sensorSteering()), ComplexLinalg.transpose(ComplexLinalg.columnVector(at.steering()))));
                return ComplexLinalg.product(e, ComplexLinalg.diagonal(psi)); // Ē Psi
            }

            @Override
            ZMatrixRMaj response(IrsSlot at) {
                return ComplexLinalg.product(echo(at), at.channel());
            }

            @Override
            ZMatrixRMaj snapshotCovariance(IrsSlot at) {
                ZMatrixRMaj q = echo(at);
                return ComplexLinalg.plusIdentity(ComplexLinalg.scale(at.irsNoise(), ComplexLinalg.product(q, ComplexLinalg.conjugateTranspose(q))), at.sensorNoise());
            }
        };
    }
}
