package org.cosense.systems.mengvehicle;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.optim.BipartiteEdgeColouring;

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

    /**
     * Lemma 2's achieving schedule for any K and B ≥ 2 without interference [mengvehicle C15]: a load-balanced
     * association (the 2K association slots dealt round robin over the BSs, vehicle k takes BSs 2k mod B and
     * (2k + 1) mod B, distinct for B ≥ 2, so every BS serves ⌊2K/B⌋ or ⌈2K/B⌉ vehicles) coloured by
     * {@link BipartiteEdgeColouring}. The vehicle–BS multigraph has maximum degree max(2, ⌈2K/B⌉) =
     * ⌈2K / min(B, K)⌉, so the schedule uses exactly N_min slots; a colour class has no vehicle and no BS
     * twice, which is (1) and (2), and every vehicle–BS pair appears once, which is (3).
     */
    public static List<List<Association>> balanced(int vehicles, int bsCount) {
        InvalidInputException.require(vehicles >= 1, "vehicles", vehicles, "at least 1");
        InvalidInputException.require(bsCount >= 2, "bsCount", bsCount, "at least 2 (every vehicle needs two BSs)");
        int[] vehicle = new int[2 * vehicles];
        int[] bs = new int[2 * vehicles];
        for (int k = 0; k < vehicles; k++) {
            vehicle[2 * k] = k;
            vehicle[2 * k + 1] = k;
            bs[2 * k] = (2 * k) % bsCount;
            bs[2 * k + 1] = (2 * k + 1) % bsCount;
        }
        int[] colour = BipartiteEdgeColouring.colour(vehicles, bsCount, vehicle, bs);
        int slots = BipartiteEdgeColouring.maxDegree(vehicles, bsCount, vehicle, bs);
        List<List<Association>> out = new ArrayList<>();
        for (int n = 0; n < slots; n++) {
            out.add(new ArrayList<>());
        }
        for (int e = 0; e < colour.length; e++) {
            out.get(colour[e]).add(new Association(bs[e], vehicle[e], 1));
        }
        return out;
    }
}
