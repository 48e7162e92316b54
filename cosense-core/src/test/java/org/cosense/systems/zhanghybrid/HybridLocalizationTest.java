package org.cosense.systems.zhanghybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.localization.CascadedHybridLocalizer.Method;
import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/** The localizers on the system's measurements: exact, and drawn at the bound ([zhanghybrid C10], [zhanghybrid C11]). */
class HybridLocalizationTest {
    static HybridScene target(RandomStream rng) {
        return new HybridScene(HybridScene.paperIrs(), new double[] {20 + 20 * rng.nextDouble(), -20 + 40 * rng.nextDouble()});
    }

    @Test
    void exactMeasurementsGiveExactPositionsIncludingTargetsBehindAnIrs() {
        HybridParameters p = HybridParameters.defaults();
        RandomStream rng = new RandomStream(21);
        for (int t = 0; t < 20; t++) {
            HybridScene s = target(rng);
            HybridMeasurements m = HybridMeasurements.exact(s, HybridFim.of(s, p, ReflectedSignals.draw(s, p, rng)));
            for (Method method : Method.values()) {
                double[] e = m.locate(method, s);
                assertEquals(s.target()[0], e[0], 1e-9);
                assertEquals(s.target()[1], e[1], 1e-9);
            }
        }
    }

    /** MSE per method (in {@link Method} order) and the mean CRB over targets drawn in the rectangle. */
    static double[] monteCarlo(HybridParameters p, int targets, long seed) {
        double[] mse = new double[Method.values().length + 1];
        for (int t = 0; t < targets; t++) {
            RandomStream rng = RandomStream.forTrial(seed, 0, t);
            HybridScene s = target(rng);
            HybridFim fim = HybridFim.of(s, p, ReflectedSignals.draw(s, p, rng.split(1)));
            HybridMeasurements m = HybridMeasurements.draw(s, fim, rng.split(2));
            for (Method method : Method.values()) {
                double[] e = m.locate(method, s);
                mse[method.ordinal()] += (Math.pow(e[0] - s.target()[0], 2) + Math.pow(e[1] - s.target()[1], 2)) / targets;
            }
            mse[Method.values().length] += fim.crbTrace(HybridFim.Scheme.PROPOSED) / targets;
        }
        return mse;
    }

    @Test
    void orderingAtBoundLevelErrors() {
        // [zhanghybrid C11]: 2000 targets, fixed seed
        double[] mse = monteCarlo(HybridParameters.defaults(), 2000, 5);
        assertTrue(mse[0] > mse[1] && mse[1] > mse[2] && mse[2] > mse[3], java.util.Arrays.toString(mse));
    }

    @Test
    void threeStageApproachesTheBoundAtHighPower() {
        // [zhanghybrid C17]: "approaches" = MSE / CRB <= 1.5 (the Wording table's APPROACHES), at 60 dBm
        double[] mse = monteCarlo(HybridParameters.defaults().withPower(Db.dbmToWatts(60)), 2000, 6);
        double ratio = mse[3] / mse[4];
        assertTrue(ratio <= 1.5, "three-stage MSE / CRB = " + ratio + " " + java.util.Arrays.toString(mse));
    }

    @Test
    void wlsAndTwoStageAreWithinAFewPercentAtHighPower() {
        // [zhanghybrid C18]: with errors drawn at the bound at 90 dBm (the linear regime) two-stage beats WLS by only a few
        // percent, unlike at 40 dBm (C11)
        double[] mse = monteCarlo(HybridParameters.defaults().withPower(Db.dbmToWatts(90)), 2000, 7);
        double ratio = mse[Method.TWO_STAGE.ordinal()] / mse[Method.WLS.ordinal()];
        assertTrue(ratio > 0.85 && ratio < 1, "two-stage / WLS = " + ratio + " " + java.util.Arrays.toString(mse));
        assertTrue(mse[Method.LS.ordinal()] > 2 * mse[Method.WLS.ordinal()], java.util.Arrays.toString(mse));
        assertTrue(mse[Method.THREE_STAGE.ordinal()] < 0.5 * mse[Method.TWO_STAGE.ordinal()], java.util.Arrays.toString(mse));
    }
}
