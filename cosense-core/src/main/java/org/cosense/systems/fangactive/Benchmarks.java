package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.channel.ActiveIrs;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/**
 * The fixed parts of the paper's benchmark designs ([fangactive S3.12]); the optimized parts (R-step,
 * Psi-step) are solved elsewhere.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /** Transmit BF only: psi_l = a_max exp(j arg r_l), r_l ~ CN(0, I_N), from {@link FangStreams#benchmarkPhases}. */
    public static List<double[]> randomPhaseReflections(int irsCount, int n, double maxAmplitude, long seed, long draw) {
        List<double[]> out = new ArrayList<>(irsCount);
        for (int l = 0; l < irsCount; l++) {
            out.add(ActiveIrs.randomPhases(n, maxAmplitude, FangStreams.benchmarkPhases(seed, draw, l)));
        }
        return out;
    }

    /** Reflective BF only / isotropic transmission: R = (P_t/M) I_M ([fangactive E11]: meets (18b) with equality). */
    public static ZMatrixRMaj isotropicCovariance(int m, double bsPower) {
        InvalidInputException.positive("BS antennas M", m);
        InvalidInputException.positive("BS power P_t (W)", bsPower);
        return ComplexLinalg.scale(bsPower / m, ComplexLinalg.identity(m));
    }

    public static List<ZMatrixRMaj> isotropicCovariances(int irsCount, int m, double bsPower) {
        List<ZMatrixRMaj> out = new ArrayList<>();
        for (int l = 0; l < irsCount; l++) {
            out.add(isotropicCovariance(m, bsPower));
        }
        return out;
    }

    /** Passive IRS (ASSUMED model): the same slots without amplifier noise; reflections must be unit-modulus. */
    public static List<IrsSlot> passiveSlots(List<IrsSlot> slots) {
        return slots.stream().map(IrsSlot::passive).toList();
    }

    /** A passive reflection: exp(j arg psi_n) (the passive randomization projection, 3.11.4). */
    public static double[] unitModulus(double[] psi) {
        return ActiveIrs.passiveSurface().project(psi);
    }

    /** Random unit-modulus reflections (passive start), same streams as {@link #randomPhaseReflections}. */
    public static List<double[]> randomPassiveReflections(int irsCount, int n, long seed, long draw) {
        return randomPhaseReflections(irsCount, n, 1, seed, draw);
    }

    /**
     * The largest common factor s ∈ (0, a_max / max|psi_n|] such that s·psi meets the IRS budget under R
     * (reflective-only start, 3.12; also the rescaling of 3.11.4). The power is B s^2 (sensing at IRSs)
     * or A s^4 + B s^2 (sensing at BS): solved in closed form instead of bisection. Returns s·psi.
     */
    public static double[] scaleToBudget(SensingMode mode, IrsSlot slot, double[] psi, ZMatrixRMaj rs, double irsBudget,
            double maxAmplitude) {
        return scaleToBudget(mode.scorer(slot, rs), psi, irsBudget, maxAmplitude);
    }

    /** {@link #scaleToBudget(SensingMode, IrsSlot, double[], ZMatrixRMaj, double, double)} with a prepared scorer. */
    public static double[] scaleToBudget(ReflectionScorer scorer, double[] psi, double irsBudget, double maxAmplitude) {
        InvalidInputException.positive("IRS power P_s (W)", irsBudget);
        double max = 0;
        for (int k = 0; k < psi.length / 2; k++) {
            max = Math.max(max, Math.hypot(psi[2 * k], psi[2 * k + 1]));
        }
        InvalidInputException.require(max > 0, "psi", "0", "must be non-zero");
        double sMax = maxAmplitude / max;
        // B: the first-pass terms (quadratic in s); A: the echo re-amplification terms (quartic, sensing at BS only)
        double b = scorer.quadraticPower(psi);
        double a = scorer.quarticPower(psi);
        double s2 = 2 * irsBudget / (b + Math.sqrt(b * b + 4 * a * irsBudget)); // stable root of A s^4 + B s^2 = P_s
        return scaled(psi, Math.min(sMax, Math.sqrt(s2)));
    }

    static double[] scaled(double[] psi, double s) {
        double[] o = psi.clone();
        for (int i = 0; i < o.length; i++) {
            o[i] *= s;
        }
        return o;
    }
}
