package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The spec's solver test set (fangactive section 7) with its certified optimal values. */
class FangRStepTest {

    static FangRStep.Irs[] rsB(double sigmaR2, double sigmaB2, double tc) {
        return new FangRStep.Irs[] {FangRStep.sensingAtBs(0, sigmaR2, sigmaB2, tc),
            FangRStep.sensingAtBs(1, sigmaR2, sigmaB2, tc)};
    }

    static FangRStep.Irs[] rsA() {
        return new FangRStep.Irs[] {FangRStep.sensingAtIrs(0, 0.5, 1.0, 4), FangRStep.sensingAtIrs(1, 0.5, 1.0, 4)};
    }

    static void report(String what, Solution s, double expected) {
        System.out.printf("%-28s %s | rel.err %.2e%n", what, s, Math.abs(s.objective() - expected) / expected);
    }

    @Test
    void rsBSingleIrsValues() {
        double[] f = {0.2081286639, 0.8733122365};
        for (int l = 0; l < 2; l++) {
            FangRStep.Irs irs = FangRStep.sensingAtBs(l, 0.01, 1.0, 4);
            var p = ConvexProgram.builder();
            HermitianVar r = p.hermitianPsd("R", FangRStep.M);
            AffineMatrix fm = AffineMatrix.zeros(4);
            for (int a = 0; a < 4; a++) {
                for (int b = a; b < 4; b++) {
                    fm.set(a, b, r.traceWith(irs.mpq()[a][b]));
                }
            }
            p.le(r.trace(), 1);
            p.minimize(p.traceInverse(fm));
            Solution s = p.build().solve();
            report("RS-B f_" + (l + 1), s, f[l]);
            assertEquals(Status.OPTIMAL, s.status());
            assertTrue(s.relativeGap() <= 1e-8);
            assertEquals(f[l], s.objective(), 1e-9 * f[l]);
            // the reported design reproduces the value
            ZMatrixRMaj rv = s.value(r);
            assertEquals(f[l], FangRStep.traceInverse(irs.fim(rv)), 1e-7 * f[l]);
        }
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void rsBMinMax(boolean scaled) {
        FangRStep.RStep rs = FangRStep.rStep(rsB(0.01, 1.0, 4), 1, 100, scaled);
        Solution s = rs.program().solve();
        double kappa = 0.5407204502;
        report("RS-B kappa* scaled=" + scaled, s, kappa);
        assertEquals(Status.OPTIMAL, s.status());
        assertTrue(s.relativeGap() <= 1e-8, "gap " + s.relativeGap());
        assertEquals(kappa, s.objective(), 1e-9 * kappa);
        double tr1 = ComplexLinalg.trace(s.value(rs.r().get(0))).real;
        double tr2 = ComplexLinalg.trace(s.value(rs.r().get(1))).real;
        assertEquals(0.38491, tr1, 1e-5);
        assertEquals(1.61509, tr2, 1e-5);
        assertEquals(0.27036, s.dual(rs.bs()), 1e-5);
        // multipliers converge like sqrt(gap) on this degenerate (rank-one) optimum, not like the value
        assertEquals(kappa / 2, s.dual(rs.bs()), 3e-5 * kappa);
        double l1 = s.dual(rs.epigraph().get(0));
        double l2 = s.dual(rs.epigraph().get(1));
        assertEquals(1, l1 + l2, 1e-9);
        assertEquals(0.19245, l1, 1e-5);
        assertEquals(0.80755, l2, 1e-5);
        assertEquals(tr1 / 2, l1, 3e-5);
        // IRS budgets inactive: multipliers ≈ 0, powers about 4.2 and 28.2
        assertEquals(0, s.dual(rs.irsPower().get(0)), 1e-8);
        assertEquals(0, s.dual(rs.irsPower().get(1)), 1e-8);
        // both CRBs equal kappa*
        for (int l = 0; l < 2; l++) {
            FangRStep.Irs irs = rsB(0.01, 1.0, 4)[l];
            assertEquals(kappa, FangRStep.traceInverse(irs.fim(s.value(rs.r().get(l)))), 1e-7 * kappa);
        }
    }

    @Test
    void rsBScaling() {
        double kappa = 0.5407204502;
        Solution p2 = FangRStep.rStep(rsB(0.01, 1.0, 4), 2, 100, true).program().solve();
        report("RS-B P_t=2", p2, kappa / 2);
        assertEquals(kappa / 2, p2.objective(), 1e-9 * kappa);
        Solution t8 = FangRStep.rStep(rsB(0.01, 1.0, 8), 1, 100, true).program().solve();
        report("RS-B T_c=8", t8, kappa / 2);
        assertEquals(kappa / 2, t8.objective(), 1e-9 * kappa);
        Solution s7 = FangRStep.rStep(rsB(0.07, 7.0, 4), 7, 700, true).program().solve();
        report("RS-B x7", s7, kappa);
        assertEquals(kappa, s7.objective(), 1e-9 * kappa);
        for (Solution s : new Solution[] {p2, t8, s7}) {
            assertEquals(Status.OPTIMAL, s.status());
            assertTrue(s.relativeGap() <= 1e-8);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1000, 1.18897987", "1, 20, 4.81797562", "1, 6, 48.0777057", "30, 20, 4.81797562"})
    void rsA(double pt, double ps, double kappa) {
        FangRStep.RStep rs = FangRStep.rStep(rsA(), pt, ps, true);
        Solution s = rs.program().solve();
        report("RS-A (" + pt + ", " + ps + ")", s, kappa);
        assertEquals(Status.OPTIMAL, s.status());
        assertTrue(s.relativeGap() <= 1e-8, "gap " + s.relativeGap());
        assertEquals(kappa, s.objective(), 1e-6 * kappa);
    }
}
