package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.cosense.math.ComplexLinalg;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * An R-step of the paper's size (M = 16, L = 2: 533 real variables, blocks 2×(8×8) and
 * 2×(16×16 Hermitian)) with random FIM data F_pq(R) = 2 Re tr(D_pᴴ D_q R); prints the time.
 */
class PaperSizeTest {

    static FangRStep.Irs randomIrs(Random rnd, int m) {
        ZMatrixRMaj[] d = new ZMatrixRMaj[4];
        for (int p = 0; p < 4; p++) {
            d[p] = new ZMatrixRMaj(m, m);
            for (int i = 0; i < 2 * m * m; i++) {
                d[p].data[i] = rnd.nextGaussian() / m;
            }
        }
        ZMatrixRMaj[][] mpq = new ZMatrixRMaj[4][4];
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                ZMatrixRMaj x = ComplexLinalg.multTransA(d[p], d[q]);
                mpq[p][q] = ComplexLinalg.add(x, ComplexLinalg.conjugateTranspose(x));
            }
        }
        ZMatrixRMaj g = new ZMatrixRMaj(m, m);
        for (int i = 0; i < 2 * m * m; i++) {
            g.data[i] = rnd.nextGaussian() / m;
        }
        ZMatrixRMaj k = ComplexLinalg.multTransA(g, g);
        return new FangRStep.Irs(mpq, new DMatrixRMaj(4, 4), FangRStep.hermitianPart(k), 0.01, 1);
    }

    static FangRStep.RStep paperSize(long seed) {
        Random rnd = new Random(seed);
        FangRStep.Irs[] irs = {randomIrs(rnd, 16), randomIrs(rnd, 16)};
        return FangRStep.rStep(irs, 1, 0.6, false);
    }

    @Test
    void paperSizeRStep() {
        FangRStep.RStep rs = paperSize(7);
        assertEquals(533, rs.program().variableCount());
        assertArrayEquals(new int[] {32, 8, 32, 8}, rs.program().blockSizes());
        Solution s = null;
        for (int rep = 0; rep < 3; rep++) {   // first solve includes JIT warm-up
            s = rs.program().solve();
            System.out.printf("paper-size R-step (533 vars) run %d: %s%n", rep, s);
        }
        assertEquals(Status.OPTIMAL, s.status());
        assertTrue(s.relativeGap() <= 1e-8);
    }
}
