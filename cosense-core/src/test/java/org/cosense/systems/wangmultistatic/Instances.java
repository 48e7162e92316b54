package org.cosense.systems.wangmultistatic;

import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;

/** Test layouts: TR at the origin, target at (20, 40), REs at seeded positions [wangmultistatic S2.2]. */
final class Instances {
    static final double[] TARGET = {20, 40};
    static final double NOISE = 1e-9;
    static final double EPS = 2.7;

    private Instances() {
    }

    static double[][] positions(long seed, int k) {
        RandomStream rng = new RandomStream(seed);
        double[][] p = new double[k][];
        for (int i = 0; i < k; i++) {
            p[i] = new double[] {-60 + 120 * rng.nextDouble(), 5 + 75 * rng.nextDouble()};
        }
        return p;
    }

    static LosLink[] links(double[][] p, int nt, int nr) {
        LosLink[] l = new LosLink[p.length];
        for (int i = 0; i < p.length; i++) {
            double d = Math.hypot(p[i][0], p[i][1]);
            l[i] = LosLink.towards(Math.pow(d, -EPS), nt, nr, Math.atan2(p[i][1], p[i][0]));
        }
        return l;
    }

    static ZMatrixRMaj sensingSteering(int nt) {
        return LosLink.steering(nt, Math.atan2(TARGET[1], TARGET[0]));
    }

    static BeamformingProblem problem(long seed, int k, int nt, int nr, double rate, double power, boolean[] selected) {
        return new BeamformingProblem(links(positions(seed, k), nt, nr), sensingSteering(nt), selected, rate, power, NOISE, 1);
    }

    /** A random Hermitian PSD matrix of rank r, trace about t. */
    static ZMatrixRMaj randomPsd(RandomStream rng, int n, int r, double t) {
        ZMatrixRMaj g = new ZMatrixRMaj(n, r);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = rng.nextGaussian() * Math.sqrt(t / (2.0 * n * r));
        }
        return org.cosense.math.ComplexLinalg.multTransB(g, g);
    }
}
