package org.cosense.optim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cosense.InvalidInputException;

/**
 * First-fit-decreasing packing of timed items into slots under a pairwise compatibility relation:
 * items are taken longest first, each goes into the first compatible slot in order of decreasing slot
 * length (ties: the older slot), or opens a new slot. A slot lasts as long as its longest member.
 * Used for interference-free scheduling of sensing associations (a greedy colouring of the conflict graph).
 */
public final class GreedySlotPacking {
    private GreedySlotPacking() {
    }

    /** Whether two items may share a slot (symmetric). */
    @FunctionalInterface
    public interface Compatibility {
        boolean compatible(int a, int b);
    }

    /** The slots (item indices, in insertion order) and their lengths. */
    public record Packing(List<List<Integer>> slots, double[] lengths) {
        public Packing {
            slots = slots.stream().map(List::copyOf).toList();
            lengths = lengths.clone();
        }

        public int slotCount() {
            return slots.size();
        }

        /** Σ lengths. */
        public double totalLength() {
            double s = 0;
            for (double l : lengths) {
                s += l;
            }
            return s;
        }
    }

    public static Packing pack(double[] lengths, Compatibility compatibility) {
        int n = lengths.length;
        for (int i = 0; i < n; i++) {
            InvalidInputException.require(lengths[i] >= 0 && Double.isFinite(lengths[i]), "length", i + 1, lengths[i], "must be finite and ≥ 0");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -lengths[i]).thenComparingInt(i -> i));
        List<List<Integer>> slots = new ArrayList<>();
        List<Double> len = new ArrayList<>();
        List<Integer> opened = new ArrayList<>();
        for (int item : order) {
            List<Integer> byLength = new ArrayList<>();
            for (int s = 0; s < slots.size(); s++) {
                byLength.add(s);
            }
            byLength.sort(Comparator.comparingDouble((Integer s) -> -len.get(s)).thenComparingInt(opened::get));
            boolean placed = false;
            for (int s : byLength) {
                boolean ok = true;
                for (int other : slots.get(s)) {
                    if (!compatibility.compatible(item, other)) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    slots.get(s).add(item);
                    len.set(s, Math.max(len.get(s), lengths[item]));
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                List<Integer> slot = new ArrayList<>();
                slot.add(item);
                opened.add(slots.size());
                slots.add(slot);
                len.add(lengths[item]);
            }
        }
        double[] l = new double[slots.size()];
        for (int s = 0; s < l.length; s++) {
            l[s] = len.get(s);
        }
        return new Packing(slots, l);
    }
}
