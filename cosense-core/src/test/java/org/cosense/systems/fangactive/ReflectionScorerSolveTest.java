package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The scorer's Cholesky solve ({@link ReflectionScorer#choleskySolve}) takes its right-hand sides through each
 * substitution together: each column must come out as if solved alone, bit for bit ([fangactive S3.15.9]), and solve
 * H X = B to rounding.
 */
class ReflectionScorerSolveTest {
    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Double.doubleToRawLongBits(x[i]);
        }
        return b;
    }

    @Test
    void columnsSolvedTogetherEqualColumnsSolvedAloneAndSolveTheSystem() {
        RandomStream rng = new RandomStream(31);
        int n = 16;
        int r = 3;
        for (int trial = 0; trial < 5; trial++) {
            ZMatrixRMaj h = ComplexLinalg.plusIdentity(FangTestInstances.randomPsd(rng, n, n), 0.5);
            ZMatrixRMaj b = FangTestInstances.random(rng, n, r);
            double[] together = ReflectionScorer.choleskySolve(h.data.clone(), b.data.clone(), n, r);
            for (int col = 0; col < r; col++) {
                double[] alone = ReflectionScorer.choleskySolve(h.data.clone(), ComplexLinalg.column(b, col), n, 1);
                double[] fromTogether = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    fromTogether[2 * i] = together[2 * (r * i + col)];
                    fromTogether[2 * i + 1] = together[2 * (r * i + col) + 1];
                }
                assertArrayEquals(bits(alone), bits(fromTogether), "column " + col);
            }
            ZMatrixRMaj x = new ZMatrixRMaj(n, r);
            System.arraycopy(together, 0, x.data, 0, together.length);
            double err = ComplexLinalg.normF(ComplexLinalg.subtract(ComplexLinalg.mult(h, x), b));
            assertTrue(err <= 1e-10 * ComplexLinalg.normF(b), "residual " + err);
        }
    }
}
