package org.cosense.systems.fangactive;

/**
 * Where the alternating optimization spends its time ([fangactive S3.15]): switches for the work-saving rules of the
 * AO, each of which can be turned off to run the loop as the paper states it (the reference loop).
 *
 * @param skipStagnantPsiSteps    from AO iteration {@link #STAGNATION_FROM_ITERATION} on, skip the Psi-step of an IRS
 *                                whose previous Psi-step lowered its CRB by at most {@link #STAGNATION} relative while
 *                                its R_{s,l} has moved by at most {@link #COVARIANCE_CHANGE} since; OFF by default: it
 *                                worsens designs beyond the 1e-4 tolerance ([fangactive S3.15.1])
 * @param reuseScaSolutions       an SCA loop whose inputs (mode, slot, R_{s,l}, psi_in, passive, I_SCA) are
 *                                bit-identical to an earlier one of the same designer returns that loop's result
 *                                instead of solving again (bit-identical by construction, [fangactive S3.15.2])
 * @param skipRankOneRandomization when the final SCA iterate is numerically rank one ({@link #RANK_ONE}), score only
 *                                the incumbent and the principal candidate, without the Q Gaussian draws
 *                                ([fangactive S3.15.3])
 * @param looseEarlyScaSolves     the SDR solves of an SCA loop before its last possible one (i &lt; I_SCA) stop at the
 *                                relative gap {@link #EARLY_SCA_GAP} instead of the solver's own; the last one keeps the
 *                                solver's gap (only with a {@link org.cosense.optim.DualTraceInverseSolver}); OFF by
 *                                default: it moves designs by more than the 1e-4 tolerance ([fangactive S3.15.4])
 * @param stopAtGlobalBound       sensing at the IRSs (active IRSs): an AO run, a reflective-only sweep or the remaining
 *                                starts of the proposed design stop once the max-CRB is within {@link #BOUND_ATTAINED}
 *                                (relative) of the global lower bound {@link IrsSensingBound#maxCrbBound}, which no
 *                                design meeting the IRS budget can go below ([fangactive S3.15.6])
 * @param scalePassiveDesigns     a sweep over P_t alone designs each passive benchmark once per realization and carries
 *                                it to the other P_t with R scaled by the ratio of the powers (the passive designs'
 *                                CRBs are homogeneous of degree −1 in R); applied by the figures ([fangactive S3.15.8])
 * @param warmStartScaSolves      each SDR solve of an SCA loop after its first starts from the previous solve's first
 *                                iterate within {@link org.cosense.optim.WarmStart#CENTRED} on every measure instead of
 *                                the cold start (only with a {@link org.cosense.optim.DualTraceInverseSolver}); the
 *                                solves stop at the same tolerances; OFF by default: about 28% fewer interior-point
 *                                iterations, but fig4's designs end worse on average than under a one-ulp change of
 *                                the channels ([fangactive S3.15.13])
 */
public record AoSettings(boolean skipStagnantPsiSteps, boolean reuseScaSolutions, boolean skipRankOneRandomization,
        boolean looseEarlyScaSolves, boolean stopAtGlobalBound, boolean scalePassiveDesigns, boolean warmStartScaSolves) {
    /** delta_psi: a Psi-step "stagnates" when CRB_in − CRB_out ≤ delta_psi · CRB_in. */
    public static final double STAGNATION = 1e-6;
    /** The first AO iteration (1-based) in which stagnant Psi-steps are skipped: the first two always run. */
    public static final int STAGNATION_FROM_ITERATION = 3;
    /** rho_R: a stagnant IRS's Psi-step is skipped only while ‖R_{s,l} − R_seen‖_F ≤ rho_R ‖R_seen‖_F. */
    public static final double COVARIANCE_CHANGE = 1e-3;
    /** Rank-one test: Σ_{k ≥ 2} max(λ_k, 0) ≤ RANK_ONE · λ_1 for the eigenvalues λ_1 ≥ λ_2 ≥ … of Θ. */
    public static final double RANK_ONE = 1e-9;
    /**
     * The relative duality gap of the early SCA solves: a hundredth of eps_SCA, the relative decrease of J_l below which
     * the loop stops, so an early solve's inexactness cannot decide whether the loop goes on.
     */
    public static final double EARLY_SCA_GAP = 1e-6;
    /**
     * delta_B: a max-CRB J "attains" the global bound B when J ≤ B (1 + delta_B); no design can then be better by more
     * than delta_B relative, a hundredth of the 1e-4 tolerance of [fangactive S3.15] and below the figures' 1e-6 of
     * "globally optimal" and of "non-increasing".
     */
    public static final double BOUND_ATTAINED = 1e-7;

    /**
     * The rules that keep designs within 1e-4 of the loop as printed ([fangactive S3.15]): SCA reuse, the rank-one
     * randomization skip and the stop at the global bound; the stagnation skip ([fangactive S3.15.1]), the loose early SCA
     * solves ([fangactive S3.15.4]) and the warm-started SCA solves ([fangactive S3.15.13]) stay off. The default of the
     * figures, the simulate command and the library.
     */
    public static AoSettings fast() {
        return new AoSettings(false, true, true, false, true, false, false);
    }

    /** Every rule off: the loop as printed (the baseline of {@code cosense bench fang-ao}). */
    public static AoSettings reference() {
        return new AoSettings(false, false, false, false, false, false, false);
    }

    public AoSettings withSkipStagnantPsiSteps(boolean on) {
        return new AoSettings(on, reuseScaSolutions, skipRankOneRandomization, looseEarlyScaSolves, stopAtGlobalBound, scalePassiveDesigns, warmStartScaSolves);
    }

    public AoSettings withReuseScaSolutions(boolean on) {
        return new AoSettings(skipStagnantPsiSteps, on, skipRankOneRandomization, looseEarlyScaSolves, stopAtGlobalBound, scalePassiveDesigns, warmStartScaSolves);
    }

    public AoSettings withSkipRankOneRandomization(boolean on) {
        return new AoSettings(skipStagnantPsiSteps, reuseScaSolutions, on, looseEarlyScaSolves, stopAtGlobalBound, scalePassiveDesigns, warmStartScaSolves);
    }

    public AoSettings withLooseEarlyScaSolves(boolean on) {
        return new AoSettings(skipStagnantPsiSteps, reuseScaSolutions, skipRankOneRandomization, on, stopAtGlobalBound, scalePassiveDesigns, warmStartScaSolves);
    }

    public AoSettings withScalePassiveDesigns(boolean on) {
        return new AoSettings(skipStagnantPsiSteps, reuseScaSolutions, skipRankOneRandomization, looseEarlyScaSolves, stopAtGlobalBound, on, warmStartScaSolves);
    }

    public AoSettings withWarmStartScaSolves(boolean on) {
        return new AoSettings(skipStagnantPsiSteps, reuseScaSolutions, skipRankOneRandomization, looseEarlyScaSolves, stopAtGlobalBound,
                scalePassiveDesigns, on);
    }

    public AoSettings withStopAtGlobalBound(boolean on) {
        return new AoSettings(skipStagnantPsiSteps, reuseScaSolutions, skipRankOneRandomization, looseEarlyScaSolves, on, scalePassiveDesigns, warmStartScaSolves);
    }
}
