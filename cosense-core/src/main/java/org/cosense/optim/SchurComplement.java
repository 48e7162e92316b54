package org.cosense.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cosense.optim.LmiProblem.Block;
import org.cosense.optim.LmiProblem.Row;

/**
 * The Schur complement M of the interior-point Newton system, stored and factored in the block-arrow
 * pattern that the problem's structure guarantees.
 *
 * <p>Variables that share an LMI block (transitively) form a group; M_ij ≠ 0 only inside a group,
 * except through inequality rows that span groups (e.g. Σ_l tr R_l ≤ L P_t, or the epigraph
 * variable κ of a min–max). The variables of such a row outside its main group go to a border.
 * Ordering groups first and the border last, the Cholesky factor has no fill outside
 * "own group ∪ border" (an arrowhead), so at the paper's size (two IRS groups of ~260 variables and a
 * border of ~17) the factorization costs ~1/4 of the dense one. With a single group the pattern is
 * the dense upper triangle and this is a plain Cholesky.
 *
 * <p>Storage: one Java array per (permuted) row, upper triangle only, so that the row updates of the
 * right-looking Cholesky (A = UᵀU) are contiguous, alias-free axpys that the JIT vectorizes.
 */
final class SchurComplement {
    final int n;
    /** position → variable. */
    final int[] perm;
    /** variable → position. */
    final int[] pos;
    /** positions [0, border) are interior, [border, n) the border. */
    final int border;
    /** for an interior position p the end (exclusive) of its group; n for border positions. */
    final int[] end;
    /** M (unshifted), upper pattern, permuted. */
    private final double[][] a;
    /** its Cholesky factor U (upper), M + shift·I = UᵀU. */
    private final double[][] u;
    private final double[] work;

    private SchurComplement(int n, int[] perm, int border, int[] end) {
        this.n = n;
        this.perm = perm;
        this.border = border;
        this.end = end;
        pos = new int[n];
        for (int q = 0; q < n; q++) {
            pos[perm[q]] = q;
        }
        a = new double[n][];
        u = new double[n][];
        for (int q = 0; q < n; q++) {
            a[q] = new double[n];
            u[q] = new double[n];
        }
        work = new double[n];
    }

    /** The group/border structure of p's Schur complement (fixed across iterations). */
    static SchurComplement of(LmiProblem p) {
        int n = p.n;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (Block b : p.blocks) {
            for (int j = 1; j < b.vars.length; j++) {
                union(parent, b.vars[0], b.vars[j]);
            }
        }
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[find(parent, i)]++;
        }
        boolean[] inBorder = new boolean[n];
        int[] count = new int[n];
        for (Row r : p.rows) {
            List<Integer> roots = new ArrayList<>();
            for (int v : r.idx) {
                if (!inBorder[v]) {
                    int g = find(parent, v);
                    if (count[g]++ == 0) {
                        roots.add(g);
                    }
                }
            }
            if (roots.size() > 1) {
                int keep = roots.get(0);
                for (int g : roots) {
                    if (count[g] > count[keep] || (count[g] == count[keep] && size[g] > size[keep])) {
                        keep = g;
                    }
                }
                for (int v : r.idx) {
                    if (!inBorder[v] && find(parent, v) != keep) {
                        inBorder[v] = true;
                    }
                }
            }
            for (int g : roots) {
                count[g] = 0;
            }
        }
        // groups in order of their first variable, then the border
        int[] perm = new int[n];
        int[] end = new int[n];
        int[] first = new int[n];
        Arrays.fill(first, -1);
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            if (!inBorder[v]) {
                int g = find(parent, v);
                if (first[g] < 0) {
                    first[g] = v;
                    order.add(g);
                }
            }
        }
        List<List<Integer>> members = new ArrayList<>();
        int[] slot = new int[n];
        for (int q = 0; q < order.size(); q++) {
            slot[order.get(q)] = q;
            members.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            if (!inBorder[v]) {
                members.get(slot[find(parent, v)]).add(v);
            }
        }
        int q = 0;
        for (List<Integer> g : members) {
            int e = q + g.size();
            for (int v : g) {
                perm[q] = v;
                end[q++] = e;
            }
        }
        int border = q;
        for (int v = 0; v < n; v++) {
            if (inBorder[v]) {
                perm[q] = v;
                end[q++] = n;
            }
        }
        return new SchurComplement(n, perm, border, end);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int i, int j) {
        int a = find(parent, i);
        int b = find(parent, j);
        if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
        }
    }

    /** Flops of one factorization, for diagnostics. */
    double factorFlops() {
        double f = 0;
        for (int k = 0; k < n; k++) {
            double len = k < border ? (end[k] - k - 1) + (n - border) : n - k - 1;
            f += len * len;
        }
        return f;
    }

    // ------------------------------------------------------------------ assembly

    void clear() {
        for (int q = 0; q < n; q++) {
            double[] r = a[q];
            if (q < border) {
                Arrays.fill(r, q, end[q], 0);
                Arrays.fill(r, border, n, 0);
            } else {
                Arrays.fill(r, q, n, 0);
            }
        }
    }

    /** Stored row q (positions ≥ q in the pattern) of M, for assembly. */
    double[] row(int q) {
        return a[q];
    }

    /** M_ij += v for variables i, j (and M_ji implicitly); i, j must lie in the pattern. */
    void add(int vi, int vj, double v) {
        int pi = pos[vi];
        int pj = pos[vj];
        if (pi <= pj) {
            a[pi][pj] += v;
        } else {
            a[pj][pi] += v;
        }
    }

    /** Adds w·a aᵀ for the sparse row a (indices may repeat). */
    void addOuter(int[] idx, double[] val, double w) {
        for (int s = 0; s < idx.length; s++) {
            int ps = pos[idx[s]];
            double ws = w * val[s];
            double[] row = a[ps];
            for (int t = 0; t < idx.length; t++) {
                int pt = pos[idx[t]];
                if (ps < pt) {
                    row[pt] += ws * val[t];
                } else if (ps == pt) {
                    row[pt] += ws * val[t];
                }
            }
        }
    }

    double maxDiagonal() {
        double mx = 0;
        for (int q = 0; q < n; q++) {
            mx = Math.max(mx, a[q][q]);
        }
        return mx;
    }

    // ------------------------------------------------------------------ factor and solve

    /** Factors M + shift·I; false if a pivot is not positive (or not finite). */
    boolean factor(double shift) {
        for (int q = 0; q < n; q++) {
            double[] src = a[q];
            double[] dst = u[q];
            if (q < border) {
                System.arraycopy(src, q, dst, q, end[q] - q);
                System.arraycopy(src, border, dst, border, n - border);
            } else {
                System.arraycopy(src, q, dst, q, n - q);
            }
            dst[q] += shift;
        }
        // right-looking, four pivots per pass: each trailing row is read and written once per
        // panel (four fused axpys), which halves the memory traffic of the rank-one version
        int k = 0;
        while (k < n) {
            int segEnd = k < border ? end[k] : n;   // pivots k.. share their row pattern up to segEnd
            int w = Math.min(4, segEnd - k);
            for (int t = 0; t < w; t++) {
                int q = k + t;
                double[] uq = u[q];
                for (int s2 = 0; s2 < t; s2++) {
                    double[] us = u[k + s2];
                    double f = us[q];
                    if (f != 0) {
                        axpyPattern(-f, us, uq, q, segEnd);
                    }
                }
                double d = uq[q];
                if (!(d > 0) || d == Double.POSITIVE_INFINITY) {
                    return false;
                }
                double uqq = Math.sqrt(d);
                uq[q] = uqq;
                double inv = 1 / uqq;
                for (int j = q + 1; j < segEnd; j++) {
                    uq[j] *= inv;
                }
                if (segEnd < n) {
                    for (int j = border; j < n; j++) {
                        uq[j] *= inv;
                    }
                }
            }
            int next = k + w;
            if (w == 4) {
                double[] r0 = u[k];
                double[] r1 = u[k + 1];
                double[] r2 = u[k + 2];
                double[] r3 = u[k + 3];
                for (int i = next; i < segEnd; i++) {
                    update4(u[i], r0, r1, r2, r3, r0[i], r1[i], r2[i], r3[i], i, segEnd);
                }
                if (segEnd < n) {
                    for (int i = border; i < n; i++) {
                        update4(u[i], r0, r1, r2, r3, r0[i], r1[i], r2[i], r3[i], i, n);
                    }
                }
            } else {
                for (int t = 0; t < w; t++) {
                    double[] ut = u[k + t];
                    for (int i = next; i < segEnd; i++) {
                        double f = ut[i];
                        if (f != 0) {
                            axpyPattern(-f, ut, u[i], i, segEnd);
                        }
                    }
                    if (segEnd < n) {
                        for (int i = border; i < n; i++) {
                            double f = ut[i];
                            if (f != 0) {
                                axpyRange(-f, ut, u[i], i, n);
                            }
                        }
                    }
                }
            }
            k = next;
        }
        return true;
    }

    /** y[j] += a·x[j] for j in [from, segEnd) and, if segEnd < n, the border columns. */
    private void axpyPattern(double a, double[] x, double[] y, int from, int segEnd) {
        axpyRange(a, x, y, from, segEnd);
        if (segEnd < n) {
            axpyRange(a, x, y, border, n);
        }
    }

    private static void axpyRange(double a, double[] x, double[] y, int from, int to) {
        for (int j = from; j < to; j++) {
            y[j] += a * x[j];
        }
    }

    /** Row i −= Σ_s f_s r_s over its pattern from column i. */
    private void update4(double[] ui, double[] r0, double[] r1, double[] r2, double[] r3,
            double f0, double f1, double f2, double f3, int i, int segEnd) {
        sub4(ui, r0, r1, r2, r3, f0, f1, f2, f3, i, segEnd);
        if (segEnd < n) {
            sub4(ui, r0, r1, r2, r3, f0, f1, f2, f3, Math.max(i, border), n);
        }
    }

    private static void sub4(double[] ui, double[] r0, double[] r1, double[] r2, double[] r3,
            double f0, double f1, double f2, double f3, int from, int to) {
        for (int j = from; j < to; j++) {
            ui[j] -= f0 * r0[j] + f1 * r1[j] + f2 * r2[j] + f3 * r3[j];
        }
    }

    /** x = (M + shift·I)⁻¹ b with the last factorization (variables' order); x may be b. */
    void solve(double[] b, double[] x) {
        double[] z = work;
        for (int q = 0; q < n; q++) {
            z[q] = b[perm[q]];
        }
        // Uᵀ z = b
        for (int k = 0; k < n; k++) {
            double[] uk = u[k];
            double zk = z[k] / uk[k];
            z[k] = zk;
            if (zk == 0) {
                continue;
            }
            if (k < border) {
                int e = end[k];
                for (int j = k + 1; j < e; j++) {
                    z[j] -= uk[j] * zk;
                }
                for (int j = border; j < n; j++) {
                    z[j] -= uk[j] * zk;
                }
            } else {
                for (int j = k + 1; j < n; j++) {
                    z[j] -= uk[j] * zk;
                }
            }
        }
        // U x = z
        for (int k = n - 1; k >= 0; k--) {
            double[] uk = u[k];
            double s = z[k];
            if (k < border) {
                int e = end[k];
                for (int j = k + 1; j < e; j++) {
                    s -= uk[j] * z[j];
                }
                for (int j = border; j < n; j++) {
                    s -= uk[j] * z[j];
                }
            } else {
                for (int j = k + 1; j < n; j++) {
                    s -= uk[j] * z[j];
                }
            }
            z[k] = s / uk[k];
        }
        for (int q = 0; q < n; q++) {
            x[perm[q]] = z[q];
        }
    }

    /** y = M x (unshifted; variables' order). */
    void multiply(double[] x, double[] y) {
        double[] xp = new double[n];
        double[] yp = new double[n];
        for (int q = 0; q < n; q++) {
            xp[q] = x[perm[q]];
        }
        for (int q = 0; q < n; q++) {
            double[] r = a[q];
            double xq = xp[q];
            double s = r[q] * xq;
            if (q < border) {
                int e = end[q];
                for (int j = q + 1; j < e; j++) {
                    s += r[j] * xp[j];
                    yp[j] += r[j] * xq;
                }
                for (int j = border; j < n; j++) {
                    s += r[j] * xp[j];
                    yp[j] += r[j] * xq;
                }
            } else {
                for (int j = q + 1; j < n; j++) {
                    s += r[j] * xp[j];
                    yp[j] += r[j] * xq;
                }
            }
            yp[q] += s;
        }
        for (int q = 0; q < n; q++) {
            y[perm[q]] = yp[q];
        }
    }
}
