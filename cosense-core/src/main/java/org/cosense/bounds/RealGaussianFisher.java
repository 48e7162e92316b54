package org.cosense.bounds;

import java.util.function.Function;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * Fisher information of real parameters θ ∈ R^p from independent real Gaussian measurements
 * y_i ~ N(h_i(θ), σ_i²) whose variances do not depend on θ:
 * <pre>
 *   F = G^T R^{-1} G,   G = ∂h/∂θ (n×p),   R = diag(σ_i²).
 * </pre>
 * The real counterpart of {@link FisherInformation#ofWhiteNoise}: a real N(m, σ²) observation carries
 * the same information about θ as the complex CN(m, 2σ²) one with a real mean, which the tests use.
 * Measurement rows (range, bearing) come from {@link MeasurementRows}.
 */
public final class RealGaussianFisher {
    private RealGaussianFisher() {
    }

    /** F = G^T diag(1/σ²) G for an n×p Jacobian G and n variances σ_i² &gt; 0. */
    public static DMatrixRMaj of(DMatrixRMaj jacobian, double[] variances) {
        int n = jacobian.numRows;
        int p = jacobian.numCols;
        InvalidInputException.require(variances.length == n, "variances.length", variances.length,
                "must equal the number of measurements " + n);
        DMatrixRMaj f = new DMatrixRMaj(p, p);
        for (int r = 0; r < n; r++) {
            double v = variances[r];
            InvalidInputException.require(v > 0 && Double.isFinite(v), "variance", r + 1, v, "must be positive and finite");
            for (int i = 0; i < p; i++) {
                double gi = jacobian.get(r, i) / v;
                for (int j = i; j < p; j++) {
                    f.add(i, j, gi * jacobian.get(r, j));
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                f.set(i, j, f.get(j, i));
            }
        }
        return f;
    }

    /**
     * F for a measurement function h: R^p → R^n differentiated by central differences with absolute
     * step {@code step} (the generic route the closed forms are tested against).
     */
    public static DMatrixRMaj ofFunction(Function<double[], double[]> h, double[] theta, double[] variances, double step) {
        InvalidInputException.positive("step", step);
        int p = theta.length;
        double[] h0 = h.apply(theta);
        DMatrixRMaj g = new DMatrixRMaj(h0.length, p);
        for (int j = 0; j < p; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += step;
            minus[j] -= step;
            double[] hp = h.apply(plus);
            double[] hm = h.apply(minus);
            for (int i = 0; i < h0.length; i++) {
                g.set(i, j, (hp[i] - hm[i]) / (2 * step));
            }
        }
        return of(g, variances);
    }
}
