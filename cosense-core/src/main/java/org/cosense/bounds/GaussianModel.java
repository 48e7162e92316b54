package org.cosense.bounds;

import java.util.List;

import org.cosense.math.NumericalDerivative;
import org.ejml.data.ZMatrixRMaj;

/**
 * An observation y ∈ C^n, circular complex Gaussian y ~ CN(m(θ), C(θ)), with real parameters
 * θ ∈ R^p: the input of the Slepian–Bangs Fisher information ({@link FisherInformation#of}).
 *
 * <p>Implement {@link #mean} and {@link #covariance}; override {@link #meanJacobian} and
 * {@link #covarianceDerivatives} when analytic derivatives are known (the defaults differentiate
 * numerically with {@link NumericalDerivative}, initial steps {@link #derivativeSteps}), and
 * {@link #covarianceIsConstant} when C does not depend on θ (skips the covariance term).
 */
public interface GaussianModel {
    /** p, the number of real parameters. */
    int parameterCount();

    /** n, the number of complex observations. */
    int dimension();

    /** m(θ), interleaved (re, im), length 2n. */
    double[] mean(double[] theta);

    /** C(θ), n×n Hermitian positive definite. */
    ZMatrixRMaj covariance(double[] theta);

    /** ∂m/∂θ, n×p complex, column i = ∂m/∂θ_i. Default: numerical. */
    default ZMatrixRMaj meanJacobian(double[] theta) {
        return NumericalDerivative.jacobian(this::mean, theta, derivativeSteps(theta));
    }

    /** ∂C/∂θ_i, i = 0..p−1, each n×n Hermitian. Default: numerical (empty if constant). */
    default List<ZMatrixRMaj> covarianceDerivatives(double[] theta) {
        if (covarianceIsConstant()) {
            return List.of();
        }
        return NumericalDerivative.matrixDerivatives(this::covariance, theta, derivativeSteps(theta));
    }

    /** True when C does not depend on θ; the engine then skips the trace term. */
    default boolean covarianceIsConstant() {
        return false;
    }

    /**
     * Initial absolute steps of the numerical derivatives: about the change of θ_i over which m
     * or C changes substantially. Override for parameters far from unit scale (gains ~1e-8).
     */
    default double[] derivativeSteps(double[] theta) {
        return NumericalDerivative.defaultSteps(theta);
    }
}
