package org.cosense.systems.fangactive;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cosense.optim.Status;
import org.ejml.data.ZMatrixRMaj;

/**
 * The work of one designer's procedures, counted, and the memory of its SCA loops for
 * {@link AoSettings#reuseScaSolutions()}. One per {@link FangDesigner}; not thread-safe (a designer runs one
 * realization on one thread, [fangactive P12]).
 */
public final class AoWork {
    /**
     * Counts.
     *
     * @param psiSteps              Psi-steps run
     * @param psiStepsSkipped       Psi-steps skipped as stagnant ([fangactive S3.15.1])
     * @param sdrSolves             SDR programs solved
     * @param sdrIterations         interior-point iterations of those solves
     * @param scaLoopsReused        SCA loops answered from memory ([fangactive S3.15.2])
     * @param randomizations        Gaussian randomizations run with their Q draws
     * @param randomizationsSkipped randomizations reduced to incumbent and principal candidate ([fangactive S3.15.3])
     */
    public record Counts(long psiSteps, long psiStepsSkipped, long sdrSolves, long sdrIterations, long scaLoopsReused, long randomizations,
            long randomizationsSkipped) {
        public Counts plus(Counts o) {
            return new Counts(psiSteps + o.psiSteps, psiStepsSkipped + o.psiStepsSkipped, sdrSolves + o.sdrSolves,
                    sdrIterations + o.sdrIterations, scaLoopsReused + o.scaLoopsReused, randomizations + o.randomizations,
                    randomizationsSkipped + o.randomizationsSkipped);
        }

        public static Counts zero() {
            return new Counts(0, 0, 0, 0, 0, 0, 0);
        }
    }

    long psiSteps;
    long psiStepsSkipped;
    long sdrSolves;
    long sdrIterations;
    long scaLoopsReused;
    long randomizations;
    long randomizationsSkipped;

    /** The outcome of one SCA loop: the final iterate, J after each accepted step, the solver statuses. */
    record ScaOutcome(ZMatrixRMaj theta, List<Double> trace, List<Status> statuses) {
    }

    /** The inputs that determine an SCA loop: slot and mode by identity, numbers by their bits. */
    record ScaKey(SensingMode mode, IrsSlot slot, boolean passive, int scaIterations, Budget budget, Bits rs, Bits psi) {
    }

    /** Exact (bitwise) equality of double arrays. */
    record Bits(long[] bits) {
        static Bits of(double[] v) {
            long[] b = new long[v.length];
            for (int i = 0; i < v.length; i++) {
                b[i] = Double.doubleToRawLongBits(v[i]);
            }
            return new Bits(b);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bits b && Arrays.equals(bits, b.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }

    private final Map<ScaKey, ScaOutcome> sca = new HashMap<>();

    ScaOutcome recall(ScaKey key) {
        return sca.get(key);
    }

    void remember(ScaKey key, ScaOutcome outcome) {
        sca.put(key, outcome);
    }

    public Counts counts() {
        return new Counts(psiSteps, psiStepsSkipped, sdrSolves, sdrIterations, scaLoopsReused, randomizations, randomizationsSkipped);
    }
}
