package org.cosense.localization;

/**
 * Hybrid time–angle localization from cascaded paths between K anchors through the target (anchor j →
 * target → anchor k, path length ρ_jk = d_j + d_k) and one bearing per anchor, Zhang et al. Section V:
 * stage 1 {@link PairwiseSumFusion} turns the K² path lengths into K ranges with their covariance, then one of
 * the {@link Method}s of {@link RangeBearingLocalizer}. Lengths in metres; ρ_jk = c τ_jk.
 */
public final class CascadedHybridLocalizer {
    /** The localizers of Figs. 7–8. */
    public enum Method {
        /** Stage 1, then least squares. */
        LS("ls"),
        /** Stage 1, then WLS weighted by the errors of b only. */
        WLS("wls"),
        /** Stages 1 and 2 (constrained TLS). */
        TWO_STAGE("two-stage"),
        /** Stages 1, 2 and 3 (quadratic correction): the proposed algorithm. */
        THREE_STAGE("three-stage");

        private final String series;

        Method(String series) {
            this.series = series;
        }

        public String series() {
            return series;
        }
    }

    private CascadedHybridLocalizer() {
    }

    /**
     * @param anchors             q_k (K × 2)
     * @param pathLengths         ρ_jk (K × K, m)
     * @param pathLengthVariances var(ρ_jk) (K × K, m²)
     * @param bearings            φ_k, plane direction anchor k → target (rad)
     * @param bearingVariances    var(φ_k) (rad²)
     * @return (x, y)
     */
    public static double[] locate(Method method, double[][] anchors, double[][] pathLengths, double[][] pathLengthVariances,
            double[] bearings, double[] bearingVariances) {
        PairwiseSumFusion ranges = PairwiseSumFusion.of(pathLengths, pathLengthVariances);
        RangeBearingLocalizer loc = new RangeBearingLocalizer(anchors, ranges.estimate(), ranges.covariance(), bearings, bearingVariances);
        return switch (method) {
            case LS -> loc.leastSquares().position();
            case WLS -> loc.weightedLeastSquares().position();
            case TWO_STAGE -> loc.constrainedTls().position();
            case THREE_STAGE -> RangeBearingLocalizer.quadraticCorrection(loc.constrainedTls());
        };
    }
}
