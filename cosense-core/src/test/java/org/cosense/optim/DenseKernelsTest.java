package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

/** The step-length kernels of the interior-point method against their references. */
class DenseKernelsTest {
    /** The column-by-column forward substitution the row-wise one replaces. */
    private static double[] congruenceInverseByColumns(double[] l, double[] delta, int d) {
        double[] t = delta.clone();
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) {
                double v = t[i * d + c];
                for (int k = 0; k < i; k++) {
                    v -= l[i * d + k] * t[k * d + c];
                }
                t[i * d + c] = v / l[i * d + i];
            }
        }
        double[] b = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int i = 0; i < d; i++) {
                double v = t[r * d + i];
                for (int k = 0; k < i; k++) {
                    v -= l[i * d + k] * b[r * d + k];
                }
                b[r * d + i] = v / l[i * d + i];
            }
        }
        DenseKernels.symmetrize(b, d);
        return b;
    }

    private static double[] symmetric(Random rnd, int d, double scale) {
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double v = scale * rnd.nextGaussian();
                a[i * d + j] = v;
                a[j * d + i] = v;
            }
        }
        return a;
    }

    private static double[] positiveDefinite(Random rnd, int d) {
        double[] g = symmetric(rnd, d, 1);
        double[] a = DenseKernels.mult(g, g, d);
        for (int i = 0; i < d; i++) {
            a[i * d + i] += 1e-3;
        }
        return a;
    }

    @Test
    void fourCoefficientInnerProductsAreBitIdenticalToOneAtATime() {
        Random rnd = new Random(11);
        int d = 7;
        double[] y = new double[d * d];
        for (int i = 0; i < y.length; i++) {
            y[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4);   // spread magnitudes: order matters
        }
        for (int trial = 0; trial < 50; trial++) {
            LmiProblem.Sparse[] coefs = new LmiProblem.Sparse[4];
            for (int j = 0; j < 4; j++) {
                int nnz = 1 + rnd.nextInt(d * d);   // different counts: the common part, then each tail
                int[] r = new int[nnz];
                int[] c = new int[nnz];
                double[] v = new double[nnz];
                for (int e = 0; e < nnz; e++) {
                    r[e] = rnd.nextInt(d);
                    c[e] = rnd.nextInt(d);
                    v[e] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(9) - 4);
                }
                coefs[j] = new LmiProblem.Sparse(r, c, v);
            }
            LmiProblem.Block b = new LmiProblem.Block("b", d, 0, new LmiProblem.Sparse(new int[0], new int[0], new double[0]),
                    new int[] {0, 1, 2, 3}, coefs);
            double[] four = new double[4];
            DenseKernels.innerSparse4(b, 0, y, four);
            for (int j = 0; j < 4; j++) {
                assertEquals(Double.doubleToLongBits(DenseKernels.innerSparse(coefs[j], y, d)), Double.doubleToLongBits(four[j]),
                        "coefficient " + j + " of trial " + trial);
            }
        }
    }

    @Test
    void rowWiseCongruenceIsBitIdenticalToTheColumnWiseSolve() {
        Random rnd = new Random(7);
        for (int d : new int[] {1, 2, 5, 17, 40}) {
            double[] l = positiveDefinite(rnd, d);
            assertTrue(DenseKernels.cholesky(l, d));
            double[] delta = symmetric(rnd, d, 3);
            assertArrayEquals(congruenceInverseByColumns(l, delta, d), DenseKernels.congruenceInverse(l, delta, d), 0.0);
        }
    }

    @Test
    void congruenceByRowsAgreesWithTheColumnWiseSolveToRounding() {
        Random rnd = new Random(9);
        for (int d : new int[] {1, 2, 5, 17, 32, 40}) {
            double[] l = positiveDefinite(rnd, d);
            assertTrue(DenseKernels.cholesky(l, d));
            double[] delta = symmetric(rnd, d, 3);
            double[] want = congruenceInverseByColumns(l, delta, d);
            double[] got = DenseKernels.congruenceInverseByRows(l, delta, d);
            double max = 0;
            for (double v : want) {
                max = Math.max(max, Math.abs(v));
            }
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-12 * max, "d " + d + " entry " + i);
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(got[i * d + j], got[j * d + i], 0.0, "symmetric");
                }
            }
        }
    }

    @Test
    void bisectionGivesTheSmallestEigenvalueOfTheEigendecomposition() {
        Random rnd = new Random(11);
        for (int d : new int[] {2, 3, 8, 20, 36}) {
            for (int rep = 0; rep < 20; rep++) {
                double scale = Math.pow(10, rnd.nextInt(13) - 6);
                double[] a = symmetric(rnd, d, scale);
                if (rep % 4 == 1) {
                    a = positiveDefinite(rnd, d);           // no negative eigenvalue
                } else if (rep % 4 == 2) {
                    for (int i = 0; i < d; i++) {            // a cluster: (rank-one) + scale I
                        for (int j = 0; j < d; j++) {
                            a[i * d + j] = (i == j ? scale : 0) - (i == 0 && j == 0 ? 5 * scale : 0);
                        }
                    }
                }
                var eig = DecompositionFactory_DDRM.eig(d, false, true);
                double ref = DenseKernels.minEigenvalue(eig, a.clone(), d);
                double bound = 0;
                for (double v : a) {
                    bound = Math.max(bound, Math.abs(v));
                }
                double got = DenseKernels.minEigenvalueBisection(a, d);
                assertEquals(ref, got, 64 * d * Math.ulp(bound * d), "d = " + d + ", rep " + rep);
            }
        }
    }

    @Test
    void bisectionRefusesNonFiniteBlocks() {
        double[] a = {1, 0, 0, Double.NaN};
        assertEquals(Double.NEGATIVE_INFINITY, DenseKernels.minEigenvalueBisection(a, 2));
    }
}
