package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cosense.math.RandomStream;
import org.cosense.optim.GaussianRandomization;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Scoring reflections in chunks ({@link ReflectionBatch}, [fangactive S3.15.11]) gives every reflection the bits of
 * {@link ReflectionScorer#fim} and {@link ReflectionScorer#crb}, and the randomization's batch path the result of its
 * one-candidate path.
 */
class ReflectionBatchTest {
    private static final int L = ReflectionBatch.LANES;
    private static final Budget PAPER = new Budget(20, 0.1, 8);

    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = bits(x[i]);
        }
        return b;
    }

    /** Paper-size slots with σ_r > 0 and = 0 (passive), and an N = 4 slot with M = 3. */
    private static List<IrsSlot> slots() {
        List<IrsSlot> paper = Scenario.paper(16).realization(9, 2);
        IrsSlot tiny = TinyScenarios.tiny(3).realization(4, 1).get(0);
        return List.of(paper.get(0), paper.get(1), paper.get(0).passive(), tiny);
    }

    /**
     * {@code count} reflections of several kinds, as the randomization makes them and beyond: Gaussian draws at two
     * scales, the same projected onto the active budget (clip, then scale) and onto unit modulus; {@code extra} null
     * entries after them (the batch must not read past {@code count}).
     */
    private static double[][] reflections(ReflectionScorer scorer, RandomStream rng, int n, int count, int extra) {
        double[][] out = new double[count + extra][];
        for (int i = 0; i < count; i++) {
            double[] z = new double[2 * n];
            rng.complexGaussian(z, 0, n, i % 2 == 0 ? 1.0 : 30.0);
            out[i] = switch (i % 4) {
                case 0, 1 -> z;
                case 2 -> PsiStep.feasibleCandidate(scorer, z, PAPER, scorer.irsNoise() == 0);
                default -> PsiStep.feasibleCandidate(scorer, z, PAPER, true);
            };
        }
        return out;
    }

    @Test
    void batchFimsAndCrbsAreTheOneReflectionOnesBitForBit() {
        RandomStream rng = new RandomStream(77);
        int[] counts = {0, 1, L - 1, L, 2 * L + 7};
        int compared = 0;
        for (IrsSlot slot : slots()) {
            for (int rank : new int[] {1, slot.m()}) {
                ZMatrixRMaj rs = FangTestInstances.randomPsd(rng, slot.m(), rank);
                for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
                    ReflectionScorer scorer = mode.scorer(slot, rs);
                    for (int count : counts) {
                        String id = mode.getClass().getSimpleName() + " N=" + slot.n() + " sigma_r=" + slot.irsNoise() + " rank " + rank
                                + " count " + count;
                        double[][] psis = reflections(scorer, rng, slot.n(), count, 3);
                        double[] crbs = scorer.crbs(psis, count);
                        DMatrixRMaj[] fims = new ReflectionBatch(scorer).fims(psis, count);
                        DMatrixRMaj[] small = new ReflectionBatch(scorer, 5).fims(psis, count); // many chunks, the last one partial
                        assertEquals(count, crbs.length, id);
                        assertEquals(count, fims.length, id);
                        for (int i = 0; i < count; i++) {
                            long[] one = bits(scorer.fim(psis[i]).data);
                            assertArrayEquals(one, bits(fims[i].data), id + " FIM #" + i);
                            assertArrayEquals(one, bits(small[i].data), id + " FIM #" + i + ", chunks of 5");
                            assertEquals(bits(scorer.crb(psis[i])), bits(crbs[i]), id + " CRB #" + i);
                            compared++;
                        }
                    }
                }
            }
        }
        assertEquals(4 * 2 * 2 * (1 + L - 1 + L + 2 * L + 7), compared);
    }

    /** What a computation gives: the bits of its doubles, or the class and message of what it threw. */
    private static String outcome(java.util.function.Supplier<double[]> f) {
        try {
            return java.util.Arrays.toString(bits(f.get()));
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void aReflectionWhoseCholeskyFailsFailsAsInTheOneReflectionCode() {
        RandomStream rng = new RandomStream(78);
        for (IrsSlot slot : slots()) {
            ZMatrixRMaj rs = FangTestInstances.randomPsd(rng, slot.m(), slot.m());
            for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
                ReflectionScorer scorer = mode.scorer(slot, rs);
                double[][] psis = reflections(scorer, rng, slot.n(), L + 9, 0);
                double[] bad = psis[L + 3].clone();
                bad[5] = Double.NaN; // S = D^H J D has a NaN row: the pivot test !(d > 0) fails at the BS with σ_r > 0
                psis[L + 3] = bad;
                String alone = outcome(() -> new double[] {scorer.crb(bad)});
                String batch = outcome(() -> scorer.crbs(psis, psis.length));
                if (alone.startsWith("java.")) {
                    assertEquals(alone, batch, "the batch fails as the one-reflection code does");
                } else {
                    assertEquals(alone, outcome(() -> new double[] {scorer.crbs(psis, psis.length)[L + 3]}));
                }
                if (mode == SensingAtBs.INSTANCE && slot.irsNoise() > 0) {
                    assertEquals("java.lang.ArithmeticException: matrix not positive definite", alone);
                }
                // the lane next to it is unaffected
                double[] good = scorer.crbs(psis, L + 3);
                assertEquals(bits(scorer.crb(psis[L + 2])), bits(good[L + 2]));
            }
        }
    }

    @Test
    void randomizationBatchPathReturnsTheOneCandidateResult() {
        RandomStream rng = new RandomStream(79);
        int checked = 0;
        int improved = 0;
        for (IrsSlot slot : slots()) {
            boolean passive = slot.irsNoise() == 0;
            ZMatrixRMaj rs = FangTestInstances.randomPsd(rng, slot.m(), slot.m());
            for (SensingMode mode : List.of(SensingAtBs.INSTANCE, SensingAtIrs.INSTANCE)) {
                ReflectionScorer scorer = mode.scorer(slot, rs);
                ZMatrixRMaj theta = FangTestInstances.randomPsd(rng, slot.n(), 3);
                double[] start = new double[2 * slot.n()];
                rng.complexGaussian(start, 0, slot.n(), 1.0);
                double[] in = PsiStep.feasibleCandidate(scorer, start, PAPER, passive);
                double inCrb = scorer.crb(in);
                List<GaussianRandomization.Projection> projections = new ArrayList<>();
                projections.add(z -> PsiStep.feasibleCandidate(scorer, z, PAPER, passive));
                int[] calls = {0};
                projections.add(z -> calls[0]++ % 3 == 1 ? null : PsiStep.feasibleCandidate(scorer, z, PAPER, passive));
                for (GaussianRandomization.Projection proj : projections) {
                    // incumbent: none, the input reflection, and one nothing beats
                    for (double incScore : new double[] {Double.NaN, inCrb, 0}) {
                        double[] inc = Double.isNaN(incScore) ? null : in;
                        for (int draws : new int[] {0, 1, 2 * L + 5}) {
                            long seed = 1000 + checked;
                            RandomStream r1 = new RandomStream(seed);
                            RandomStream r2 = new RandomStream(seed);
                            calls[0] = 0;
                            GaussianRandomization.Result one = GaussianRandomization.run(theta, draws, r1, proj, scorer::crb, inc, incScore);
                            calls[0] = 0;
                            GaussianRandomization.Result batch = GaussianRandomization.run(theta, draws, r2, proj, scorer::crbs, inc,
                                    incScore);
                            String id = mode.getClass().getSimpleName() + " N=" + slot.n() + " draws " + draws + " incumbent " + incScore;
                            assertArrayEquals(one.best() == null ? null : bits(one.best()), batch.best() == null ? null : bits(batch.best()),
                                    id);
                            assertEquals(bits(one.score()), bits(batch.score()), id);
                            assertEquals(one.evaluated(), batch.evaluated(), id);
                            assertEquals(one.improved(), batch.improved(), id);
                            assertEquals(r1.nextLong(), r2.nextLong(), id + ": the same draws consumed");
                            checked++;
                            improved += one.improved() ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertTrue(improved > 0 && improved < checked, "both outcomes occur: " + improved + " of " + checked);
    }

    @Test
    void theBatchPathRejectsAWrongLengthAsTheOneReflectionCode() {
        IrsSlot slot = slots().get(3);
        ReflectionScorer scorer = SensingAtBs.INSTANCE.scorer(slot, FangTestInstances.randomPsd(new RandomStream(80), slot.m(), 2));
        double[][] psis = {new double[2 * slot.n()], new double[2 * slot.n() + 2]};
        String alone = outcome(() -> new double[] {scorer.crb(psis[1])});
        assertTrue(alone.contains("InvalidInputException"), alone);
        assertEquals(alone, outcome(() -> scorer.crbs(psis, 2)));
        assertThrows(RuntimeException.class, () -> scorer.crbs(psis, 2));
    }
}
