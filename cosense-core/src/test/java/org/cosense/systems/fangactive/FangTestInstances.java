package org.cosense.systems.fangactive;

import org.cosense.array.AngleUpa;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/** The random test instance of spec fangactive 6, properties 1 and 4, and comparison helpers. */
final class FangTestInstances {
    private FangTestInstances() {
    }

    record Instance(IrsSlot slot, double[] psi, ZMatrixRMaj s, ZMatrixRMaj rs) {
    }

    static ZMatrixRMaj random(RandomStream rng, int rows, int cols) {
        ZMatrixRMaj a = new ZMatrixRMaj(rows, cols);
        rng.complexGaussian(a.data, 0, rows * cols, 1.0);
        return a;
    }

    /** M = 4, N = 2×3 (d_v = 0.5, d_h = 0.4), T_L = 3, sensors 3×2 (0.45, 0.5), theta = 1.1, phi = 0.7. */
    static Instance recipe(long seed) {
        RandomStream rng = new RandomStream(seed);
        int m = 4;
        int tl = 3;
        AngleUpa refl = new AngleUpa(2, 3, 0.5, 0.4);
        AngleUpa sens = new AngleUpa(3, 2, 0.45, 0.5);
        ZMatrixRMaj g = random(rng, refl.size(), m);
        ZMatrixRMaj s = random(rng, m, tl);
        double[] psi = new double[2 * refl.size()];
        for (int k = 0; k < refl.size(); k++) {
            double amp = 0.5 + rng.nextDouble();
            double ph = rng.nextPhase();
            psi[2 * k] = amp * Math.cos(ph);
            psi[2 * k + 1] = amp * Math.sin(ph);
        }
        IrsSlot slot = new IrsSlot(refl, sens, g, 1.1, 0.7, Complex.polar(0.8, 0.9), 0.7, 0.3, 0.4, tl);
        ZMatrixRMaj rs = ComplexLinalg.scale(1.0 / tl, ComplexLinalg.product(s, ComplexLinalg.conjugateTranspose(s)));
        return new Instance(slot, psi, s, rs);
    }

    static ZMatrixRMaj randomPsd(RandomStream rng, int m, int rank) {
        ZMatrixRMaj b = random(rng, m, rank);
        return ComplexLinalg.hermitianPart(ComplexLinalg.product(b, ComplexLinalg.conjugateTranspose(b)));
    }

    /** psi psi^H. */
    static ZMatrixRMaj lift(double[] psi) {
        ZMatrixRMaj c = ComplexLinalg.columnVector(psi);
        return ComplexLinalg.product(c, ComplexLinalg.conjugateTranspose(c));
    }

    /** max_ij |A_ij − B_ij| / sqrt(B_ii B_jj) (shared helper). */
    static double scaledDifference(DMatrixRMaj a, DMatrixRMaj b) {
        return org.cosense.bounds.FimComparison.scaledDifference(a, b);
    }
}
