package org.cosense.estimation.doa;

import java.util.ArrayList;
import java.util.List;
import org.cosense.array.Ula;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.cosense.math.PolynomialRoots;
import org.ejml.data.ZMatrixRMaj;

/**
 * Root-MUSIC on a ULA (Barabell 1983): with C = E_n E_n^H and z = e^{j 2π d u}, the null spectrum
 * is z^{−(n−1)} p(z) with p(z) = Σ_{l=−(n−1)}^{n−1} c_l z^{l+n−1}, c_l the sum of C's l-th
 * superdiagonal. Its roots come in conjugate-reciprocal pairs (z, 1/z*); the K roots inside the unit
 * circle closest to it give u = arg(z) / (2π d). Estimates in u, closest root first; a root whose
 * u falls outside [−1, 1] is dropped (the result is then unresolved), and of two roots at the same
 * angle (within 1e-6 rad: a double root split by rounding) only the closer one counts. Also used to read the
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
        ZMatrixRMaj en = HermitianEigen.decompose(covariance).vectors(0, n - k);
        return UlaEstimators.result(k, fromNoiseSubspace(en, k));
    }

    /** u of the K roots closest to the unit circle from inside, for the noise subspace E_n (n × (n − K)). */
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
        List<Complex> inside = new ArrayList<>();
        for (Complex z : roots) {
            if (z.abs() <= 1) {
                inside.add(z);
            }
        }
        inside.sort((a, b) -> Double.compare(1 - a.abs(), 1 - b.abs()));
        double omega = 2 * Math.PI * ula.d();
        // A double root on the unit circle (exact or noiseless data) may split into two roots inside
        // it at the same angle: one estimate per angle.
        List<Double> phases = new ArrayList<>();
        List<Double> u = new ArrayList<>();
        for (Complex z : inside) {
            if (phases.size() == k) {
                break;
            }
            double a = z.arg();
            boolean seen = false;
            for (double b : phases) {
                seen |= Math.abs(Math.IEEEremainder(a - b, 2 * Math.PI)) <= 1e-6;
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
}
