package org.cosense.systems.mengvehicle;

import java.util.ArrayList;
import java.util.List;

/**
 * Slot-count results of Section IV-B [mengvehicle E15]: every vehicle needs two associations and a slot
 * holds at most min(B, K) of them ((1), (2)).
 */
public final class SlotBounds {
    private SlotBounds() {
    }

    /** Lemma 2 without interference: N_min = ⌈2K / min(B, K)⌉. */
    public static int minSlotsNoInterference(int vehicles, int bsCount) {
        int per = Math.min(bsCount, vehicles);
        return (2 * vehicles + per - 1) / per;
    }

    /** Lemma 2 with full interference: N_min = 2K (pure time division). */
    public static int minSlotsFullInterference(int vehicles) {
        return 2 * vehicles;
    }

    /** Lemma 3: K_max = ⌊N B / 2⌋ without interference (N ≥ 2), ⌊N / 2⌋ with full interference. */
    public static int maxVehicles(int slots, int bsCount, boolean interference) {
        if (interference) {
            return slots / 2;
        }
        return slots < 2 ? 0 : slots * bsCount / 2;
    }

    /**
     * Lemma 2's achieving schedule for K ≤ B without interference: vehicle k with BS k in slot 1 and with
     * BS (k + 1) mod B in slot 2.
     */
    public static List<List<Association>> cyclic(int vehicles, int bsCount) {
        if (vehicles > bsCount) {
            throw new IllegalArgumentException("cyclic association needs K ≤ B");
        }
        List<Association> s1 = new ArrayList<>();
        List<Association> s2 = new ArrayList<>();
        for (int k = 0; k < vehicles; k++) {
            s1.add(new Association(k, k, 1));
            s2.add(new Association((k + 1) % bsCount, k, 1));
        }
        return List.of(s1, s2);
    }
}
