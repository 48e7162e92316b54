package org.cosense.systems.mengvehicle;

/**
 * The interference indicator of Section IV-A: I[b][k][b'] = 1 (b' ≠ b) when IRS k, flattened towards
 * BS b, also reflects BS b'’s waveform back to b': the span of b' over the prior disk of k overlaps the
 * rectangle covered for b in both axes [mengvehicle E10] (conservative: no interference anywhere in
 * the disk when the test is 0).
 */
public final class InterferenceGraph {
    private final boolean[][][] hit;

    private InterferenceGraph(boolean[][][] hit) {
        this.hit = hit;
    }

    /** From the spans of every (BS, vehicle) pair: spans[k].spans()[b]. */
    public static InterferenceGraph of(VehicleLinks[] links) {
        int k = links.length;
        int nb = links[0].bsCount();
        boolean[][][] h = new boolean[nb][k][nb];
        for (int v = 0; v < k; v++) {
            for (int b = 0; b < nb; b++) {
                for (int b2 = 0; b2 < nb; b2++) {
                    h[b][v][b2] = b2 != b && links[v].spans()[b].overlaps(links[v].spans()[b2]);
                }
            }
        }
        return new InterferenceGraph(h);
    }

    /** Every indicator set to {@code value} (b' ≠ b): the no-interference and full-interference cases of Lemmas 2–3. */
    public static InterferenceGraph constant(int bsCount, int vehicles, boolean value) {
        boolean[][][] h = new boolean[bsCount][vehicles][bsCount];
        for (int b = 0; b < bsCount; b++) {
            for (int v = 0; v < vehicles; v++) {
                for (int b2 = 0; b2 < bsCount; b2++) {
                    h[b][v][b2] = value && b2 != b;
                }
            }
        }
        return new InterferenceGraph(h);
    }

    /** I_{b,k,b'}. */
    public boolean interferes(int b, int k, int b2) {
        return hit[b][k][b2];
    }

    /** The number of set indicators. */
    public int count() {
        int c = 0;
        for (boolean[][] a : hit) {
            for (boolean[] x : a) {
                for (boolean y : x) {
                    c += y ? 1 : 0;
                }
            }
        }
        return c;
    }
}
