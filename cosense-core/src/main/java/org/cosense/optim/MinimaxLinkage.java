package org.cosense.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.cosense.InvalidInputException;

/**
 * Agglomerative clustering with (anchored) minimax linkage. For a set P of points with pairwise distances d:
 * <pre>
 *   d_max(p, P) = max_{q in P} d(p, q),   r_min(P) = min_{p in P} d_max(p, P)    (minimax radius, 0 for a singleton)
 *   r(P) = (1 - w) r_min(P) + w min_{p in P} anchor(p)
 *   linkage(X, Y) = r(X U Y)
 * </pre>
 * Starting from singletons, the pair with the smallest linkage is merged until one cluster remains; ties go to the
 * lexicographically smallest pair (the smaller minimum index of the union, then the sorted member lists). With w = 0
 * this is the classical minimax linkage of Bien and Tibshirani; w &gt; 0 adds a per-point anchor cost (for example the
 * distance to a point of interest). The tree has exactly 2n - 1 nodes: the n leaves, then the merges in order.
 */
public final class MinimaxLinkage {
    /** A distance between points i and j (symmetric, nonnegative). */
    @FunctionalInterface
    public interface Distance {
        double between(int i, int j);
    }

    /** A tree node: its sorted members and its linkage value r (0 for a leaf when the anchor term is 0). */
    public record Node(int[] members, double radius) {
        public int size() {
            return members.length;
        }
    }

    private final int n;
    private final double[][] d;
    private final double[] anchor;
    private final double weight;

    /**
     * @param n      number of points (≥ 1)
     * @param d      pairwise distance
     * @param anchor per-point anchor cost (null: 0)
     * @param weight w in [0, 1]
     */
    public MinimaxLinkage(int n, Distance d, IntToDoubleFunction anchor, double weight) {
        InvalidInputException.require(n >= 1, "n", n, "at least one point");
        InvalidInputException.require(weight >= 0 && weight <= 1, "weight", weight, "in [0, 1]");
        this.n = n;
        this.d = new double[n][n];
        this.anchor = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                this.d[i][j] = i == j ? 0 : d.between(i, j);
                InvalidInputException.require(this.d[i][j] >= 0, "d", i, this.d[i][j], "nonnegative distances");
            }
            this.anchor[i] = anchor == null ? 0 : anchor.applyAsDouble(i);
        }
        this.weight = weight;
    }

    /** Classical minimax linkage (no anchor). */
    public MinimaxLinkage(int n, Distance d) {
        this(n, d, null, 0);
    }

    /** r_min(P): the smallest radius of a ball centred at a member that contains all of P. */
    public double minimaxRadius(int[] members) {
        double best = Double.POSITIVE_INFINITY;
        for (int p : members) {
            double far = 0;
            for (int q : members) {
                far = Math.max(far, d[p][q]);
            }
            best = Math.min(best, far);
        }
        return best;
    }

    /** r(P) = (1 - w) r_min(P) + w min_{p in P} anchor(p). */
    public double radius(int[] members) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int p : members) {
            nearest = Math.min(nearest, anchor[p]);
        }
        return (1 - weight) * minimaxRadius(members) + weight * nearest;
    }

    /** The 2n - 1 tree nodes: the leaves 0..n-1 in order, then every merged cluster in merge order; the last is all points. */
    public List<Node> tree() {
        List<int[]> active = new ArrayList<>();
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            active.add(new int[] {i});
            out.add(new Node(new int[] {i}, radius(new int[] {i})));
        }
        while (active.size() > 1) {
            int bx = -1;
            int by = -1;
            int[] bestUnion = null;
            double best = Double.POSITIVE_INFINITY;
            for (int x = 0; x < active.size(); x++) {
                for (int y = x + 1; y < active.size(); y++) {
                    int[] u = union(active.get(x), active.get(y));
                    double r = radius(u);
                    if (r < best || (r == best && earlier(active.get(x), active.get(y), active.get(bx), active.get(by)))) {
                        best = r;
                        bx = x;
                        by = y;
                        bestUnion = u;
                    }
                }
            }
            active.remove(by);
            active.remove(bx);
            active.add(bestUnion);
            out.add(new Node(bestUnion, best));
        }
        return out;
    }

    /** Tie-break: smaller minimum index of the union, then the lexicographically smaller pair of sorted member lists. */
    private static boolean earlier(int[] x, int[] y, int[] bx, int[] by) {
        int c = Integer.compare(Math.min(x[0], y[0]), Math.min(bx[0], by[0]));
        if (c != 0) {
            return c < 0;
        }
        int[][] a = ordered(x, y);
        int[][] b = ordered(bx, by);
        c = Arrays.compare(a[0], b[0]);
        return c != 0 ? c < 0 : Arrays.compare(a[1], b[1]) < 0;
    }

    private static int[][] ordered(int[] x, int[] y) {
        return Arrays.compare(x, y) <= 0 ? new int[][] {x, y} : new int[][] {y, x};
    }

    static int[] union(int[] a, int[] b) {
        int[] u = new int[a.length + b.length];
        System.arraycopy(a, 0, u, 0, a.length);
        System.arraycopy(b, 0, u, a.length, b.length);
        Arrays.sort(u);
        return u;
    }
}
