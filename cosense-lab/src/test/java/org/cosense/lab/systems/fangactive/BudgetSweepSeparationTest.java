package org.cosense.lab.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The diagnosis of Fig. 4's "low-ps-decreasing" when the low-P_s regime is too short to test. */
class BudgetSweepSeparationTest {
    private static final double[] PS = {0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50};

    @Test
    void anInvertedSeparationIsNamedAndTheClaimIsReadOverEveryCoincidingPoint() {
        // the proposed means of the 100-realization run (docs/results/fangactive-trials100/fig4.csv), 10, 20, 40 W
        double[][] y = {
            {4.217e-2, 9.068e-3, 2.737e-3, 7.895e-4, 2.894e-4, 2.610e-4, 2.269e-4, 1.802e-4, 1.799e-4, 1.799e-4, 1.796e-4},
            {4.174e-2, 1.006e-2, 2.493e-3, 7.568e-4, 2.359e-4, 1.462e-4, 1.304e-4, 1.093e-4, 9.382e-5, 9.307e-5, 9.292e-5},
            {4.272e-2, 1.212e-2, 2.603e-3, 7.263e-4, 2.372e-4, 8.047e-5, 6.743e-5, 6.009e-5, 4.665e-5, 4.538e-5, 4.523e-5}};
        String why = BudgetSweepFigure.separation(PS, y);
        assertTrue(why.startsWith("; why: they separate at 5.0 dBm (9.068e-03 at 10 W, 1.006e-02 at 20 W, 1.212e-02 at 40 W): "
                + "the larger P_t above the smaller"), why);
        assertTrue(why.contains("AO stopped in worse local optima"), why);
        assertTrue(why.contains("; they coincide again at 10.0, 15.0, 20.0 dBm;"), why);
        assertTrue(why.endsWith("read over every point where they coincide (0.0, 10.0, 15.0, 20.0 dBm), each curve decreases: yes"), why);
    }

    @Test
    void aSeparationInTheModelsOrderIsTheBsPowerAndARiseIsReported() {
        double[][] y = {{4e-2, 2e-2, 1e-2, 1e-2}, {4e-2, 1.5e-2, 9e-3, 5e-3}, {4e-2, 1e-2, 8e-3, 2.5e-3}};
        String why = BudgetSweepFigure.separation(new double[] {0, 5, 10, 15}, y);
        assertTrue(why.contains("): the larger P_t lower, the BS power already binding"), why);
        assertTrue(why.endsWith("; they coincide again at 10.0 dBm; read over every point where they coincide (0.0, 10.0 dBm), "
                + "each curve decreases: yes"), why);
        double[][] rising = {{4e-2, 2e-2, 5e-2}, {4e-2, 1.5e-2, 5e-2}, {4e-2, 1e-2, 5e-2}};
        assertTrue(BudgetSweepFigure.separation(new double[] {0, 5, 10}, rising).endsWith("each curve decreases: no"));
        assertEquals("", BudgetSweepFigure.separation(new double[] {0, 5}, new double[][] {{1, 0.9}, {1, 0.9}, {1, 0.9}}));
    }
}
