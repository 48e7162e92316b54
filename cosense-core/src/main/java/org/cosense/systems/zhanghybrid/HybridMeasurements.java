package org.cosense.systems.zhanghybrid;

import org.cosense.InvalidInputException;
import org.cosense.localization.CascadedHybridLocalizer;
import org.cosense.math.RandomStream;

/**
 * What the localizers consume (Section V): the K² cascaded path lengths ρ_jk = c τ^_jk with their variances
 * and one plane bearing φ^_k per IRS with its variance. The ULA measures θ_k from its normal; the known side
 * s_k of the target turns it into the plane direction φ_k = θ_k (s_k = +1) or π − θ_k (s_k = −1)
 * ([zhanghybrid P3]; for the +y array axis of [zhanghybrid E3]).
 */
public record HybridMeasurements(double[][] pathLengths, double[][] pathLengthVariances, double[] bearings, double[] bearingVariances) {

    /** From delays (s) and ULA angles (rad) with variances, e.g. the outputs of the estimators. */
    public static HybridMeasurements fromDelaysAndAngles(HybridScene scene, double[][] delays, double[][] delayVariances,
            double[] angles, double[] angleVariances) {
        int k = scene.irsCount();
        InvalidInputException.require(delays.length == k && angles.length == k, "measurement count", delays.length,
                "must be one row of delays and one angle per IRS (" + k + ")");
        double c = HybridParameters.C;
        double[][] rho = new double[k][k];
        double[][] rv = new double[k][k];
        double[] phi = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                rho[j][i] = c * delays[j][i];
                rv[j][i] = c * c * delayVariances[j][i];
            }
            phi[j] = bearing(angles[j], scene.side(j));
        }
        return new HybridMeasurements(rho, rv, phi, angleVariances.clone());
    }

    /** φ from θ and the side s: θ for s = +1, π − θ for s = −1. */
    public static double bearing(double theta, int side) {
        return side > 0 ? theta : Math.PI - theta;
    }

    /** The true delays and angles, with the bound's variances as weights. */
    public static HybridMeasurements exact(HybridScene scene, HybridFim fim) {
        return draw(scene, fim, null);
    }

    /**
     * Synthetic estimates at the bound (Section VI-C): τ^_jk = τ_jk + N(0, 1/J_τ,jk), θ^_k = θ_k + N(0, 1/(J_A,k + J_D,k)),
     * independent; {@code rng == null} gives the exact values. Draw order: the K² delays row-major, then the K angles.
     */
    public static HybridMeasurements draw(HybridScene scene, HybridFim fim, RandomStream rng) {
        int k = scene.irsCount();
        double[][] tau = new double[k][k];
        double[][] tv = new double[k][k];
        double[] th = new double[k];
        double[] thv = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                tv[j][i] = 1 / fim.delay(j, i);
                tau[j][i] = scene.cascadedDelay(j, i) + (rng == null ? 0 : Math.sqrt(tv[j][i]) * rng.nextGaussian());
            }
        }
        for (int j = 0; j < k; j++) {
            thv[j] = 1 / fim.angle(j);
            th[j] = scene.angle(j) + (rng == null ? 0 : Math.sqrt(thv[j]) * rng.nextGaussian());
        }
        return fromDelaysAndAngles(scene, tau, tv, th, thv);
    }

    /** The position estimate of one localizer. */
    public double[] locate(CascadedHybridLocalizer.Method method, HybridScene scene) {
        return CascadedHybridLocalizer.locate(method, scene.irs(), pathLengths, pathLengthVariances, bearings, bearingVariances);
    }
}
