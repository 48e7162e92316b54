package org.cosense.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.optim.Status;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.systems.fangactive.ReferenceInstances.Instance;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The test-only barrier solver is right: exact derivatives vs finite differences; spec 7 reference values through RStep. */
class ReferenceBarrierSolverTest {

    @Test
    void coordinatesAreAnOrthonormalParametrizationOfHermitianMatrices() {
        RandomStream rng = new RandomStream(41);
        ZMatrixRMaj a = ComplexLinalg.hermitianPart(FangTestInstances.random(rng, 3, 3));
        ZMatrixRMaj x = ComplexLinalg.hermitianPart(FangTestInstances.random(rng, 3, 3));
        double[] ca = ReferenceBarrierSolver.coordinates(a);
        double[] cx = ReferenceBarrierSolver.coordinates(x);
        assertEquals(org.cosense.bounds.AffineFisherInformation.traceProduct(a, x), ReferenceBarrierSolver.dot(ca, cx), 1e-12);
        ZMatrixRMaj back = ReferenceBarrierSolver.matrix(cx, 0, 3);
        assertEquals(0, ComplexLinalg.normF(ComplexLinalg.subtract(back, x)), 1e-14);
    }

    @Test
    void barrierGradientAndHessianMatchFiniteDifferences() {
        Instance in = ReferenceInstances.rsB();
        Budget b = new Budget(1, 100, 8);
        RStepProblem data = RStepProblem.of(in.mode(), in.slots(), in.reflections(), b, true);
        TraceInverseProgram p = RStep.program(data, true, RStep.fallbackStart(data, true));
        ReferenceBarrierSolver s = new ReferenceBarrierSolver();
        s.solve(p); // sets the program up
        RandomStream rng = new RandomStream(42);
        // an interior point: the fallback start pulled inwards
        List<ZMatrixRMaj> x0 = p.start().stream().map(x -> ComplexLinalg.plusIdentity(ComplexLinalg.scale(0.8, x), 0.01)).toList();
        int dim = 33;
        double[] z = new double[dim];
        for (int l = 0; l < 2; l++) {
            System.arraycopy(ReferenceBarrierSolver.coordinates(x0.get(l)), 0, z, 16 * l, 16);
        }
        z[32] = 2 * p.objective(x0);
        double t = 3.7;
        double[] g = new double[dim];
        DMatrixRMaj h = new DMatrixRMaj(dim, dim);
        s.derivatives(z, t, g, h);
        double[] d = new double[dim];
        for (int i = 0; i < dim; i++) {
            d[i] = rng.nextGaussian();
        }
        double eps = 1e-6;
        double[] zp = z.clone();
        double[] zm = z.clone();
        for (int i = 0; i < dim; i++) {
            zp[i] += eps * d[i];
            zm[i] -= eps * d[i];
        }
        double fd = (s.barrier(zp, t) - s.barrier(zm, t)) / (2 * eps);
        assertEquals(fd, ReferenceBarrierSolver.dot(g, d), 1e-6 * Math.abs(fd));
        double[] gp = new double[dim];
        double[] gm = new double[dim];
        s.derivatives(zp, t, gp, new DMatrixRMaj(dim, dim));
        s.derivatives(zm, t, gm, new DMatrixRMaj(dim, dim));
        for (int i = 0; i < dim; i++) {
            double hd = 0;
            for (int j = 0; j < dim; j++) {
                hd += h.get(i, j) * d[j];
            }
            double fdi = (gp[i] - gm[i]) / (2 * eps);
            assertEquals(fdi, hd, 1e-5 * (Math.abs(fdi) + 1e-3 * Math.abs(h.get(i, i))), "row " + i);
        }
    }

    @Test
    void rStepReproducesRsBMinMaxValue() {
        Instance in = ReferenceInstances.rsB();
        RStep.Result r = RStep.solve(in.mode(), in.slots(), in.reflections(), new Budget(1, 100, 8), true, null, new ReferenceBarrierSolver());
        assertEquals(Status.OPTIMAL, r.status());
        assertEquals(0.5407204502, r.maxCrb(), 1e-7 * 0.54);
        assertEquals(r.crbs()[0], r.crbs()[1], 1e-6 * 0.54); // both CRB_l = kappa*
        assertEquals(2, ComplexLinalg.complexTrace(r.covariances().get(0)).re() + ComplexLinalg.complexTrace(r.covariances().get(1)).re(), 1e-7);
        assertEquals(0.38491, ComplexLinalg.complexTrace(r.covariances().get(0)).re(), 1e-4);
    }

    @Test
    void rStepReproducesRsAValues() {
        Instance in = ReferenceInstances.rsA();
        double[][] rows = {{1, 1000, 1.18897987}, {1, 20, 4.81797562}, {30, 20, 4.81797562}};
        for (double[] row : rows) {
            Budget b = new Budget(row[0], row[1], 8);
            RStep.Result r = RStep.solve(in.mode(), in.slots(), in.reflections(), b, true, null, new ReferenceBarrierSolver());
            assertEquals(row[2], r.maxCrb(), 2e-7 * row[2], "P_t = " + row[0] + ", P_s = " + row[1]);
            RStepProblem data = RStepProblem.of(in.mode(), in.slots(), in.reflections(), b, false);
            assertTrue(data.feasible(r.covariances(), 1e-12));
        }
    }
}
