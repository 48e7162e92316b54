package org.cosense.estimation.doa;

import java.util.ArrayList;
import java.util.List;
import org.cosense.array.Ula;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.TridiagonalHermitianEigen;
import org.cosense.math.PolynomialRoots;
import org.ejml.data.ZMatrixRMaj;

/**
 * Root-MUSIC on a ULA (Barabell 1983): with C = E_n E_n^H and z = e^{j 2π d u}, the null spectrum
 * is z^{−(n−1)} p(z) with p(z) = Σ_{l=−(n−1)}^{n−1} c_l z^{l+n−1}, c_l the sum of C's l-th
 * superdiagonal. Its roots come in conjugate-reciprocal pairs (z, 1/z*); the K pairs closest to the
 * unit circle give u = arg(z) / (2π d). Estimates in u, closest root first; a root whose
 * u falls outside [−1, 1] is dropped (the result is then unresolved). Also used to read the
 * frequencies of a PSD Toeplitz matrix (its noise subspace) in atomic-norm estimation.
 */
public final class RootMusic implements DoaEstimator {
    private final Ula ula;

    public RootMusic(Ula ula) {
        UlaEstimators.checkArray(ula);
        this.ula = ula;
    }

    @Override
    public int parameterDimension() {
        return 1;
    }

    @Override
    public DoaResult estimateFromCovariance(ZMatrixRMaj covariance, int k) {
        int n = ula.m();
        UlaEstimators.checkInput(ula, covariance, k, n - 1);
        ZMatrixRMaj en = TridiagonalHermitianEigen.decompose(covariance).vectors(0, n - k);
        return UlaEstimators.result(k, fromNoiseSubspace(en, k));
    }

    /** u of the K root pairs closest to the unit circle, for the noise subspace E_n (n × (n − K)). */
    public double[] fromNoiseSubspace(ZMatrixRMaj en, int k) {
        int n = ula.m();
        ZMatrixRMaj c = ComplexLinalg.multTransB(en, en);
        // Coefficients highest degree first: z^{2n−2} ... z^0 ↔ l = n−1 ... −(n−1).
        double[] re = new double[2 * n - 1];
        double[] im = new double[2 * n - 1];
        for (int l = -(n - 1); l <= n - 1; l++) {
            double sr = 0;
            double si = 0;
            for (int i = 0; i < n; i++) {
                int j = i + l;
                if (j >= 0 && j < n) {
                    sr += c.getReal(i, j);
                    si += c.getImag(i, j);
                }
            }
            re[n - 1 - l] = sr;
            im[n - 1 - l] = si;
        }
        Complex[] roots = PolynomialRoots.of(re, im);
        // Roots come in pairs (z, 1/z*) at the same angle; of a pair the inside root is the closer
        // to the circle. A pair on the circle (exact or noiseless data) is a double root that
        // rounding splits, possibly both inside or both outside: so all roots are ranked by their
        // distance from the circle, inside before outside at equal distance, and one root per
        // angle (within 1e-5 rad) is kept.
        List<Complex> ranked = new ArrayList<>(List.of(roots));
        ranked.sort((a, b) -> Double.compare(rank(a), rank(b)));
        double omega = 2 * Math.PI * ula.d();
        List<Double> phases = new ArrayList<>();
        List<Double> u = new ArrayList<>();
        for (Complex z : ranked) {
            if (phases.size() == k) {
                break;
            }
            double a = z.arg();
            boolean seen = false;
            for (double b : phases) {
                seen |= Math.abs(Math.IEEEremainder(a - b, 2 * Math.PI)) <= 1e-5;
            }
            if (seen) {
                continue;
            }
            phases.add(a);
            double v = a / omega;
            if (Math.abs(v) <= 1) {
                u.add(v);
            }
        }
        return u.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Distance from the unit circle, an outside root counted as (1/|z|)'s distance plus a hair. */
    private static double rank(Complex z) {
        double r = z.abs();
        return r <= 1 ? 1 - r : (1 - 1 / r) + 1e-15;
    }
}
