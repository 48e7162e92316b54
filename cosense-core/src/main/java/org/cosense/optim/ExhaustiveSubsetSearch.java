package org.cosense.optim;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.cosense.InvalidInputException;

/**
 * Ground truth for subset selection: every non-empty subset of {0..n-1} (n ≤ 20) is visited; among those the
 * predicate accepts, the one with the smallest objective wins, ties going to the smaller subset and then to the
 * lexicographically smaller sorted member list.
 */
public final class ExhaustiveSubsetSearch {
    public static final int MAX_ITEMS = 20;

    /** The best subset (sorted members) and its objective. */
    public record Best(int[] members, double objective) {
    }

    private ExhaustiveSubsetSearch() {
    }

    public static Optional<Best> minimize(int n, Predicate<int[]> feasible, ToDoubleFunction<int[]> objective) {
        InvalidInputException.require(n >= 1 && n <= MAX_ITEMS, "n", n, "in [1, " + MAX_ITEMS + "] (2^n subsets are visited)");
        Best best = null;
        for (int mask = 1; mask < (1 << n); mask++) {
            int[] s = members(mask);
            if (!feasible.test(s)) {
                continue;
            }
            double v = objective.applyAsDouble(s);
            if (best == null || v < best.objective()
                    || (v == best.objective() && (s.length < best.members().length
                        || (s.length == best.members().length && java.util.Arrays.compare(s, best.members()) < 0)))) {
                best = new Best(s, v);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The sorted members of a bit mask. */
    public static int[] members(int mask) {
        int[] s = new int[Integer.bitCount(mask)];
        for (int i = 0, j = 0; mask >> i != 0; i++) {
            if ((mask >> i & 1) != 0) {
                s[j++] = i;
            }
        }
        return s;
    }
}
