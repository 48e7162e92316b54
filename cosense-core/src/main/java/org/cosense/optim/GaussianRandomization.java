package org.cosense.optim;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;

/**
 * Gaussian randomization for a semidefinite relaxation (Luo, Ma, So, Ye, Zhang, IEEE SP Mag. 2010, Sec. IV):
 * from the relaxed optimum X ⪰ 0 of a problem in x x^H, draw candidates x_q = V Λ^{1/2} r_q with
 * X = V Λ V^H and r_q ~ CN(0, I) (so E x_q x_q^H = X), map each onto the original feasible set with a
 * caller-supplied projection (e.g. unit modulus, {@code ActiveIrs.passiveSurface()::project}), score it with a caller-supplied objective and
 * keep the best. The principal candidate √λ_max v_max is tried first (the rank-one case gives the
 * exact optimum). Negative eigenvalues from rounding are clipped to 0.
 *
 * <p>Deterministic: the draws come from the caller's {@link RandomStream} in order, Q × n complex
 * Gaussians, whatever the projection discards.
 */
public final class GaussianRandomization {
    private GaussianRandomization() {
    }

    /** Maps a candidate (interleaved re, im) onto the feasible set; null discards it. */
    @FunctionalInterface
    public interface Projection {
        double[] apply(double[] candidate);
    }

    /** The objective of the original problem (smaller is better). */
    @FunctionalInterface
    public interface Scorer {
        double score(double[] candidate);
    }

    /**
     * The objective of the original problem for many candidates at once (smaller is better): {@code scores[i]} must be
     * what a {@link Scorer} gives for {@code candidates[i]}, i &lt; count.
     */
    @FunctionalInterface
    public interface BatchScorer {
        double[] scores(double[][] candidates, int count);
    }

    /**
     * @param best      the best point (the incumbent when nothing beat it strictly)
     * @param score     its score
     * @param evaluated points scored, the incumbent included
     * @param improved  true when a drawn candidate beat the incumbent
     */
    public record Result(double[] best, double score, int evaluated, boolean improved) {
        public Result {
            best = best == null ? null : best.clone();
        }
    }

    /**
     * Runs the randomization.
     *
     * @param x              the relaxed solution, n×n Hermitian PSD
     * @param draws          Q ≥ 0 random candidates (after the principal one)
     * @param rng            the source of the r_q
     * @param projection     candidate → feasible point (or null)
     * @param scorer         objective to minimize
     * @param incumbent      a feasible point to beat (may be null)
     * @param incumbentScore its score (ignored when incumbent is null); ties keep the incumbent
     */
    public static Result run(ZMatrixRMaj x, int draws, RandomStream rng, Projection projection, Scorer scorer, double[] incumbent,
            double incumbentScore) {
        Draws d = new Draws(x, draws);
        Selection sel = new Selection(incumbent, incumbentScore);
        for (int q = -1; q < draws; q++) {
            double[] cand = projection.apply(d.candidate(q, rng));
            if (cand != null) {
                sel.offer(cand, scorer.score(cand));
            }
        }
        return sel.result();
    }

    /**
     * As {@link #run(ZMatrixRMaj, int, RandomStream, Projection, Scorer, double[], double)}, with every candidate
     * drawn and projected first (in the same order, from the same draws) and then scored in one call: the same result
     * when the projection has no side effects and {@code scorer} gives each candidate the score the one-candidate scorer
     * would. The projection runs for all candidates before any is scored.
     */
    public static Result run(ZMatrixRMaj x, int draws, RandomStream rng, Projection projection, BatchScorer scorer, double[] incumbent,
            double incumbentScore) {
        Draws d = new Draws(x, draws);
        double[][] cands = new double[draws + 1][];
        int m = 0;
        for (int q = -1; q < draws; q++) {
            double[] cand = projection.apply(d.candidate(q, rng));
            if (cand != null) {
                cands[m++] = cand;
            }
        }
        double[] scores = scorer.scores(cands, m);
        Selection sel = new Selection(incumbent, incumbentScore);
        for (int i = 0; i < m; i++) {
            sel.offer(cands[i], scores[i]);
        }
        return sel.result();
    }

    /** The candidates V Λ^{1/2} r_q of X = V Λ V^H: q = −1 the principal one, q ≥ 0 from the draws. */
    private static final class Draws {
        private final int n;
        private final double[] sq;
        private final ZMatrixRMaj v;

        Draws(ZMatrixRMaj x, int draws) {
            InvalidInputException.require(x.numRows == x.numCols, "X shape", x.numRows + "x" + x.numCols, "must be square");
            InvalidInputException.require(draws >= 0, "draws", draws, "must be ≥ 0");
            n = x.numRows;
            HermitianEigen e = HermitianEigen.decompose(x);
            sq = new double[n];
            for (int k = 0; k < n; k++) {
                sq[k] = Math.sqrt(Math.max(e.values()[k], 0));
            }
            v = e.vectors();
        }

        double[] candidate(int q, RandomStream rng) {
            double[] r = new double[2 * n];
            if (q < 0) {
                r[2 * (n - 1)] = 1; // eigenvalues ascending: the principal eigenvector √λ_max v_max
            } else {
                rng.complexGaussian(r, 0, n, 1.0);
            }
            double[] z = new double[2 * n];
            for (int a = 0; a < n; a++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < n; k++) {
                    double cr = sq[k] * r[2 * k];
                    double ci = sq[k] * r[2 * k + 1];
                    re += v.getReal(a, k) * cr - v.getImag(a, k) * ci;
                    im += v.getReal(a, k) * ci + v.getImag(a, k) * cr;
                }
                z[2 * a] = re;
                z[2 * a + 1] = im;
            }
            return z;
        }
    }

    /** Keeps the best scored candidate in the order offered; ties keep the earlier one (the incumbent first). */
    private static final class Selection {
        private double[] best;
        private double bestScore;
        private boolean improved;
        private int count;

        Selection(double[] incumbent, double incumbentScore) {
            best = incumbent == null ? null : incumbent.clone();
            bestScore = incumbent == null ? Double.POSITIVE_INFINITY : incumbentScore;
            count = incumbent == null ? 0 : 1;
        }

        void offer(double[] cand, double s) {
            count++;
            if (s < bestScore) {
                best = cand;
                bestScore = s;
                improved = true;
            }
        }

        Result result() {
            return new Result(best, bestScore, count, improved);
        }
    }
}
