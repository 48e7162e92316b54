package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The general dual-LMI route ({@link StandardFormSdp}, {@link DualLmiSolver}) on a program that is not
 * fangactive's: a minimum-trace SDP with a few affine rows over one 40×40 Hermitian block (the shape of a
 * multi-user beamforming SDP: K "SINR" rows tr(h_k h_k^H X) ≥ 1 and a coupling row with a free scalar),
 * <pre>
 *   minimize tr X + t   s.t.  tr(h_k h_k^H X) − s_k = 1,  s_k ≥ 0  (k = 1..4),   t − tr(D X) = 0,   X ⪰ 0,
 * </pre>
 * against the direct form (the same program as a {@link ConvexProgram}, X's entries as unknowns) and CSDP.
 */
class StandardFormSdpTest {
    private static final int N = 40;
    private static final int K = 4;

    private record Data(ZMatrixRMaj[] a, ZMatrixRMaj d) {
    }

    private static Data data(long seed) {
        Random rnd = new Random(seed);
        ZMatrixRMaj[] a = new ZMatrixRMaj[K];
        for (int k = 0; k < K; k++) {
            ZMatrixRMaj h = new ZMatrixRMaj(N, 1);
            for (int i = 0; i < h.data.length; i++) {
                h.data[i] = rnd.nextGaussian() / Math.sqrt(2);
            }
            a[k] = ComplexLinalg.multTransB(h, h);   // h h^H
        }
        ZMatrixRMaj g = new ZMatrixRMaj(N, 2);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rnd.nextGaussian() / Math.sqrt(2 * N);
        }
        return new Data(a, ComplexLinalg.multTransB(g, g));
    }

    private record Standard(StandardFormSdp sdp, StandardFormSdp.Block x, StandardFormSdp.Scalar t, StandardFormSdp.Scalar[] s) {
    }

    private static Standard standard(Data d) {
        StandardFormSdp.Builder b = StandardFormSdp.builder();
        StandardFormSdp.Block x = b.hermitianPsd("X", N);
        StandardFormSdp.Scalar[] s = new StandardFormSdp.Scalar[K];
        for (int k = 0; k < K; k++) {
            s[k] = b.nonnegative("s" + k);
        }
        StandardFormSdp.Scalar t = b.free("t");
        b.minimize(x, ComplexLinalg.identity(N)).minimize(t, 1);
        for (int k = 0; k < K; k++) {
            b.row(1).plus(x, d.a()[k], 1).plus(s[k], -1).add();
        }
        b.row(0).plus(t, 1).plus(x, d.d(), -1).add();
        return new Standard(b.build(), x, t, s);
    }

    private static ConvexProgram direct(Data d) {
        var p = ConvexProgram.builder();
        HermitianVar x = p.hermitianPsd("X", N);
        ScalarVar t = p.scalar("t");
        for (int k = 0; k < K; k++) {
            p.ge(x.traceWith(d.a()[k]), 1);
        }
        p.eq(t.affine().minus(x.traceWith(d.d())), 0);
        p.minimize(x.trace().plus(t.affine()));
        return p.build();
    }

    private static String csdp;

    @BeforeAll
    static void findCsdp() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path c = Path.of(dir, "csdp");
            if (java.nio.file.Files.isExecutable(c)) {
                csdp = c.toString();
                return;
            }
        }
    }

    @Test
    void dualRouteEqualsTheDirectFormAndCsdp(@TempDir Path dir) throws Exception {
        Data d = data(7);
        Standard st = standard(d);
        StandardFormSolution dual = new DualLmiSolver(SolverOptions.defaults()).solve(st.sdp());
        assertEquals(Status.OPTIMAL, dual.status(), dual.summary());
        Solution direct = direct(d).solve();
        assertEquals(Status.OPTIMAL, direct.status(), direct.toString());
        double opt = direct.objective();
        assertEquals(opt, dual.objective(), 1e-6 * Math.abs(opt), "primal value read back from the dual LMI's multiplier");
        assertEquals(opt, dual.dualObjective(), 1e-6 * Math.abs(opt), "dual value");

        // the read-back point is feasible and attains the value
        ZMatrixRMaj x = dual.hermitian(st.x());
        assertTrue(HermitianEigen.decompose(x).minEigenvalue() > -1e-7 * ComplexLinalg.complexTrace(x).re(), "X ⪰ 0");
        for (int k = 0; k < K; k++) {
            double row = AffineFisherInformation.traceProduct(d.a()[k], x) - dual.value(st.s()[k]);
            assertEquals(1, row, 1e-6, "row " + k);
            assertTrue(dual.value(st.s()[k]) > -1e-7, "s_" + k + " ≥ 0");
        }
        assertEquals(AffineFisherInformation.traceProduct(d.d(), x), dual.value(st.t()), 1e-7, "free scalar t = tr(D X)");
        assertEquals(opt, ComplexLinalg.complexTrace(x).re() + dual.value(st.t()), 1e-6 * Math.abs(opt), "objective at the point");

        Assumptions.assumeTrue(csdp != null,
                "SKIPPED (CSDP part): csdp not found on PATH (install Debian package coinor-csdp to run the cross-check)");
        ConvexProgram dualProgram = DualLmiSolver.dual(st.sdp()).program();
        CsdpCrossCheckTest.csdp = csdp;
        CsdpCrossCheckTest.External ext = CsdpCrossCheckTest.runCsdp(dualProgram, dir, "min-trace-40");
        assertEquals(0, ext.exitCode(), ext.output());
        // the dual program minimizes −r·y: its value is minus the primal optimum
        assertEquals(opt, -ext.value(), 1e-6 * Math.abs(opt), "CSDP");
    }

    @Test
    void infeasibleRowsAreReportedInfeasible() {
        StandardFormSdp.Builder b = StandardFormSdp.builder();
        StandardFormSdp.Block x = b.hermitianPsd("X", 3);
        b.minimize(x, ComplexLinalg.identity(3));
        ZMatrixRMaj e00 = new ZMatrixRMaj(3, 3);
        e00.set(0, 0, 1, 0);
        b.row(1).plus(x, ComplexLinalg.identity(3), 1).add();   // tr X = 1
        b.row(2).plus(x, e00, 1).add();                          // X_00 = 2 > tr X: no X ⪰ 0
        StandardFormSolution s = new DualLmiSolver().solve(b.build());
        assertEquals(Status.INFEASIBLE, s.status(), s.summary());
        assertTrue(!s.hasPoint());
    }
}
