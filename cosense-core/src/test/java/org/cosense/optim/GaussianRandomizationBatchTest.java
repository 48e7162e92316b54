package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.channel.ActiveIrs;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * {@link GaussianRandomization}'s batch path (all candidates projected, then scored in one call) returns what the
 * one-candidate path returns: the same best point, score, count and improvement flag, ties resolved the same way.
 */
class GaussianRandomizationBatchTest {

    /** −|a^H x|^2 rounded to a coarse grid, so that many candidates tie. */
    private static double coarseScore(double[] a, double[] x) {
        double[] d = ComplexLinalg.dotConj(a, x);
        return -Math.floor(d[0] * d[0] + d[1] * d[1]);
    }

    @Test
    void batchPathGivesTheOneCandidateResultIncludingTiesAndDiscards() {
        int n = 6;
        double[] a = new double[2 * n];
        new RandomStream(6).complexGaussian(a, 0, n, 1);
        ZMatrixRMaj b = new ZMatrixRMaj(n, 3);
        new RandomStream(7).complexGaussian(b.data, 0, 3 * n, 1);
        ZMatrixRMaj x = ComplexLinalg.hermitianPart(ComplexLinalg.product(b, ComplexLinalg.conjugateTranspose(b)));
        GaussianRandomization.Projection unit = ActiveIrs.passiveSurface()::project;
        int[] calls = {0};
        GaussianRandomization.Projection discarding = z -> calls[0]++ % 4 == 2 ? null : unit.apply(z);
        double[] inc = unit.apply(a.clone());
        int ties = 0;
        for (GaussianRandomization.Projection p : new GaussianRandomization.Projection[] {unit, discarding}) {
            for (double incScore : new double[] {Double.NaN, -1, coarseScore(a, inc)}) {
                double[] incumbent = Double.isNaN(incScore) ? null : inc;
                for (int draws : new int[] {0, 1, 40}) {
                    RandomStream r1 = new RandomStream(11 + draws);
                    RandomStream r2 = new RandomStream(11 + draws);
                    calls[0] = 0;
                    java.util.List<Double> scores = new java.util.ArrayList<>();
                    GaussianRandomization.Result one = GaussianRandomization.run(x, draws, r1, p, z -> {
                        scores.add(coarseScore(a, z));
                        return scores.get(scores.size() - 1);
                    }, incumbent, incScore);
                    calls[0] = 0;
                    int[] batchCalls = {0};
                    GaussianRandomization.Result batch = GaussianRandomization.run(x, draws, r2, p, (cands, count) -> {
                        batchCalls[0]++;
                        double[] s = new double[count];
                        for (int i = 0; i < count; i++) {
                            s[i] = coarseScore(a, cands[i]);
                        }
                        return s;
                    }, incumbent, incScore);
                    String id = "draws " + draws + " incumbent " + incScore;
                    assertEquals(1, batchCalls[0], id + ": one call");
                    assertArrayEquals(one.best(), batch.best(), 0, id);
                    assertEquals(one.score(), batch.score(), 0, id);
                    assertEquals(one.evaluated(), batch.evaluated(), id);
                    assertEquals(one.improved(), batch.improved(), id);
                    assertEquals(r1.nextLong(), r2.nextLong(), id + ": the same draws consumed");
                    // a tie at the best score: the earlier candidate (or the incumbent) must have been kept
                    long atBest = scores.stream().filter(s -> s == one.score()).count() + (incumbent != null && incScore == one.score() ? 1 : 0);
                    ties += atBest >= 2 ? 1 : 0;
                }
            }
        }
        assertTrue(ties > 0, "some cases resolve a tie at the best score");
    }
}
