package org.cosense.localization;

/**
 * Exhaustive assignment over the K! permutations: exact and fast for the handful of targets of a
 * localization scene (K <= 8); used to pair peaks, associate DoAs and match estimates to truths.
 */
public final class Assignment {
    private Assignment() {
    }

    /** The permutation p maximizing (or minimizing) sum_a score[a][p[a]]. */
    public static int[] best(double[][] score, boolean maximize) {
        if (score.length > 8) {
            throw new IllegalArgumentException("exhaustive assignment is for at most 8 items, got " + score.length);
        }
        int k = score.length;
        int[] p = new int[k];
        for (int i = 0; i < k; i++) {
            p[i] = i;
        }
        int[] best = p.clone();
        double bestVal = Double.NaN;
        do {
            double v = 0;
            for (int a = 0; a < k; a++) {
                v += score[a][p[a]];
            }
            if (Double.isNaN(bestVal) || (maximize ? v > bestVal : v < bestVal)) {
                bestVal = v;
                best = p.clone();
            }
        } while (next(p));
        return best;
    }

    /** Next permutation in lexicographic order; false after the last. */
    public static boolean next(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = p.length - 1;
        while (p[j] <= p[i]) {
            j--;
        }
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
        for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
            t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
        return true;
    }
}
