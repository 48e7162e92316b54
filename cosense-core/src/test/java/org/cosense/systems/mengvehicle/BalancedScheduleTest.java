package org.cosense.systems.mengvehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/** Lemmas 2–3 achieved for K &gt; B by the balanced association and a bipartite edge colouring (C15 of docs/mengvehicle.md). */
class BalancedScheduleTest {

    /** Every slot a matching, (1)–(3), two distinct BSs per vehicle, exactly ⌈2K / min(B, K)⌉ slots. */
    static void assertLemma2Schedule(int k, int nb) {
        List<List<Association>> slots = SlotBounds.balanced(k, nb);
        assertEquals(SlotBounds.minSlotsNoInterference(k, nb), slots.size(), "K = " + k + ", B = " + nb);
        double[] tau = new double[slots.size()];
        java.util.Arrays.fill(tau, 1.0 / slots.size());
        SlotSchedule s = new SlotSchedule(slots, tau, new double[k]);
        assertTrue(MultiVehicleScheduler.feasible(s, InterferenceGraph.constant(nb, k, false), k));
        int[] count = new int[k];
        Set<Long> pairs = new HashSet<>();
        for (List<Association> slot : slots) {
            assertTrue(!slot.isEmpty());
            Set<Integer> bs = new HashSet<>();
            Set<Integer> veh = new HashSet<>();
            for (Association a : slot) {
                assertTrue(bs.add(a.bs()) && veh.add(a.vehicle()), "slot is not a matching");
                assertTrue(pairs.add((long) a.bs() * 1000 + a.vehicle()), "pair used twice");
                count[a.vehicle()]++;
            }
        }
        for (int c : count) {
            assertEquals(2, c);
        }
        int[] load = new int[nb];
        for (List<Association> slot : slots) {
            for (Association a : slot) {
                load[a.bs()]++;
            }
        }
        for (int l : load) {
            assertTrue(l <= (2 * k + nb - 1) / nb, "BS load " + l);
        }
    }

    @Test
    void randomSizesWithMoreVehiclesThanBsUseCeil2KOverBSlots() {
        RandomStream rng = new RandomStream(11);
        for (int trial = 0; trial < 300; trial++) {
            int nb = 2 + rng.nextInt(10);
            int k = nb + 1 + rng.nextInt(30);
            assertLemma2Schedule(k, nb);
            assertEquals((2 * k + nb - 1) / nb, SlotBounds.balanced(k, nb).size());
        }
        for (int nb = 2; nb <= 8; nb++) {
            for (int k = 1; k <= nb; k++) {
                assertLemma2Schedule(k, nb);
            }
        }
    }

    /** Lemma 3: with N slots the balanced schedule localizes K_max = ⌊N B / 2⌋ vehicles; one more needs more than N. */
    @Test
    void lemma3MaximumIsReached() {
        for (int nb = 2; nb <= 9; nb++) {
            for (int n = 2; n <= 7; n++) {
                int kMax = SlotBounds.maxVehicles(n, nb, false);
                assertEquals(n * nb / 2, kMax);
                assertLemma2Schedule(kMax, nb);
                assertTrue(SlotBounds.balanced(kMax, nb).size() <= n);
                assertTrue(SlotBounds.minSlotsNoInterference(kMax + 1, nb) > n);
            }
        }
    }
}
