package org.cosense.systems.mengvehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.bounds.RealGaussianFisher;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The closed-form CRLB (22) and Lemma 1 / Propositions 1–3 (properties C1–C8 of docs/mengvehicle.md). */
class DwellCrlbTest {

    /** C1: (22) equals tr J⁻¹ of the 3-D range model (4) differentiated by the generic engine. */
    @Test
    void closedFormEqualsGenericEngineOnTheRangeModel() {
        MengParameters p = MengParameters.defaults();
        RandomStream rng = new RandomStream(1);
        double worst = 0;
        for (int trial = 0; trial < 200; trial++) {
            int nb = 2 + trial % 9;
            Deployment d = Deployment.random(rng.split(trial), nb, 1, 5, Deployment.MIN_DISTANCE_M);
            VehicleLinks l = VehicleLinks.of(d, 0, p);
            double[] tau = new double[nb];
            double s = 0;
            for (int b = 0; b < nb; b++) {
                tau[b] = 0.05 + rng.nextDouble();
                s += tau[b];
            }
            double[] var = new double[nb];
            for (int b = 0; b < nb; b++) {
                tau[b] /= s;
                var[b] = l.rangeVariance(b, tau[b], p);
            }
            double h = p.heightM();
            DMatrixRMaj f = RealGaussianFisher.ofFunction(u -> {
                double[] r = new double[nb];
                for (int b = 0; b < nb; b++) {
                    double dx = u[0] - d.bs()[b][0];
                    double dy = u[1] - d.bs()[b][1];
                    r[b] = Math.sqrt(dx * dx + dy * dy + h * h);
                }
                return r;
            }, d.centres()[0], var, 1e-5);
            double det = f.get(0, 0) * f.get(1, 1) - f.get(0, 1) * f.get(1, 0);
            double engine = (f.get(0, 0) + f.get(1, 1)) / det;
            double closed = DwellCrlb.of(tau, l.rho(), l.azimuth());
            worst = Math.max(worst, Math.abs(closed - engine) / engine);
        }
        assertTrue(worst < 1e-6, "worst relative error " + worst);
    }

    /** C2: Σ_{i<j} w_i w_j sin²(φ_i − φ_j) = ((Σw)² − |Σ w e^{j2φ}|²)/4. */
    @Test
    void cauchyBinetIdentity() {
        RandomStream rng = new RandomStream(2);
        for (int t = 0; t < 1000; t++) {
            int n = 2 + rng.nextInt(8);
            double lhs = 0;
            double sw = 0;
            double c = 0;
            double s = 0;
            double[] w = new double[n];
            double[] phi = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = rng.nextDouble();
                phi[i] = 2 * Math.PI * rng.nextDouble();
                sw += w[i];
                c += w[i] * Math.cos(2 * phi[i]);
                s += w[i] * Math.sin(2 * phi[i]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    lhs += w[i] * w[j] * Math.pow(Math.sin(phi[i] - phi[j]), 2);
                }
            }
            double rhs = (sw * sw - c * c - s * s) / 4;
            assertEquals(rhs, lhs, 1e-9 * Math.max(lhs, 1e-3));
        }
    }

    /** C3: Lemma 1 with equal ρ: never below 4/ρ, equality iff Σ τ e^{j2φ} = 0. */
    @Test
    void lemma1BoundAndEqualityConditions() {
        double rho = 37;
        RandomStream rng = new RandomStream(3);
        for (int t = 0; t < 20000; t++) {
            int n = 2 + rng.nextInt(7);
            double[] tau = simplex(rng, n);
            double[] phi = angles(rng, n);
            double[] r = filled(n, rho);
            assertTrue(DwellCrlb.of(tau, r, phi) >= 4 / rho * (1 - 1e-12));
        }
        for (int n = 2; n <= 8; n++) {
            double[] tau = filled(n, 1.0 / n);
            double[] phi = new double[n];
            for (int b = 0; b < n; b++) {
                phi[b] = 0.3 + b * Math.PI / n;
            }
            assertEquals(4 / rho, DwellCrlb.of(tau, filled(n, rho), phi), 1e-12 * 4 / rho);
            assertEquals(0, DwellCrlb.lemma1Imbalance(tau, phi), 1e-12);
        }
        double[] tau = {0.5, 0.25, 0.25};
        assertEquals(4 / rho, DwellCrlb.of(tau, filled(3, rho), new double[] {0, Math.PI / 2, Math.PI / 2}), 1e-12 * 4 / rho);
        assertEquals(4.0 / 3 * 4 / rho, DwellCrlb.of(tau, filled(3, rho), new double[] {0, Math.PI / 4, -Math.PI / 4}), 1e-12 * 4 / rho);
    }

    /** C4: CRLB(τ) ≥ 4 / Σ τ_b ρ_b for arbitrary ρ. */
    @Test
    void generalTraceBound() {
        RandomStream rng = new RandomStream(4);
        for (int t = 0; t < 20000; t++) {
            int n = 2 + rng.nextInt(7);
            double[] tau = simplex(rng, n);
            double[] rho = new double[n];
            for (int b = 0; b < n; b++) {
                rho[b] = Math.pow(10, 4 * rng.nextDouble());
            }
            assertTrue(DwellCrlb.of(tau, rho, angles(rng, n)) >= DwellCrlb.lemma1Bound(tau, rho) * (1 - 1e-12));
        }
    }

    /** C5: the pair closed form matches a fine grid over τ_1. */
    @Test
    void pairClosedFormMatchesGrid() {
        RandomStream rng = new RandomStream(5);
        for (int t = 0; t < 20; t++) {
            double[] rho = {1 + 100 * rng.nextDouble(), 1 + 100 * rng.nextDouble()};
            double[] phi = angles(rng, 2);
            double best = Double.POSITIVE_INFINITY;
            double arg = 0;
            int grid = 200_000;
            for (int i = 1; i < grid; i++) {
                double t1 = (double) i / grid;
                double c = DwellCrlb.of(new double[] {t1, 1 - t1}, rho, phi);
                if (c < best) {
                    best = c;
                    arg = t1;
                }
            }
            assertEquals(best, DwellCrlb.pairOptimum(rho[0], rho[1], phi[0], phi[1]), 1e-9 * best);
            assertEquals(arg, DwellCrlb.pairShare(rho[0], rho[1]), 2.0 / grid);
        }
    }

    /** C6: Proposition 2, ∂CRLB/∂τ_b ≤ 0 at random interior points. */
    @Test
    void crlbIsNonIncreasingInEveryShare() {
        RandomStream rng = new RandomStream(6);
        for (int t = 0; t < 2000; t++) {
            int n = 2 + rng.nextInt(7);
            double[] tau = simplex(rng, n);
            double[] rho = new double[n];
            for (int b = 0; b < n; b++) {
                rho[b] = 1 + 100 * rng.nextDouble();
            }
            double[] phi = angles(rng, n);
            double f0 = DwellCrlb.of(tau, rho, phi);
            for (int b = 0; b < n; b++) {
                double[] up = tau.clone();
                up[b] += 1e-6;
                assertTrue(DwellCrlb.of(up, rho, phi) <= f0 * (1 + 1e-13));
            }
        }
    }

    /** C7: homogeneity of degree −1 in τ and ρ; invariance to φ_b + π and global rotation. */
    @Test
    void homogeneityAndInvariances() {
        RandomStream rng = new RandomStream(7);
        for (int t = 0; t < 200; t++) {
            int n = 2 + rng.nextInt(7);
            double[] tau = simplex(rng, n);
            double[] rho = new double[n];
            for (int b = 0; b < n; b++) {
                rho[b] = 1 + 100 * rng.nextDouble();
            }
            double[] phi = angles(rng, n);
            double f = DwellCrlb.of(tau, rho, phi);
            double[] t3 = tau.clone();
            double[] r3 = rho.clone();
            double[] flip = phi.clone();
            double[] rot = phi.clone();
            for (int b = 0; b < n; b++) {
                t3[b] *= 3;
                r3[b] *= 3;
                rot[b] += 0.7;
            }
            flip[0] += Math.PI;
            assertEquals(f / 3, DwellCrlb.of(t3, rho, phi), 1e-10 * f);
            assertEquals(f / 3, DwellCrlb.of(tau, r3, phi), 1e-10 * f);
            assertEquals(f, DwellCrlb.of(tau, rho, flip), 1e-10 * f);
            assertEquals(f, DwellCrlb.of(tau, rho, rot), 1e-10 * f);
        }
    }

    /** C8: Proposition 3 with equal ρ: CRLB*_2 ≤ 2(1 − 1/B) CRLB*_B. */
    @Test
    void proposition3TwoBsFactor() {
        RandomStream rng = new RandomStream(8);
        for (int t = 0; t < 300; t++) {
            int n = 3 + rng.nextInt(6);
            double[] rho = filled(n, 5);
            double[] phi = angles(rng, n);
            double all = DwellTimeSolver.solve(rho, phi).crlb();
            double pair = DwellTimeSolver.bestPair(rho, phi).crlb();
            assertTrue(pair <= DwellCrlb.proposition3Factor(n) * all * (1 + 1e-9), "B = " + n + " ratio " + pair / all);
        }
    }

    @Test
    void singularGeometryIsInfinite() {
        assertEquals(Double.POSITIVE_INFINITY, DwellCrlb.of(new double[] {1, 0}, new double[] {3, 3}, new double[] {0, 1}));
        assertEquals(Double.POSITIVE_INFINITY, DwellCrlb.of(new double[] {0.5, 0.5}, new double[] {3, 3}, new double[] {0.2, 0.2 + Math.PI}));
    }

    static double[] simplex(RandomStream rng, int n) {
        double[] t = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            t[i] = -Math.log(1 - rng.nextDouble());
            s += t[i];
        }
        for (int i = 0; i < n; i++) {
            t[i] /= s;
        }
        return t;
    }

    static double[] angles(RandomStream rng, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 2 * Math.PI * rng.nextDouble();
        }
        return a;
    }

    static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
