package org.cosense.systems.zhanghybrid;

import java.util.List;

import org.cosense.localization.CascadedHybridLocalizer.Method;

/**
 * The whole estimator chain of Sections IV–V on one simulated frame: matched-filter delays of the K² paths (20), the
 * proposed joint atomic norm on the observations aligned with those estimated delays, AOA and AOD fused per IRS by
 * their information [zhanghybrid S3.13], then each localizer. The localizers' weights are the bound's variances of
 * this frame (1/J_τ,jk and 1/(J_A,k + J_D,k)) [zhanghybrid A27], with J_D,k the information of unknown path gains
 * ({@link HybridFim#departureUnknownGains}): the estimators estimate the gains, and the known-gain J_D of (16) overstates
 * what their AODs reach by a factor 1.4 to 28 with our channel [zhanghybrid P14].
 *
 * @param delays    τ^_jk (s)
 * @param angles    the estimate of each IRS
 * @param positions one (x, y) per {@link Method}, in {@code Method.values()} order
 * @param crb       tr CRB(p) of the proposed scheme for this frame (m²)
 */
public record FrameLocalization(double[][] delays, List<IrsAngleEstimate> angles, double[][] positions, double crb) {

    /** Runs the chain on {@code o}. */
    public static FrameLocalization of(CascadedObservations o) {
        HybridScene scene = o.scene();
        HybridParameters p = o.parameters();
        HybridFim fim = o.fim();
        double[][] tau = FrameAngles.estimatedDelays(o);
        List<IrsAngleEstimate> est = FrameAngles.anm(o, tau, JointAngleAnm.of(p.sensors(), p.elements()));
        int k = scene.irsCount();
        double[][] tv = new double[k][k];
        double[] th = new double[k];
        double[] thv = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                tv[j][i] = 1 / fim.delay(j, i);
            }
            th[j] = fusedAngle(est.get(j), fim);
            thv[j] = fusedAngleVariance(est.get(j), fim);
        }
        HybridMeasurements m = HybridMeasurements.fromDelaysAndAngles(scene, tau, tv, th, thv);
        Method[] methods = Method.values();
        double[][] pos = new double[methods.length][];
        for (int i = 0; i < methods.length; i++) {
            pos[i] = m.locate(methods[i], scene);
        }
        return new FrameLocalization(tau, est, pos, fim.crbTrace(HybridFim.Scheme.PROPOSED));
    }

    /**
     * θ^_k: AOA and AOD of IRS k fused by their information, the AOD's being that of unknown path gains, not the
     * known-gain (16) [zhanghybrid P14]; the AOA alone when there is no AOD.
     */
    public static double fusedAngle(IrsAngleEstimate e, HybridFim fim) {
        return e.fused(fim.arrival(e.irs()), aodInformation(e, fim));
    }

    /** The bound's variance of the fused angle, 1/(J_A,k + J_D,k) with the unknown-gain J_D,k (rad²). */
    public static double fusedAngleVariance(IrsAngleEstimate e, HybridFim fim) {
        return 1 / (fim.arrival(e.irs()) + aodInformation(e, fim));
    }

    private static double aodInformation(IrsAngleEstimate e, HybridFim fim) {
        return e.aod().isPresent() ? fim.departureUnknownGains(e.irs()) : 0;
    }

    /**
     * The gross errors of this frame's measurements: how many of the K² delays and how many of the K fused angles are
     * farther from the truth than {@code sigmas} standard deviations of their bound (delays cyclic over the frame of
     * T samples at f_s = B). A Gaussian estimate at its bound is that far out with probability erfc(sigmas/√2).
     *
     * @return {delays off, angles off}
     */
    public int[] grossMeasurements(CascadedObservations o, double sigmas) {
        HybridScene scene = o.scene();
        HybridFim fim = o.fim();
        double period = o.parameters().frameSamples() / o.parameters().bandwidthHz();
        int k = scene.irsCount();
        int d = 0;
        int a = 0;
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                double err = Math.IEEEremainder(delays[j][i] - o.delay(j, i), period);
                if (Math.abs(err) > sigmas * Math.sqrt(1 / fim.delay(j, i))) {
                    d++;
                }
            }
            double err = fusedAngle(angles.get(j), fim) - scene.angle(j);
            if (Math.abs(err) > sigmas * Math.sqrt(fusedAngleVariance(angles.get(j), fim))) {
                a++;
            }
        }
        return new int[] {d, a};
    }

    /** ||p^ − p||² of each localizer (m²). */
    public double[] squaredErrors(HybridScene scene) {
        double[] t = scene.target();
        double[] e = new double[positions.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.pow(positions[i][0] - t[0], 2) + Math.pow(positions[i][1] - t[1], 2);
        }
        return e;
    }
}
