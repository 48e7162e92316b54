package org.cosense.systems.zhanghybrid;

import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;

/**
 * The five position bounds tr CRB(p) (m²) of Figs. 3–5 for one target and one random draw of the BS–IRS
 * channels and IRS phases (+∞ where a scheme cannot locate the target, [zhanghybrid C7]).
 */
public record HybridCrbs(double proposed, double angle, double delay, double noCollaboration, double single) {

    /** The bound of a scheme. */
    public double of(HybridFim.Scheme s) {
        return switch (s) {
            case PROPOSED -> proposed;
            case ANGLE -> angle;
            case DELAY -> delay;
            case NO_COLLABORATION -> noCollaboration;
            case SINGLE -> single;
        };
    }

    /**
     * Draws the distributed system's channels and phases (stream {@code rng.split(1)}) and, independently, the
     * single IRS's (stream {@code rng.split(2)}), and evaluates every bound.
     */
    public static HybridCrbs draw(HybridScene scene, HybridParameters prm, RandomStream rng) {
        ReflectedSignals signals = ReflectedSignals.draw(scene, prm, rng.split(1));
        ZMatrixRMaj r = singleCovariance(scene, singleIrs(prm, scene.irsCount()), rng.split(2));
        return of(scene, prm, HybridFim.of(scene, prm, signals), r);
    }

    /** The bounds of given draws: the distributed system's FIM and the single IRS's reflected-signal covariance. */
    public static HybridCrbs of(HybridScene scene, HybridParameters prm, HybridFim fim, ZMatrixRMaj singleCovariance) {
        HybridParameters big = singleIrs(prm, scene.irsCount());
        double single = org.cosense.bounds.Crb.of(HybridFim.single(scene, big, singleCovariance)).sumOfVariances(0, 1);
        return new HybridCrbs(fim.crbTrace(HybridFim.Scheme.PROPOSED), fim.crbTrace(HybridFim.Scheme.ANGLE),
                fim.crbTrace(HybridFim.Scheme.DELAY), fim.crbTrace(HybridFim.Scheme.NO_COLLABORATION), single);
    }

    /** The single-IRS hardware [zhanghybrid A7]: K N elements, K M sensors, D = min(K N, N_t) streams. */
    public static HybridParameters singleIrs(HybridParameters prm, int k) {
        int n = k * prm.elements();
        return new HybridParameters(n, k * prm.sensors(), prm.bsAntennas(), prm.bsIrsPaths(), Math.min(n, prm.bsAntennas()),
                prm.powerWatts(), prm.bandwidthHz(), prm.rcs(), prm.carrierHz(), prm.noiseWatts(), prm.frameSamples(),
                prm.ricianFactor());
    }

    /** R~ of one IRS at IRS 1's place carrying the full power (channel, beamformer and phases as in {@link ReflectedSignals}). */
    public static ZMatrixRMaj singleCovariance(HybridScene scene, HybridParameters big, RandomStream rng) {
        ZMatrixRMaj g = ReflectedSignals.bsIrsChannel(big.elements(), big.bsAntennas(), big.bsIrsPaths(), big.ricianFactor(),
                big.wavelength(), scene.bsDistance(0), scene.bsAngleAtIrs(0), scene.irsAngleAtBs(0), rng);
        ZMatrixRMaj w = ReflectedSignals.beamformer(g, big.streams(), big.powerWatts());
        double[] ph = new double[big.elements()];
        for (int i = 0; i < ph.length; i++) {
            ph[i] = rng.nextPhase();
        }
        ZMatrixRMaj c = ReflectedSignals.reflection(ph, g, w);
        return ComplexLinalg.scale(big.frameSamples(), ComplexLinalg.multTransB(c, c));
    }
}
