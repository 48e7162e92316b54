package org.cosense.estimation.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.cosense.array.Ula;
import org.cosense.math.FixtureReader;
import org.cosense.math.HermitianEigen;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Atomic-norm minimization: noiseless recovery, ADMM against the interior-point SDP, and against cvxopt_anm.py. */
class AnmTest {

    /** Y = A(θ) S + E, S_kl = e^{jφ} (constant modulus, as cvxopt_anm.py), E ~ CN(0, σ²). */
    static ZMatrixRMaj data(int m, double[] thetaDeg, int l, double sigma2, RandomStream rng) {
        Ula ula = Ula.halfWavelength(m);
        ZMatrixRMaj y = new ZMatrixRMaj(m, l);
        double[] e = new double[2 * m * l];
        rng.complexGaussian(e, 0, m * l, sigma2);
        for (int c = 0; c < l; c++) {
            for (double t : thetaDeg) {
                double[] a = ula.steering(Math.sin(Math.toRadians(t)));
                double ph = rng.nextPhase();
                for (int r = 0; r < m; r++) {
                    double re = a[2 * r] * Math.cos(ph) - a[2 * r + 1] * Math.sin(ph);
                    double im = a[2 * r] * Math.sin(ph) + a[2 * r + 1] * Math.cos(ph);
                    y.set(r, c, y.getReal(r, c) + re, y.getImag(r, c) + im);
                }
            }
        }
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] += e[i];
        }
        return y;
    }

    static double[] degrees(double[] u) {
        double[] d = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            d[i] = Math.toDegrees(Math.asin(u[i]));
        }
        Arrays.sort(d);
        return d;
    }

    /** [zhanghybrid C13]: noiseless 1D MMV, two sources 55° apart, M = 12, 6 snapshots. */
    @Test
    void noiselessTwoSourcesAreRecoveredExactlyFromTheToeplitzMatrix() {
        double[] truth = {-20, 35};
        ZMatrixRMaj y = data(12, truth, 6, 0, new RandomStream(7));
        AnmSolution s = AnmAdmm.defaults().solve(y, AnmRegularization.liChi(1e-4, 12, 6));
        assertTrue(s.converged(), "iterations " + s.iterations());
        assertTrue(s.primalResidual() <= 1e-6 && s.dualResidual() <= 1e-6);
        ZMatrixRMaj t = s.toeplitz();
        assertEquals(2, ToeplitzFrequencies.numericalRank(t));
        assertTrue(HermitianEigen.decompose(t).minEigenvalue() > -1e-6 * HermitianEigen.decompose(t).valuesDescending()[0]);
        double[] rm = degrees(ToeplitzFrequencies.rootMusic(t, 2));
        double[] es = degrees(ToeplitzFrequencies.esprit(t, 2));
        for (int i = 0; i < 2; i++) {
            assertEquals(truth[i], rm[i], 1e-4);
            assertEquals(truth[i], es[i], 1e-4);
        }
    }

    /** A single snapshot, one source: exact angle too. */
    @Test
    void noiselessSingleSnapshot() {
        ZMatrixRMaj y = data(16, new double[] {12.5}, 1, 0, new RandomStream(8));
        AnmSolution s = AnmAdmm.defaults().solve(y, AnmRegularization.liChi(1e-4, 16, 1));
        assertTrue(s.converged());
        assertEquals(12.5, degrees(ToeplitzFrequencies.rootMusic(s.toeplitz(), 1))[0], 1e-4);
    }

    /** ADMM's objective within 1e-4 (relative) of the interior-point optimum on 20 small instances. */
    @Test
    void admmMatchesTheInteriorPointOptimumOnTwentyInstances() {
        AnmAdmm admm = AnmAdmm.defaults();
        AnmInteriorPoint ip = AnmInteriorPoint.defaults();
        double worst = 0;
        for (int i = 0; i < 20; i++) {
            RandomStream rng = RandomStream.forTrial(41, 0, i);
            int m = 6 + (i % 3) * 2;
            int l = 1 + (i % 4);
            double[] th = i % 2 == 0 ? new double[] {-30 + 3 * i} : new double[] {-25, 10 + i};
            double sigma2 = 0.1;
            ZMatrixRMaj y = data(m, th, l, sigma2, rng);
            double tau = AnmRegularization.liChi(sigma2, m, l);
            AnmSolution a = admm.solve(y, tau);
            AnmSolution p = ip.solve(y, tau);
            assertTrue(a.converged(), "instance " + i);
            assertTrue(p.converged(), "instance " + i);
            double rel = Math.abs(a.objective() - p.objective()) / Math.abs(p.objective());
            worst = Math.max(worst, rel);
            assertTrue(rel <= 1e-4, "instance " + i + ": ADMM " + a.objective() + ", interior point " + p.objective());
        }
        System.out.printf("anm: ADMM vs interior point, largest relative objective difference %.2e over 20 instances%n", worst);
    }

    /**
     * The cases cvxopt_anm.py saved (N 16/32, K 2/3, L 1/10, 10 dB, its τ): our ADMM and interior point reach
     * cvxopt's objective within 1e-4 (relative) and root-MUSIC on T(u) gives cvxopt's DoAs within 1e-3 degrees.
     */
    @Test
    void sameOptimumAndAnglesAsCvxoptOnIdenticalData() {
        FixtureReader f = new FixtureReader(FixtureReader.class, "/org/cosense/estimation/doa/cvxopt_anm_cases.txt");
        int cases = f.nextInt();
        for (int c = 0; c < cases; c++) {
            int n = f.nextInt();
            int k = f.nextInt();
            int l = f.nextInt();
            double tau = f.nextDouble();
            f.nextDouble();
            f.doubles(k);
            ZMatrixRMaj y = new ZMatrixRMaj(n, l);
            for (int r = 0; r < n; r++) {
                for (int col = 0; col < l; col++) {
                    y.set(r, col, f.nextDouble(), f.nextDouble());
                }
            }
            double fCvx = f.nextDouble();
            double[] dCvx = f.doubles(k);
            f.nextDouble();
            f.doubles(k);
            String tag = "N=" + n + " K=" + k + " L=" + l;
            for (AnmSolution s : List.of(AnmAdmm.defaults().solve(y, tau), AnmInteriorPoint.defaults().solve(y, tau))) {
                assertTrue(s.converged(), tag + " " + s.solver());
                assertTrue(Math.abs(s.objective() - fCvx) <= 1e-4 * Math.abs(fCvx), tag + " " + s.solver() + ": " + s.objective() + " vs cvxopt " + fCvx);
                double[] d = degrees(ToeplitzFrequencies.rootMusic(s.toeplitz(), k));
                assertEquals(k, d.length, tag);
                for (int i = 0; i < k; i++) {
                    assertEquals(dCvx[i], d[i], 1e-3, tag + " " + s.solver() + " source " + i);
                }
            }
        }
    }
}
