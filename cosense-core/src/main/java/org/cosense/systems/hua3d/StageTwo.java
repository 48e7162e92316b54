package org.cosense.systems.hua3d;

import java.util.List;
import org.cosense.array.Upa;
import org.cosense.geom.SpatialFrequency;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.signal.IrsBeam;

/**
 * Stage II of Hua et al. (IRS m on): the BS beams at the IRS, w_BS = sqrt(P/N) conj(a_D), and
 * matched-filters with a_D^H; the static BS-target-BS and BS-IRS-BS echoes are removed perfectly
 * ([hua3d E18], ASSUMED genie). Per sample (32a):
 * y^[t] = sum_k alpha_k q_k[t]^2 + alphat_k b_k q_k[t] + n^[t], n^ ~ CN(0, N sigma^2) (pitfall [hua3d P10]),
 * with q_k[t] = w_IRS[t]^T (u(mu_k) ⊗ u(nu_k)) at the effective frequencies (38).
 */
public final class StageTwo {
    private final Scene scene;
    private final int m;
    private final double power;
    private final LinkModel links;
    private final Complex[] alpha;
    private final Complex[] alphaTildeB;
    private final SpatialFrequency[] effective;

    public StageTwo(Scene scene, int irsIndex, double power, LinkModel links) {
        this.scene = scene;
        this.m = irsIndex;
        this.power = power;
        this.links = links;
        int kk = scene.targets().size();
        alpha = new Complex[kk];
        alphaTildeB = new Complex[kk];
        effective = new SpatialFrequency[kk];
        for (int k = 0; k < kk; k++) {
            alpha[k] = alpha(scene, m, k, power);
            alphaTildeB[k] = alphaTilde(scene, m, k, power).times(leakage(scene, m, k));
            effective[k] = scene.effectiveIrsFrequency(m, k);
        }
    }

    /** alpha = beta_ITI beta_B2I^2 N sqrt(P N) (39a, corrected [hua3d E7]). */
    public static Complex alpha(Scene s, int m, int k, double power) {
        int n = s.bsArray().size();
        Complex b = s.betaB2i(m);
        return s.betaIti(m, k).times(b.times(b)).times(n * Math.sqrt(power * n));
    }

    /** alphat = 2 beta_BTI beta_B2I sqrt(P N) (54a, corrected [hua3d E8]). */
    public static Complex alphaTilde(Scene s, int m, int k, double power) {
        int n = s.bsArray().size();
        return s.betaBti(m, k).times(s.betaB2i(m)).times(2 * Math.sqrt(power * n));
    }

    /** b = a_D^H a_B2T: leakage of the BS beam towards the target (54). */
    public static Complex leakage(Scene s, int m, int k) {
        Upa upa = s.bsArray();
        SpatialFrequency d = s.bsToIrsDeparture(m);
        SpatialFrequency t = s.bsToTarget(k);
        double[] ad = upa.steering(d.mu(), d.nu());
        double[] at = upa.steering(t.mu(), t.nu());
        double re = 0;
        double im = 0;
        for (int i = 0; i < ad.length; i += 2) {
            re += ad[i] * at[i] + ad[i + 1] * at[i + 1];
            im += ad[i] * at[i + 1] - ad[i + 1] * at[i];
        }
        return new Complex(re, im);
    }

    public SpatialFrequency effective(int k) {
        return effective[k];
    }

    public Complex alpha(int k) {
        return alpha[k];
    }

    public int irsIndex() {
        return m;
    }

    public double power() {
        return power;
    }

    public Scene scene() {
        return scene;
    }

    /** Post-filter noise variance N sigma^2 (50). */
    public double noiseVariance() {
        return scene.bsArray().size() * scene.noiseVariance();
    }

    /**
     * Noiseless matched-filter output for one separable IRS beam after the receiver has removed the
     * two static echoes it knows ([hua3d E18]): the paths selected by the link model.
     */
    public Complex signal(IrsBeam beam) {
        return irsPaths(beam);
    }

    /**
     * The matched-filter output before static-echo removal: all four link terms of (30) —
     * BS-target-BS, BS-IRS-target-IRS-BS and the two single-bounce cross paths — plus the BS-IRS-BS
     * reflection. {@link #signal} equals this minus {@link #staticEcho} ([hua3d C15] checks both
     * against full-array products).
     */
    public Complex received(IrsBeam beam) {
        return irsPaths(beam).plus(staticEcho(beam));
    }

    /**
     * The echoes the receiver knows and subtracts ([hua3d E18], ASSUMED perfect): the direct BS-target-BS term
     * sum_k beta_BTB,k (a_D^H a_B2T,k)^2 sqrt(P/N), which does not depend on the IRS beam, and the
     * BS-IRS-BS reflection beta_B2I^2 N sqrt(P N) w_IRS^T (b_A ∘ b_A), with b_A ∘ b_A = b(2 mu_A, 2 nu_A)
     * by the beam-product rule.
     */
    public Complex staticEcho(IrsBeam beam) {
        int n = scene.bsArray().size();
        Complex direct = Complex.ZERO;
        for (int k = 0; k < effective.length; k++) {
            Complex b = leakage(scene, m, k);
            direct = direct.plus(scene.betaBtb(k).times(b.times(b)).times(Math.sqrt(power / n)));
        }
        SpatialFrequency a = scene.bsToIrsArrival(m);
        Complex bb = scene.betaB2i(m);
        Complex irsEcho = bb.times(bb).times(n * Math.sqrt(power * n)).times(beam.response(2 * a.mu(), 2 * a.nu()));
        return direct.plus(irsEcho);
    }

    private Complex irsPaths(IrsBeam beam) {
        Complex y = Complex.ZERO;
        for (int k = 0; k < effective.length; k++) {
            Complex q = beam.response(effective[k].mu(), effective[k].nu());
            if (links != LinkModel.CASE2) {
                y = y.plus(alpha[k].times(q.times(q)));
            }
            if (links != LinkModel.CASE1) {
                y = y.plus(alphaTildeB[k].times(q));
            }
        }
        return y;
    }

    /** Noisy samples (interleaved) for a sequence of beams. */
    public double[] simulate(List<IrsBeam> beams, RandomStream rng) {
        double[] y = new double[2 * beams.size()];
        double s = Math.sqrt(noiseVariance() / 2);
        for (int t = 0; t < beams.size(); t++) {
            Complex v = signal(beams.get(t));
            y[2 * t] = v.re() + s * rng.nextGaussian();
            y[2 * t + 1] = v.im() + s * rng.nextGaussian();
        }
        return y;
    }

    /** One noisy sample's power |y^|^2. */
    public double measurePower(IrsBeam beam, RandomStream rng) {
        Complex v = signal(beam);
        double s = Math.sqrt(noiseVariance() / 2);
        double re = v.re() + s * rng.nextGaussian();
        double im = v.im() + s * rng.nextGaussian();
        return re * re + im * im;
    }

    private static Complex dotH(double[] x, double[] y) {
        double[] d = ComplexLinalg.dotConj(x, y);
        return new Complex(d[0], d[1]);
    }
}
