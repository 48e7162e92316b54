package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The Householder reductions against EJML: the real tridiagonal they return has the eigenvalues of the matrix they
 * were given (EJML's symmetric QR on both sides), and the Sturm count and bisection of {@link SymmetricTridiagonal}
 * agree with those eigenvalues.
 */
class HermitianTridiagonalizationTest {
    private static final int[] SIZES = {1, 2, 3, 4, 7, 12, 40};

    /** Kinds of matrix: 0 random, 1 a repeated eigenvalue (rank-2 PSD plus 3 I), 2 a zero off-diagonal block. */
    private static ZMatrixRMaj matrix(RandomStream rng, int n, int kind) {
        ZMatrixRMaj a = TestMatrices.randomHermitian(rng, n);
        if (kind == 1) {
            ZMatrixRMaj b = new ZMatrixRMaj(n, 2);
            rng.complexGaussian(b.data, 0, 2 * n, 1);
            a = ComplexLinalg.multTransB(b, b);
            for (int i = 0; i < n; i++) {
                a.set(i, i, a.getReal(i, i) + 3, 0);
            }
            a = ComplexLinalg.hermitianPart(a);
        } else if (kind == 2) {
            for (int i = n / 2; i < n; i++) {
                for (int j = 0; j < n / 2; j++) {
                    a.set(i, j, 0, 0);
                    a.set(j, i, 0, 0);
                }
            }
        }
        return a;
    }

    /** EJML's eigenvalues (ascending) of the symmetric tridiagonal (diag, off). */
    private static double[] tridiagonalEigenvalues(double[] diag, double[] off, int n) {
        DMatrixRMaj t = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            t.set(i, i, diag[i]);
            if (i + 1 < n) {
                t.set(i + 1, i, off[i]);
                t.set(i, i + 1, off[i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(t)) {
            throw new AssertionError("EJML failed");
        }
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            l[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(l);
        return l;
    }

    private static double largest(double[] l) {
        return Math.max(Math.abs(l[0]), Math.abs(l[l.length - 1]));
    }

    @Test
    void hermitianReductionKeepsTheEigenvalues() {
        RandomStream rng = new RandomStream(31);
        for (int n : SIZES) {
            for (int kind = 0; kind < 3; kind++) {
                ZMatrixRMaj a = matrix(rng, n, kind);
                double[] want = HermitianEigen.decompose(a).values();
                double[][] re = new double[n][n];
                double[][] im = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        re[i][j] = a.getReal(i, j);
                        im[i][j] = a.getImag(i, j);
                    }
                }
                double[] diag = new double[n];
                double[] off = new double[n];
                HermitianTridiagonalization.reduce(re, im, diag, off);
                double[] got = tridiagonalEigenvalues(diag, off, n);
                double tol = 1e-12 * Math.max(1, largest(want));
                for (int i = 0; i < n; i++) {
                    assertEquals(want[i], got[i], tol, "n = " + n + ", kind " + kind + ", eigenvalue " + i);
                }
                if (kind == 1 && n >= 4) {
                    // the eigenvalue 3 repeated n − 2 times survives the reduction
                    assertEquals(3, got[n - 3], tol, "n = " + n);
                    assertEquals(3, got[0], tol, "n = " + n);
                }
                assertEquals(want[0], SymmetricTridiagonal.smallestEigenvalue(diag, off, n), tol, "n = " + n + ", kind " + kind);
            }
        }
    }

    @Test
    void symmetricReductionKeepsTheEigenvalues() {
        RandomStream rng = new RandomStream(32);
        for (int n : SIZES) {
            for (int kind = 0; kind < 3; kind++) {
                ZMatrixRMaj h = matrix(rng, n, kind);
                double[][] a = new double[n][n];
                DMatrixRMaj real = new DMatrixRMaj(n, n);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        a[i][j] = h.getReal(i, j);
                        real.set(i, j, a[i][j]);
                    }
                }
                EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
                eig.decompose(real.copy());
                double[] want = new double[n];
                for (int i = 0; i < n; i++) {
                    want[i] = eig.getEigenvalue(i).real;
                }
                Arrays.sort(want);
                double[] diag = new double[n];
                double[] off = new double[n];
                HermitianTridiagonalization.reduceSymmetric(a, diag, off);
                double[] got = tridiagonalEigenvalues(diag, off, n);
                double tol = 1e-12 * Math.max(1, largest(want));
                for (int i = 0; i < n; i++) {
                    assertEquals(want[i], got[i], tol, "n = " + n + ", kind " + kind + ", eigenvalue " + i);
                }
                assertEquals(want[0], SymmetricTridiagonal.smallestEigenvalue(diag, off, n), tol, "n = " + n + ", kind " + kind);
            }
        }
    }

    /** Between consecutive distinct eigenvalues the Sturm count is the number of eigenvalues below. */
    @Test
    void sturmCountMatchesTheEigenvalues() {
        RandomStream rng = new RandomStream(33);
        for (int n : SIZES) {
            for (int kind = 0; kind < 3; kind++) {
                double[] diag = new double[n];
                double[] off = new double[n];
                double[] off2 = new double[n];
                for (int i = 0; i < n; i++) {
                    diag[i] = rng.nextGaussian();
                    off[i] = i + 1 < n && !(kind == 2 && i == n / 2) ? rng.nextGaussian() : 0;
                    if (kind == 1) {
                        diag[i] = i % 2;   // with off = 0 below: eigenvalues 0 and 1, each repeated
                        off[i] = 0;
                    }
                    off2[i] = off[i] * off[i];
                }
                double[] l = tridiagonalEigenvalues(diag, off, n);
                double pivmin = Double.MIN_NORMAL;
                double gap = 1e-9 * Math.max(1, largest(l));
                assertEquals(0, SymmetricTridiagonal.countBelow(diag, off2, n, l[0] - 1, pivmin), "n = " + n);
                assertEquals(n, SymmetricTridiagonal.countBelow(diag, off2, n, l[n - 1] + 1, pivmin), "n = " + n);
                for (int i = 0; i + 1 < n; i++) {
                    if (l[i + 1] - l[i] > 2 * gap) {
                        double x = 0.5 * (l[i] + l[i + 1]);
                        assertEquals(i + 1, SymmetricTridiagonal.countBelow(diag, off2, n, x, pivmin), "n = " + n + ", kind " + kind);
                    }
                }
                assertEquals(l[0], SymmetricTridiagonal.smallestEigenvalue(diag, off, n), 1e-12 * Math.max(1, largest(l)));
            }
        }
    }

    /** Bisection one halving per Sturm count, as {@link SymmetricTridiagonal#smallestEigenvalue} documents it. */
    private static double plainBisection(double[] diag, double[] off, int n) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] off2 = new double[n];
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(off[i - 1]) : 0) + (i < n - 1 ? Math.abs(off[i]) : 0);
            lo = Math.min(lo, diag[i] - r);
            hi = Math.max(hi, diag[i] + r);
            off2[i] = i < n - 1 ? off[i] * off[i] : 0;
        }
        double pivmin = Double.MIN_NORMAL * Math.max(1, hi - lo);
        double floor = 0x1p-80 * Math.max(Math.abs(lo), Math.abs(hi));
        while (hi - lo > floor) {
            double mid = 0.5 * (lo + hi);
            if (!(mid > lo && mid < hi)) {
                break;
            }
            if (SymmetricTridiagonal.countBelow(diag, off2, n, mid, pivmin) >= 1) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Two halvings per pass give the plain bisection's result bit for bit: random tridiagonals, an eigenvalue at zero
     * (the 2⁻⁸⁰ floor ends the loop), a zero matrix, repeated eigenvalues and tiny or huge scales.
     */
    @Test
    void bisectionTwoHalvingsPerPassIsThePlainBisection() {
        RandomStream rng = new RandomStream(35);
        int cases = 0;
        for (int n : SIZES) {
            for (int kind = 0; kind < 6; kind++) {
                for (int rep = 0; rep < 20; rep++) {
                    double[] diag = new double[n];
                    double[] off = new double[n];
                    double scale = kind == 4 ? 1e-150 : kind == 5 ? 1e150 : 1;
                    for (int i = 0; i < n; i++) {
                        diag[i] = kind == 1 ? 0 : kind == 3 ? i % 2 : scale * rng.nextGaussian();
                        off[i] = i + 1 < n && kind != 1 && kind != 3 ? scale * rng.nextGaussian() : 0;
                    }
                    if (kind == 2 && n >= 2) {
                        // singular: rows 0 and 1 of the 2×2 leading block [[1, 1], [1, 1]], decoupled
                        diag[0] = 1;
                        diag[1] = 1;
                        off[0] = 1;
                        off[1] = 0;
                    }
                    double want = plainBisection(diag, off, n);
                    double got = SymmetricTridiagonal.smallestEigenvalue(diag, off, n);
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
                            "n = " + n + ", kind " + kind + ": " + want + " vs " + got);
                    cases++;
                }
            }
        }
        assertEquals(SIZES.length * 6 * 20, cases);
    }

    /**
     * The Laguerre bracket only skips counts whose outcome the count's monotonicity decides: the plain bisection's result
     * bit for bit on tridiagonals built to be hard for it — clusters within 1e-12, off-diagonals down to 1e-14 (nearly
     * decoupled), magnitudes over 40 decades, integer entries with exact ties, and the congruences the step length sees.
     */
    @Test
    void bracketedBisectionIsThePlainBisectionOnHardTridiagonals() {
        RandomStream rng = new RandomStream(36);
        int[] sizes = {1, 2, 3, 5, 8, 16, 32};
        int cases = 0;
        for (int n : sizes) {
            for (int kind = 0; kind < 5; kind++) {
                for (int rep = 0; rep < 200; rep++) {
                    double[] diag = new double[n];
                    double[] off = new double[n];
                    for (int i = 0; i < n; i++) {
                        boolean inner = i + 1 < n;
                        switch (kind) {
                            case 0 -> { // clustered: eigenvalues within ~1e-12 of 1
                                diag[i] = 1 + 1e-12 * rng.nextGaussian();
                                off[i] = inner ? 1e-13 * rng.nextGaussian() : 0;
                            }
                            case 1 -> { // nearly decoupled
                                diag[i] = rng.nextGaussian();
                                off[i] = inner ? Math.pow(10, -14 + 10 * rng.nextDouble()) * rng.nextGaussian() : 0;
                            }
                            case 2 -> { // magnitudes over 40 decades
                                diag[i] = Math.pow(10, -20 + 40 * rng.nextDouble()) * rng.nextGaussian();
                                off[i] = inner ? Math.pow(10, -20 + 40 * rng.nextDouble()) * rng.nextGaussian() : 0;
                            }
                            case 3 -> { // small integers: exact ties and zero eigenvalues
                                diag[i] = Math.round(3 * rng.nextGaussian());
                                off[i] = inner ? Math.round(2 * rng.nextGaussian()) : 0;
                            }
                            default -> { // a step-length congruence: −1/α_max of order one among positive values
                                diag[i] = i == 0 ? -Math.abs(rng.nextGaussian()) : Math.abs(3 * rng.nextGaussian());
                                off[i] = inner ? rng.nextGaussian() : 0;
                            }
                        }
                    }
                    double want = plainBisection(diag, off, n);
                    double got = SymmetricTridiagonal.smallestEigenvalue(diag, off, n);
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
                            "n = " + n + ", kind " + kind + ", rep " + rep + ": " + want + " vs " + got);
                    cases++;
                }
            }
        }
        assertEquals(sizes.length * 5 * 200, cases);
    }
}
