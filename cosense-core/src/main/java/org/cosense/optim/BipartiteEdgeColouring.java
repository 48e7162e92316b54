package org.cosense.optim;

import java.util.Arrays;

import org.cosense.InvalidInputException;

/**
 * A proper edge colouring of a bipartite multigraph with exactly Δ colours, Δ the maximum degree
 * (König's edge-colouring theorem). Edges are coloured one at a time: colour a is free at the left end u,
 * colour b free at the right end v; if a is not free at v, the a/b alternating path starting at v is
 * recoloured (a ↔ b), which frees a at v. In a bipartite graph that path cannot end at u (it would close
 * an odd cycle with the new edge), so a stays free at u. O(E (L + R)).
 *
 * <p>Used for slot scheduling: with left vertices = vehicles, right vertices = base stations, a colour
 * class is a set of associations with no vehicle and no BS twice, i.e. one time slot.
 */
public final class BipartiteEdgeColouring {
    private BipartiteEdgeColouring() {
    }

    /**
     * Colours 0..Δ−1 for every edge (left[e], right[e]); parallel edges are allowed and get different colours.
     *
     * @param leftCount  number of left vertices
     * @param rightCount number of right vertices
     * @param left       left end of every edge, in [0, leftCount)
     * @param right      right end of every edge, in [0, rightCount)
     */
    public static int[] colour(int leftCount, int rightCount, int[] left, int[] right) {
        InvalidInputException.require(left.length == right.length, "right", right.length, "one right end per edge (" + left.length + ")");
        int[] degL = new int[leftCount];
        int[] degR = new int[rightCount];
        for (int e = 0; e < left.length; e++) {
            InvalidInputException.require(left[e] >= 0 && left[e] < leftCount, "left", e + 1, left[e], "in [0, " + leftCount + ")");
            InvalidInputException.require(right[e] >= 0 && right[e] < rightCount, "right", e + 1, right[e], "in [0, " + rightCount + ")");
            degL[left[e]]++;
            degR[right[e]]++;
        }
        int delta = Math.max(Arrays.stream(degL).max().orElse(0), Arrays.stream(degR).max().orElse(0));
        // at[vertex][c] = the edge of colour c at that vertex, or −1; right vertices are offset by leftCount
        int[][] at = new int[leftCount + rightCount][delta];
        for (int[] row : at) {
            Arrays.fill(row, -1);
        }
        int[] colour = new int[left.length];
        Arrays.fill(colour, -1);
        for (int e = 0; e < left.length; e++) {
            int u = left[e];
            int v = leftCount + right[e];
            int a = free(at[u]);
            int b = free(at[v]);
            if (at[v][a] >= 0) {
                swapPath(v, a, b, at, colour, left, right, leftCount);
            }
            colour[e] = a;
            at[u][a] = e;
            at[v][a] = e;
        }
        return colour;
    }

    /** The maximum degree Δ of the multigraph (the number of colours {@link #colour} uses). */
    public static int maxDegree(int leftCount, int rightCount, int[] left, int[] right) {
        int[] degL = new int[leftCount];
        int[] degR = new int[rightCount];
        int d = 0;
        for (int e = 0; e < left.length; e++) {
            d = Math.max(d, Math.max(++degL[left[e]], ++degR[right[e]]));
        }
        return d;
    }

    private static int free(int[] colours) {
        for (int c = 0; c < colours.length; c++) {
            if (colours[c] < 0) {
                return c;
            }
        }
        throw new IllegalStateException("no free colour: degree exceeds Δ");
    }

    /** Exchanges colours a and b along the alternating path that starts at vertex start with an a-edge. */
    private static void swapPath(int start, int a, int b, int[][] at, int[] colour, int[] left, int[] right, int leftCount) {
        // collect the path first, then recolour, so the lookups are not disturbed mid-walk
        int[] path = new int[colour.length];
        int len = 0;
        int vertex = start;
        int c = a;
        while (at[vertex][c] >= 0) {
            int e = at[vertex][c];
            path[len++] = e;
            int lv = left[e];
            int rv = leftCount + right[e];
            vertex = vertex == lv ? rv : lv;
            c = c == a ? b : a;
        }
        for (int i = 0; i < len; i++) {
            int e = path[i];
            at[left[e]][colour[e]] = -1;
            at[leftCount + right[e]][colour[e]] = -1;
        }
        for (int i = 0; i < len; i++) {
            int e = path[i];
            colour[e] = colour[e] == a ? b : a;
            at[left[e]][colour[e]] = e;
            at[leftCount + right[e]][colour[e]] = e;
        }
    }
}
