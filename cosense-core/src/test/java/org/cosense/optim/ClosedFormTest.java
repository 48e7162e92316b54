package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Problems with closed-form optima: LP, water-filling, max-det, min tr(F⁻¹), status cases. */
class ClosedFormTest {

    static void assertOptimal(Solution s, double expected, double tol, String what) {
        System.out.printf("%-40s %s  err %.2e%n", what, s, Math.abs(s.objective() - expected) / Math.abs(expected));
        assertEquals(Status.OPTIMAL, s.status(), what + ": " + s);
        assertTrue(s.relativeGap() <= 1e-8, what + " gap " + s.relativeGap());
        assertEquals(expected, s.objective(), tol * Math.abs(expected), what);
    }

    @Test
    void smallLp() {
        // min -x - 2y s.t. x + y <= 4, x <= 3, y <= 2, x, y >= 0  -> (2, 2), value -6
        var p = ConvexProgram.builder();
        var x = p.nonnegative("x");
        var y = p.nonnegative("y");
        p.le(x.affine().plus(y.affine()), 4);
        p.le(x.affine(), 3);
        p.le(y.affine(), 2);
        p.minimize(x.times(-1).plus(y.times(-2)));
        Solution s = p.build().solve();
        assertOptimal(s, -6, 1e-9, "LP");
        assertEquals(2, s.value(x), 1e-7);
        assertEquals(2, s.value(y), 1e-7);
    }

    @Test
    void waterFilling() {
        double[] alpha = {0.1, 0.5, 1.0, 2.0, 4.0};
        double budget = 2.0;
        var p = ConvexProgram.builder();
        var x = p.nonnegativeVector("x", alpha.length);
        p.eq(x.sum(), budget);
        for (int i = 0; i < alpha.length; i++) {
            p.addNegLogDet(AffineMatrix.zeros(1).set(0, 0, x.get(i).plus(alpha[i])), 1.0);
        }
        Solution s = p.build().solve();
        // water level: Σ max(0, w − α_i) = P
        double lo = 0;
        double hi = 10;
        for (int it = 0; it < 200; it++) {
            double w = 0.5 * (lo + hi);
            double used = 0;
            for (double a : alpha) {
                used += Math.max(0, w - a);
            }
            if (used > budget) {
                hi = w;
            } else {
                lo = w;
            }
        }
        double w = 0.5 * (lo + hi);
        double opt = 0;
        for (double a : alpha) {
            opt -= Math.log(Math.max(w, a));
        }
        assertOptimal(s, opt, 1e-8, "water-filling");
        double[] xv = s.value(x);
        for (int i = 0; i < alpha.length; i++) {
            assertEquals(Math.max(0, w - alpha[i]), xv[i], 1e-6, "x" + i);
        }
    }

    @Test
    void maxDetWithTraceBudget() {
        int n = 5;
        double budget = 3.0;
        var p = ConvexProgram.builder();
        var x = p.symmetricPsd("X", n);
        p.le(x.trace(), budget);
        p.addNegLogDet(x, 1.0);
        Solution s = p.build().solve();
        assertOptimal(s, -n * Math.log(budget / n), 1e-8, "max-det");
        DMatrixRMaj xv = s.value(x);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i == j ? budget / n : 0, xv.get(i, j), 1e-6);
            }
        }
    }

    @Test
    void maxDetHermitian() {
        int n = 4;
        double budget = 2.0;
        var p = ConvexProgram.builder();
        var x = p.hermitianPsd("X", n);
        p.le(x.trace(), budget);
        p.addNegLogDet(x, 1.0);
        Solution s = p.build().solve();
        assertOptimal(s, -n * Math.log(budget / n), 1e-8, "max-det Hermitian");
    }

    @Test
    void minTraceInverseDiagonal() {
        double[] a = {1.0, 2.0, 5.0, 0.3};
        double[] w = {1.0, 0.5, 2.0, 1.5};
        double budget = 4.0;
        var p = ConvexProgram.builder();
        var x = p.nonnegativeVector("x", a.length);
        AffineMatrix f = AffineMatrix.zeros(a.length);
        for (int i = 0; i < a.length; i++) {
            f.set(i, i, x.get(i).times(a[i]));
        }
        DMatrixRMaj omega = new DMatrixRMaj(a.length, a.length);
        double root = 0;
        for (int i = 0; i < a.length; i++) {
            omega.set(i, i, w[i]);
            root += Math.sqrt(w[i] / a[i]);
        }
        p.le(x.sum(), budget);
        p.minimize(p.traceInverse(f, omega));
        Solution s = p.build().solve();
        assertOptimal(s, root * root / budget, 1e-8, "min tr(ΩF⁻¹) diagonal");
    }

    @Test
    void infeasible() {
        var p = ConvexProgram.builder();
        var x = p.symmetricPsd("X", 3);
        p.le(x.trace(), -1);
        p.minimize(x.entry(0, 1));
        Solution s = p.build().solve();
        System.out.println("infeasible: " + s);
        assertEquals(Status.INFEASIBLE, s.status());
        assertThrows(IllegalStateException.class, s::objective);
    }

    @Test
    void infeasibleLp() {
        var p = ConvexProgram.builder();
        var x = p.scalar("x");
        p.ge(x.affine(), 1);
        p.le(x.affine(), 0);
        p.minimize(x.affine());
        Solution s = p.build().solve();
        System.out.println("infeasible LP: " + s);
        assertEquals(Status.INFEASIBLE, s.status());
    }

    @Test
    void unbounded() {
        var p = ConvexProgram.builder();
        var x = p.symmetricPsd("X", 3);
        p.le(x.entry(0, 0), 1);
        p.minimize(x.trace().negate());
        Solution s = p.build().solve();
        System.out.println("unbounded: " + s);
        assertEquals(Status.UNBOUNDED, s.status());
        assertThrows(IllegalStateException.class, s::objective);
    }

    @Test
    void unboundedLp() {
        var p = ConvexProgram.builder();
        var x = p.nonnegativeVector("x", 3);
        p.le(x.get(0).minus(x.get(1)), 1);
        p.minimize(x.get(1).times(-1).plus(x.get(2)));
        Solution s = p.build().solve();
        System.out.println("unbounded LP: " + s);
        assertEquals(Status.UNBOUNDED, s.status());
    }

    @Test
    void infeasibleLmi() {
        // [[1, x], [x, 1]] ⪰ 0 forces |x| ≤ 1, contradicting x ≥ 2 (certificate not at the start)
        var p = ConvexProgram.builder();
        var x = p.scalar("x");
        var y = p.scalar("y");
        p.lmi("box", AffineMatrix.zeros(2).set(0, 0, y.affine().plus(1)).set(0, 1, x.affine()).set(1, 1, 1));
        p.le(y.affine(), 0);
        p.ge(x.affine().plus(y.times(0.5)), 2);
        p.minimize(x.affine().plus(y.affine()));
        Solution s = p.build().solve();
        System.out.println("infeasible LMI: " + s);
        assertEquals(Status.INFEASIBLE, s.status());
    }

    @Test
    void nonconvexUseIsRejected() {
        var p = ConvexProgram.builder();
        var x = p.symmetricPsd("X", 2);
        Affine t = p.traceInverse(x.asMatrix());
        assertThrows(org.cosense.InvalidInputException.class, () -> p.minimize(t.negate()));
        assertThrows(org.cosense.InvalidInputException.class, () -> p.ge(t, 1));
        assertThrows(org.cosense.InvalidInputException.class, () -> p.eq(t, 1));
    }

    @Test
    void quadraticAndMax() {
        // min max((x-1)², (x+1)² / 4) over x: the two meet at x = 1/3 ... (x-1)² = (x+1)²/4 → x = 1/3
        var p = ConvexProgram.builder();
        var x = p.scalar("x");
        Affine a = p.sumOfSquares(x.affine().minus(1));
        DMatrixRMaj q = new DMatrixRMaj(new double[][] {{0.25}});
        Affine b = p.quadratic(new Affine[] {x.affine().plus(1)}, q);
        p.minimize(p.max(a, b));
        Solution s = p.build().solve();
        assertOptimal(s, 4.0 / 9.0, 1e-8, "max of quadratics");
        assertEquals(1.0 / 3.0, s.value(x), 1e-6);
    }

    @Test
    void iterationLimit() {
        var p = ConvexProgram.builder();
        var x = p.symmetricPsd("X", 4);
        p.le(x.trace(), 1);
        p.minimize(p.traceInverse(x.asMatrix()));
        Solution s = p.build().solve(SolverOptions.defaults().withMaxIterations(2));
        assertEquals(Status.ITERATION_LIMIT, s.status());
        assertEquals(2, s.iterations());
        assertTrue(s.relativeGap() > 1e-8);
    }
}
