package org.cosense.lab;

import java.util.List;
import java.util.Locale;

/**
 * How many checks of each {@link Check.Kind} passed. Paper claims are counted apart from invariants
 * (true by construction) and extensions (our additions), so a reader sees how many of the paper's
 * claims the reproduction supports without the invariants inflating the count.
 */
public record CheckTally(int paperPassed, int paperTotal, int invariantPassed, int invariantTotal, int extensionPassed,
        int extensionTotal) {

    public static final CheckTally NONE = new CheckTally(0, 0, 0, 0, 0, 0);

    public static CheckTally of(List<Check> checks) {
        int[] passed = new int[Check.Kind.values().length];
        int[] total = new int[passed.length];
        for (Check c : checks) {
            total[c.kind().ordinal()]++;
            if (c.passed()) {
                passed[c.kind().ordinal()]++;
            }
        }
        int p = Check.Kind.PAPER.ordinal();
        int i = Check.Kind.INVARIANT.ordinal();
        int e = Check.Kind.EXTENSION.ordinal();
        return new CheckTally(passed[p], total[p], passed[i], total[i], passed[e], total[e]);
    }

    public CheckTally plus(CheckTally o) {
        return new CheckTally(paperPassed + o.paperPassed, paperTotal + o.paperTotal, invariantPassed + o.invariantPassed,
                invariantTotal + o.invariantTotal, extensionPassed + o.extensionPassed, extensionTotal + o.extensionTotal);
    }

    public int paperFailed() {
        return paperTotal - paperPassed;
    }

    public int passed() {
        return paperPassed + invariantPassed + extensionPassed;
    }

    public int total() {
        return paperTotal + invariantTotal + extensionTotal;
    }

    /** e.g. {@code paper 3/4  invariants 2/2  extensions 1/1}; a kind without checks is left out. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "paper %d/%d", paperPassed, paperTotal));
        if (invariantTotal > 0) {
            sb.append(String.format(Locale.ROOT, "  invariants %d/%d", invariantPassed, invariantTotal));
        }
        if (extensionTotal > 0) {
            sb.append(String.format(Locale.ROOT, "  extensions %d/%d", extensionPassed, extensionTotal));
        }
        return sb.toString();
    }
}
