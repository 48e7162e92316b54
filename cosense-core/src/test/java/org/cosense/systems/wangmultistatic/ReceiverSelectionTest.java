package org.cosense.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.cosense.optim.KMeansPlusPlus;
import org.junit.jupiter.api.Test;

class ReceiverSelectionTest {
    /** A stand-in for the PAPER bound (18) at fixed W: 1 / sum of positive per-RE weights (decreasing under inclusion). */
    private static ToDoubleFunction<int[]> inverseSum(double[] chi) {
        return g -> 1 / Arrays.stream(g).mapToDouble(i -> chi[i]).sum();
    }

    private static double[] weights(int k) {
        double[] chi = new double[k];
        for (int i = 0; i < k; i++) {
            chi[i] = 1 + 0.1 * i;
        }
        return chi;
    }

    @Test
    void withoutLimitsTheFullSetWins() {
        double[][] p = Instances.positions(9, 6);
        CooperationCost cost = new CooperationCost(p, Instances.TARGET, 0.5);
        var c = new ReceiverSelection.Criteria(inverseSum(weights(6)), g -> true, cost, Double.POSITIVE_INFINITY);
        List<int[]> tree = ReceiverSelection.minimaxCandidates(cost);
        assertEquals(11, tree.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, ReceiverSelection.choose(tree, c).orElseThrow().members());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, ReceiverSelection.exhaustive(c).orElseThrow().members());
    }

    @Test
    void exhaustiveSearchIsNeverWorseThanAlgorithmOneAndRespectsTheCostLimit() {
        for (long seed = 1; seed <= 6; seed++) {
            double[][] p = Instances.positions(seed, 8);
            CooperationCost cost = new CooperationCost(p, Instances.TARGET, 0.5);
            double limit = 150;
            var c = new ReceiverSelection.Criteria(inverseSum(weights(8)), g -> true, cost, limit);
            var best = ReceiverSelection.exhaustive(c).orElseThrow();
            var tree = ReceiverSelection.choose(ReceiverSelection.minimaxCandidates(cost), c);
            var km = ReceiverSelection.choose(ReceiverSelection.kMeansCandidates(p, new KMeansPlusPlus(10, 100), seed), c);
            assertTrue(best.cost() <= limit);
            tree.ifPresent(t -> assertTrue(best.bound() <= t.bound() && t.cost() <= limit));
            km.ifPresent(t -> assertTrue(best.bound() <= t.bound() && t.cost() <= limit));
        }
    }

    @Test
    void noAdmissibleCandidateIsReportedNotReplaced() {
        CooperationCost cost = new CooperationCost(Instances.positions(2, 4), Instances.TARGET, 0.5);
        var c = new ReceiverSelection.Criteria(inverseSum(weights(4)), g -> true, cost, 0);
        assertTrue(ReceiverSelection.choose(ReceiverSelection.minimaxCandidates(cost), c).isEmpty());
    }

    @Test
    void fixedSizeCandidatesHaveTheSizeAndSizeOneIsAllSingletons() {
        double[][] p = Instances.positions(4, 10);
        CooperationCost cost = new CooperationCost(p, Instances.TARGET, 0.5);
        assertEquals(10, ReceiverSelection.minimaxCandidatesOfSize(cost, 1).size());
        for (int n = 1; n <= 10; n++) {
            for (int[] g : ReceiverSelection.minimaxCandidatesOfSize(cost, n)) {
                assertEquals(n, g.length);
            }
            List<int[]> km = ReceiverSelection.kMeansCandidatesOfSize(p, n, new KMeansPlusPlus(10, 100), 4);
            assertTrue(!km.isEmpty());
            for (int[] g : km) {
                assertEquals(n, g.length);
            }
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, ReceiverSelection.minimaxCandidatesOfSize(cost, 10).get(0));
    }

    @Test
    void rateCheckUsesCancellationOfTheSensingStream() {
        // a beamformer that serves every RE at exactly R_th only when s_0 is cancelled: the check passes for the
        // REs in G and fails for the others
        int nt = 8;
        double[][] p = {{-30, 20}, {30, 25}};
        LosLink[] links = Instances.links(p, nt, 2);
        boolean[] both = {true, true};
        BeamformingProblem prob = new BeamformingProblem(links, Instances.sensingSteering(nt), both, 3, 1, Instances.NOISE, 1);
        var opt = (BeamformingResult.Optimal) new LosBeamformingSdp().solve(prob, 2);
        TransmitCovariances w = TransmitCovariances.fromBeamformers(opt.beamformers());
        var check = ReceiverSelection.ratesMet(links, w, 3 - 1e-6, Instances.NOISE);
        assertTrue(check.test(new int[] {0, 1}));
        double[] unselected = CommunicationRates.rankOneRates(links, w, new boolean[2], Instances.NOISE);
        assertTrue(Math.min(unselected[0], unselected[1]) < 3 - 1e-3, "the sensing beam interferes: " + Arrays.toString(unselected));
        assertTrue(!check.test(new int[0]));
    }

    @Test
    void withRhoOneTheFirstMergeContainsTheReNearestToTheTarget() {
        for (long seed = 1; seed <= 5; seed++) {
            double[][] p = Instances.positions(seed, 8);
            CooperationCost cost = new CooperationCost(p, Instances.TARGET, 1);
            int nearest = 0;
            for (int k = 1; k < 8; k++) {
                if (cost.distanceToTarget(k) < cost.distanceToTarget(nearest)) {
                    nearest = k;
                }
            }
            int[] first = ReceiverSelection.minimaxCandidates(cost).get(8);
            assertEquals(2, first.length);
            assertTrue(first[0] == nearest || first[1] == nearest, "seed " + seed + ": " + Arrays.toString(first));
            assertEquals(cost.distanceToTarget(nearest), ReceiverSelection.linkage(cost).radius(first), 1e-12);
        }
    }
}
