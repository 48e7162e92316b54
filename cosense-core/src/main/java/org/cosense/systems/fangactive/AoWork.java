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
     * @param boundStops            AO runs, reflective-only sweeps and proposed designs (remaining starts) stopped at the
     *                              global bound ([fangactive S3.15.6])
     */
    public record Counts(long psiSteps, long psiStepsSkipped, long sdrSolves, long sdrIterations, long scaLoopsReused, long randomizations,
            long randomizationsSkipped, long boundStops) {
        public Counts plus(Counts o) {
            return new Counts(psiSteps + o.psiSteps, psiStepsSkipped + o.psiStepsSkipped, sdrSolves + o.sdrSolves,
                    sdrIterations + o.sdrIterations, scaLoopsReused + o.scaLoopsReused, randomizations + o.randomizations,
                    randomizationsSkipped + o.randomizationsSkipped, boundStops + o.boundStops);
        }

        public Counts minus(Counts o) {
            return new Counts(psiSteps - o.psiSteps, psiStepsSkipped - o.psiStepsSkipped, sdrSolves - o.sdrSolves,
                    sdrIterations - o.sdrIterations, scaLoopsReused - o.scaLoopsReused, randomizations - o.randomizations,
                    randomizationsSkipped - o.randomizationsSkipped, boundStops - o.boundStops);
        }

        public static Counts zero() {
            return new Counts(0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    long psiSteps;
    long psiStepsSkipped;
    long sdrSolves;
    long sdrIterations;
    long scaLoopsReused;
    long randomizations;
    long randomizationsSkipped;
    long boundStops;

    /**
     * Where a designer's time went, in nanoseconds of wall clock ({@link System#nanoTime}; a profile, not a
     * benchmark: on a loaded machine every section stretches alike).
     *
     * @param rStep         R-steps ({@link RStep#solve}: forming, solving, repair, incumbent comparison)
     * @param sdrForming    forming the Psi-step SDR programs (the SCA surrogate FIM and linearized power)
     * @param sdrSolve      the SDR solves of the SCA loops (the convex solver)
     * @param lineSearch    the safeguarded SCA steps (exact relaxed objective and power of each trial step)
     * @param rankOneTest   the rank-one test of the final SCA iterate ([fangactive S3.15.3])
     * @param randomization Gaussian randomization: candidates drawn, made feasible and scored
     * @param evaluate      exact evaluation of the designs between half-steps
     * @param stages        total time per design stage (index = the stage of the random streams, see FangDesigner)
     */
    public record Times(long rStep, long sdrForming, long sdrSolve, long lineSearch, long rankOneTest, long randomization, long evaluate,
            long[] stages) {
        public Times plus(Times o) {
            long[] s = new long[Math.max(stages.length, o.stages.length)];
            for (int i = 0; i < s.length; i++) {
                s[i] = (i < stages.length ? stages[i] : 0) + (i < o.stages.length ? o.stages[i] : 0);
            }
            return new Times(rStep + o.rStep, sdrForming + o.sdrForming, sdrSolve + o.sdrSolve, lineSearch + o.lineSearch,
                    rankOneTest + o.rankOneTest, randomization + o.randomization, evaluate + o.evaluate, s);
        }

        public Times minus(Times o) {
            long[] s = stages.clone();
            for (int i = 0; i < Math.min(s.length, o.stages.length); i++) {
                s[i] -= o.stages[i];
            }
            return new Times(rStep - o.rStep, sdrForming - o.sdrForming, sdrSolve - o.sdrSolve, lineSearch - o.lineSearch,
                    rankOneTest - o.rankOneTest, randomization - o.randomization, evaluate - o.evaluate, s);
        }

        /** The sections' sum. */
        public long sections() {
            return rStep + sdrForming + sdrSolve + lineSearch + rankOneTest + randomization + evaluate;
        }

        public static Times zero() {
            return new Times(0, 0, 0, 0, 0, 0, 0, new long[STAGES]);
        }
    }

    /** The number of design stages timed (the stages of FangDesigner's random streams). */
    public static final int STAGES = 6;

    long rStepNanos;
    long sdrFormingNanos;
    long sdrSolveNanos;
    long lineSearchNanos;
    long rankOneTestNanos;
    long randomizationNanos;
    long evaluateNanos;
    final long[] stageNanos = new long[STAGES];

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

    public Times times() {
        return new Times(rStepNanos, sdrFormingNanos, sdrSolveNanos, lineSearchNanos, rankOneTestNanos, randomizationNanos, evaluateNanos,
                stageNanos.clone());
    }

    public Counts counts() {
        return new Counts(psiSteps, psiStepsSkipped, sdrSolves, sdrIterations, scaLoopsReused, randomizations, randomizationsSkipped,
                boundStops);
    }
}
