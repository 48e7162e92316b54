package org.cosense.systems.zhanghybrid;

import org.cosense.InvalidInputException;
import org.cosense.math.Db;

/**
 * The hardware and signal parameters of the multi-IRS hybrid localization system of Zhang et al.
 * The paper's Table I is lost; the defaults are the values of [zhanghybrid A1].
 *
 * @param elements     N, passive reflecting elements per IRS (half-wavelength ULA)
 * @param sensors      M, receive-only sensors per IRS (half-wavelength ULA, co-located)
 * @param bsAntennas   N_t, BS transmit antennas (half-wavelength ULA)
 * @param bsIrsPaths   L, paths of each BS–IRS channel (the first is the line of sight) [zhanghybrid A2]
 * @param streams      D, sensing streams per IRS (rows of S_j) [zhanghybrid A3]
 * @param powerWatts   P, total BS transmit power, split equally over the K groups
 * @param bandwidthHz  B, flat-spectrum bandwidth; B_rms = B/sqrt(12) [zhanghybrid E7]
 * @param rcs          σ_rcs, target radar cross-section (m²)
 * @param carrierHz    f_c
 * @param noiseWatts   σ², complex noise power per sample per sensor
 * @param frameSamples T, samples per frame
 * @param ricianFactor κ, LoS-to-scattered power ratio of the BS–IRS channels
 */
public record HybridParameters(int elements, int sensors, int bsAntennas, int bsIrsPaths, int streams, double powerWatts,
        double bandwidthHz, double rcs, double carrierHz, double noiseWatts, int frameSamples, double ricianFactor) {
    /** Speed of light used throughout the system (m/s). */
    public static final double C = 3e8;

    public HybridParameters {
        InvalidInputException.require(elements >= 2, "elements N", elements, "must be at least 2 (a ULA)");
        InvalidInputException.require(sensors >= 2, "sensors M", sensors, "must be at least 2 (a ULA)");
        InvalidInputException.require(bsAntennas >= 1, "BS antennas N_t", bsAntennas, "must be at least 1");
        InvalidInputException.require(bsIrsPaths >= 1, "BS-IRS paths L", bsIrsPaths, "must be at least 1");
        InvalidInputException.require(streams >= 1 && streams <= Math.min(elements, bsAntennas), "streams D", streams,
                "must be between 1 and min(N, N_t) = " + Math.min(elements, bsAntennas));
        InvalidInputException.positive("power P (W)", powerWatts);
        InvalidInputException.positive("bandwidth B (Hz)", bandwidthHz);
        InvalidInputException.positive("RCS (m^2)", rcs);
        InvalidInputException.positive("carrier f_c (Hz)", carrierHz);
        InvalidInputException.positive("noise power (W)", noiseWatts);
        InvalidInputException.require(frameSamples >= 1, "frame samples T", frameSamples, "must be at least 1");
        InvalidInputException.require(ricianFactor > 0 && Double.isFinite(ricianFactor), "Rician factor", ricianFactor,
                "must be a positive finite number");
    }

    /**
     * [zhanghybrid A1]: N = 16, M = 8, N_t = 16, L = N_t, D = min(N, N_t), P = 40 dBm, B = 20 MHz,
     * σ_rcs = 1 m², f_c = 3.5 GHz, σ² = −174 dBm/Hz + 10 log10 B, T = 1024, κ = 10.
     */
    public static HybridParameters defaults() {
        double b = 20e6;
        return new HybridParameters(16, 8, 16, 16, 16, Db.dbmToWatts(40), b, 1.0, 3.5e9, thermalNoise(b), 1024, 10);
    }

    /** −174 dBm/Hz over B, noise figure 0 dB (W). */
    public static double thermalNoise(double bandwidthHz) {
        return Db.dbmToWatts(-174 + 10 * Math.log10(bandwidthHz));
    }

    public double wavelength() {
        return C / carrierHz;
    }

    /** B_rms² = B²/12 of a flat spectrum on [−B/2, B/2]. */
    public double rmsBandwidthSquared() {
        return bandwidthHz * bandwidthHz / 12;
    }

    /** N changed; D follows min(N, N_t) when it was at that default. */
    public HybridParameters withElements(int n) {
        int d = streams == Math.min(elements, bsAntennas) ? Math.min(n, bsAntennas) : streams;
        return new HybridParameters(n, sensors, bsAntennas, bsIrsPaths, d, powerWatts, bandwidthHz, rcs, carrierHz, noiseWatts,
                frameSamples, ricianFactor);
    }

    public HybridParameters withSensors(int m) {
        return new HybridParameters(elements, m, bsAntennas, bsIrsPaths, streams, powerWatts, bandwidthHz, rcs, carrierHz,
                noiseWatts, frameSamples, ricianFactor);
    }

    public HybridParameters withPower(double watts) {
        return new HybridParameters(elements, sensors, bsAntennas, bsIrsPaths, streams, watts, bandwidthHz, rcs, carrierHz,
                noiseWatts, frameSamples, ricianFactor);
    }

    /** B changed with the thermal noise following it. */
    public HybridParameters withBandwidth(double hz) {
        return new HybridParameters(elements, sensors, bsAntennas, bsIrsPaths, streams, powerWatts, hz, rcs, carrierHz,
                thermalNoise(hz), frameSamples, ricianFactor);
    }

    /** The BS–IRS channel paths and streams changed (the rank of the reflected signal follows them). */
    public HybridParameters withPathsAndStreams(int paths, int d) {
        return new HybridParameters(elements, sensors, bsAntennas, paths, d, powerWatts, bandwidthHz, rcs, carrierHz, noiseWatts,
                frameSamples, ricianFactor);
    }
}
