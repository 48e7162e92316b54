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

    /**
     * The smallest eigenvalue of the tridiagonal (diag, off) of order n ≥ 1 by bisection on {@link #countBelow}, from the
     * Gershgorin interval down to adjacent doubles, or down to 2⁻⁸⁰ of the larger Gershgorin end for an eigenvalue near
     * zero (at most about 80 halvings). The pivot floor is the smallest normal double times the interval's width (at
     * least one).
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
        while (hi - lo > floor) {
            double mid = 0.5 * (lo + hi);
            if (!(mid > lo && mid < hi)) {
                break;
            }
            if (countBelow(diag, offSquared, n, mid, pivmin) >= 1) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
