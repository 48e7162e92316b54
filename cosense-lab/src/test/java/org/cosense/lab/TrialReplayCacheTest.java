package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.cosense.lab.dummy.ChainedCallsSystem;
import org.junit.jupiter.api.Test;

/** A long-lived worker keeps only the most recently used rebuilt trial functions. */
class TrialReplayCacheTest {
    private static final String FIGURE = ChainedCallsSystem.SYSTEM + ".fig1";

    /**
     * The second call's batch of the test figure run with {@code seed}, as a driver would ship it; its
     * trial function captures a value, so every rebuild is a new object.
     */
    private static TrialBatch secondCall(long seed) {
        return new RecordingEngine().record(FIGURE, 4, seed).batches().get(1);
    }

    @Test
    void theCacheHoldsAtMostItsCapacityAndReusesTheLatestFunctions() {
        TrialReplay.clear();
        List<TrialBatch> batches = new ArrayList<>();
        for (long seed = 1; seed <= TrialReplay.CAPACITY + 3; seed++) {
            batches.add(secondCall(seed));
        }
        List<MonteCarlo.Trial> rebuilt = new ArrayList<>();
        for (TrialBatch b : batches) {
            rebuilt.add(TrialReplay.trialFor(b));
        }
        assertEquals(TrialReplay.CAPACITY, TrialReplay.cached(), "rebuilt functions held after " + batches.size() + " runs");
        TrialBatch latest = batches.get(batches.size() - 1);
        assertSame(rebuilt.get(rebuilt.size() - 1), TrialReplay.trialFor(latest), "the latest call is answered from the cache");
        assertNotSame(rebuilt.get(0), TrialReplay.trialFor(batches.get(0)), "the oldest call was evicted and is rebuilt");
        assertEquals(TrialReplay.CAPACITY, TrialReplay.cached());
        TrialReplay.clear();
        assertEquals(0, TrialReplay.cached());
    }
}
