package org.cosense.math;

/**
 * Eigenvalues of a real symmetric tridiagonal matrix T (diagonal {@code diag}, off-diagonal {@code off[k] = T[k+1, k]})
 * from the Sturm sequence: the number of eigenvalues of T below x is the number of negative pivots of the LDLᵀ
 * factorization of T − xI (Sylvester's law of inertia; Golub and Van Loan, Alg. 8.4.2). A Hermitian matrix reduced by
 * {@link HermitianTridiagonalization} lands here through the real tridiagonal with off-diagonal |T_{k+1,k}|, which is
 * unitarily similar to it.
 *
 * <p>{@link HermitianPsdProjection} runs its bisection on a division-free recurrence of its own (several intervals per
 * sweep) and counts its inertia here.
 */
public final class SymmetricTridiagonal {
    private SymmetricTridiagonal() {
    }

    /**
     * The number of eigenvalues below x of the tridiagonal with diagonal {@code diag} and squared off-diagonal
     * {@code offSquared[k] = T[k+1, k]²} (first n entries read): the negative pivots q_i = d_i − x − e²_{i−1} / q_{i−1}.
     * A pivot smaller in magnitude than {@code pivmin} (positive) is replaced by −pivmin, as LAPACK's dstebz does, so
     * that the next division is finite and an eigenvalue at x counts as below it.
     */
    public static int countBelow(double[] diag, double[] offSquared, int n, double x, double pivmin) {
        int count = 0;
        double q = diag[0] - x;
        for (int i = 0; ; i++) {
            if (Math.abs(q) < pivmin) {
                q = -pivmin;
            }
            if (q < 0) {
                count++;
            }
            if (i + 1 == n) {
                return count;
            }
            q = diag[i + 1] - x - offSquared[i] / q;
        }
    }

    /** The counts of {@link #countBelow} at x0, x1, x2 in one pass, into counts[0..2]. */
    private static void countBelowAtThree(double[] diag, double[] offSquared, int n, double x0, double x1, double x2, double pivmin,
            int[] counts) {
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        double q0 = diag[0] - x0;
        double q1 = diag[0] - x1;
        double q2 = diag[0] - x2;
        for (int i = 0; ; i++) {
            if (Math.abs(q0) < pivmin) {
                q0 = -pivmin;
            }
            if (Math.abs(q1) < pivmin) {
                q1 = -pivmin;
            }
            if (Math.abs(q2) < pivmin) {
                q2 = -pivmin;
            }
            c0 += q0 < 0 ? 1 : 0;
            c1 += q1 < 0 ? 1 : 0;
            c2 += q2 < 0 ? 1 : 0;
            if (i + 1 == n) {
                counts[0] = c0;
                counts[1] = c1;
                counts[2] = c2;
                return;
            }
            double d = diag[i + 1];
            double e2 = offSquared[i];
            q0 = d - x0 - e2 / q0;
            q1 = d - x1 - e2 / q1;
            q2 = d - x2 - e2 / q2;
        }
    }

    /**
     * The smallest eigenvalue of the tridiagonal (diag, off) of order n ≥ 1 by bisection on {@link #countBelow}, from the
     * Gershgorin interval down to adjacent doubles, or down to 2⁻⁸⁰ of the larger Gershgorin end for an eigenvalue near
     * zero (at most about 80 halvings). The pivot floor is the smallest normal double times the interval's width (at
     * least one).
     *
     * <p>The result is that of the plain loop (one halving per count), computed with fewer counts. The count is a
     * non-decreasing function of x also in floating point (Kahan 1966; Demmel, Dhillon and Ren 1995, for this recurrence
     * with the pivot floor), so once two points a &lt; b are known with count(a) = 0 and count(b) ≥ 1, the plain loop's
     * decision at a midpoint left of a (count 0) or right of b (count ≥ 1) is known without counting. Such a bracket comes
     * from Laguerre's iteration on det(T − xI) from the Gershgorin end (monotone towards the smallest eigenvalue from the
     * left and cubically convergent for a real-rooted polynomial; Parlett, The Symmetric Eigenvalue Problem, 3.6),
     * each of its points counted with the same arithmetic as {@link #countBelow}. Midpoints inside the bracket are
     * counted, two halvings per pass.
     */
    public static double smallestEigenvalue(double[] diag, double[] off, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] offSquared = new double[n];
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(off[i - 1]) : 0) + (i < n - 1 ? Math.abs(off[i]) : 0);
            lo = Math.min(lo, diag[i] - r);
            hi = Math.max(hi, diag[i] + r);
            offSquared[i] = i < n - 1 ? off[i] * off[i] : 0;
        }
        double pivmin = Double.MIN_NORMAL * Math.max(1, hi - lo);
        double floor = 0x1p-80 * Math.max(Math.abs(lo), Math.abs(hi));
        double[] bracket = laguerreBracket(diag, offSquared, n, lo, hi, pivmin);
        double below = bracket[0];   // count(below) = 0, or −∞
        double above = bracket[1];   // count(above) ≥ 1, or +∞
        int[] counts = new int[3];
        while (hi - lo > floor) {
            double mid = 0.5 * (lo + hi);
            if (!(mid > lo && mid < hi)) {
                break;
            }
            if (mid <= below) {
                lo = mid;   // count(mid) ≤ count(below) = 0
                continue;
            }
            if (mid >= above) {
                hi = mid;   // count(mid) ≥ count(above) ≥ 1
                continue;
            }
            // Two halvings per pass: the counts at mid and at both midpoints the next halving can take come from one
            // interleaved pass (three independent division chains instead of one); the second halving then takes the
            // point and count the plain loop would compute next.
            double midLo = 0.5 * (lo + mid);
            double midHi = 0.5 * (mid + hi);
            countBelowAtThree(diag, offSquared, n, midLo, mid, midHi, pivmin, counts);
            double next;
            int nextCount;
            if (counts[1] >= 1) {
                hi = mid;
                next = midLo;
                nextCount = counts[0];
            } else {
                lo = mid;
                next = midHi;
                nextCount = counts[2];
            }
            if (!(hi - lo > floor) || !(next > lo && next < hi)) {
                break;
            }
            if (nextCount >= 1) {
                hi = next;
            } else {
                lo = next;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Laguerre iterations at most; it converges in a handful from the Gershgorin end. */
    private static final int LAGUERRE_STEPS = 12;

    /**
     * {below, above} with count(below) = 0 and count(above) ≥ 1 (each side −∞ / +∞ when not found), from Laguerre's
     * iteration x ← x + n / (s₁ + √((n − 1)(n s₂ − s₁²))), s₁ = tr (T − xI)⁻¹, s₂ = tr (T − xI)⁻², started at the
     * Gershgorin end lo. A bracket only saves counts: any pair of counted points gives the plain loop's result.
     */
    private static double[] laguerreBracket(double[] diag, double[] offSquared, int n, double lo, double hi, double pivmin) {
        double below = Double.NEGATIVE_INFINITY;
        double above = Double.POSITIVE_INFINITY;
        double[] s = new double[2];
        double x = lo;
        double step = Double.NaN;
        for (int k = 0; k < LAGUERRE_STEPS && x < hi; k++) {
            if (countAndTraces(diag, offSquared, n, x, pivmin, s) >= 1) {
                above = x;
                return new double[] {below, above};
            }
            below = x;
            double s1 = s[0];
            double root = Math.sqrt(Math.max(0, (n - 1) * (n * s[1] - s1 * s1)));
            step = n / (s1 + root);
            if (!(step > 0) || !Double.isFinite(step)) {
                return new double[] {below, above};
            }
            if (step <= 0x1p-46 * Math.max(Math.abs(x), 0x1p-34 * (hi - lo))) {
                break;   // converged: the eigenvalue is within about one step to the right of x
            }
            x += step;
        }
        if (!Double.isFinite(step)) {
            return new double[] {below, above};
        }
        double tryAbove = below + 4 * step + 0x1p-48 * Math.max(Math.abs(below), hi - lo);
        if (tryAbove < hi && countAndTraces(diag, offSquared, n, tryAbove, pivmin, null) >= 1) {
            above = tryAbove;
        }
        return new double[] {below, above};
    }

    /**
     * {@link #countBelow} at x with the same arithmetic, and, when the count is 0 and {@code traces} is given, the traces
     * s₁ = tr (T − xI)⁻¹ = −Σ q_i'/q_i and s₂ = tr (T − xI)⁻² = −Σ (q_i''/q_i − (q_i'/q_i)²) from the pivots' derivatives
     * q'_{i+1} = −1 + e²_i q'_i / q_i², q''_{i+1} = e²_i (q''_i / q_i² − 2 q'_i² / q_i³).
     */
    private static int countAndTraces(double[] diag, double[] offSquared, int n, double x, double pivmin, double[] traces) {
        int count = 0;
        double q = diag[0] - x;
        double d1 = -1;
        double d2 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; ; i++) {
            if (Math.abs(q) < pivmin) {
                q = -pivmin;
            }
            if (q < 0) {
                count++;
            }
            double r = 1 / q;
            double g = d1 * r;
            s1 -= g;
            s2 -= d2 * r - g * g;
            if (i + 1 == n) {
                break;
            }
            double e2 = offSquared[i];
            double nd1 = -1 + e2 * d1 * r * r;
            d2 = e2 * (d2 * r * r - 2 * d1 * d1 * r * r * r);
            d1 = nd1;
            q = diag[i + 1] - x - e2 / q;
        }
        if (traces != null) {
            traces[0] = s1;
            traces[1] = s2;
        }
        return count;
    }
}
