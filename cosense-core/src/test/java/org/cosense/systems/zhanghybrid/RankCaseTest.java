package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/** The system's one rank rule [zhanghybrid A9]: the channel model and the estimator decide the same case. */
class RankCaseTest {
    private static final HybridScene SCENE = new HybridScene(HybridScene.paperIrs(), new double[] {30, 5});

    @Test
    void thresholdCountsSingularValuesAboveTheFractionOfTheLargest() {
        assertEquals(2, RankCase.numericalRank(new double[] {1, 2e-9, 1e-9, 1e-15}));
        assertEquals(1, RankCase.numericalRank(new double[] {3, 3e-9}));
        assertEquals(RankCase.FULL, RankCase.of(4, 4));
        assertEquals(RankCase.PARTIAL, RankCase.of(3, 4));
        assertEquals(RankCase.RANK_ONE, RankCase.of(1, 4));
    }

    @Test
    void channelModelAndEstimatorAgreeOnEveryCase() {
        HybridParameters p = HybridParameters.defaults();
        HybridParameters[] settings = {p.withElements(4), p, p.withPathsAndStreams(4, 4), p.withPathsAndStreams(1, 1)};
        int[] seen = new int[4];
        for (HybridParameters q : settings) {
            q = new HybridParameters(q.elements(), q.sensors(), q.bsAntennas(), q.bsIrsPaths(), q.streams(), q.powerWatts(),
                    q.bandwidthHz(), q.rcs(), q.carrierHz(), q.noiseWatts(), 64, q.ricianFactor());
            ReflectedSignals s = ReflectedSignals.draw(SCENE, q, new RandomStream(5));
            CascadedObservations o = CascadedObservations.draw(SCENE, q, s, new RandomStream(6));
            for (int j = 0; j < 3; j++) {
                RankCase model = s.rankCase(j);
                assertEquals(model, JointAngleAnm.rankCase(o.reflectedSignal(j)), "IRS " + (j + 1) + " with N = " + q.elements());
                assertEquals(model, o.rankCase(j));
                seen[model.number()]++;
            }
        }
        // every case occurs among these settings, so the agreement is not vacuous
        assertEquals(true, seen[1] > 0 && seen[2] > 0 && seen[3] > 0);
    }
}
