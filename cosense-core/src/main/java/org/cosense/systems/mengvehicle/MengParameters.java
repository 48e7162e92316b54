package org.cosense.systems.mengvehicle;

import org.cosense.InvalidInputException;

/**
 * Link-budget and array parameters of the vehicle-IRS localization system. The paper's numeric values
 * were lost; every default is ASSUMED [mengvehicle A1].
 *
 * @param mx                   IRS elements along x (the road)
 * @param my                   IRS elements along y
 * @param powerW               BS transmit power P (W)
 * @param beta0Db              one-way channel power gain at 1 m (dB)
 * @param noiseDbw             receiver noise power σ² per sample (dBW)
 * @param heightM              H, height of the BS antennas above the IRS plane (m)
 * @param totalTimeS           T, total sensing duration (s)
 * @param symbolTimeS          T_s, symbol duration (s)
 * @param rangeConstantM2      a in var(range error) = a / SNR, (12) (m²)
 * @param kappa                flattening rule: 1 paper-literal one-way beamwidth, 2 monostatic [mengvehicle E3]
 * @param associationThreshold τ_th: a BS with τ_b below it is not counted as associated [mengvehicle E8]
 */
public record MengParameters(int mx, int my, double powerW, double beta0Db, double noiseDbw, double heightM, double totalTimeS,
        double symbolTimeS, double rangeConstantM2, int kappa, double associationThreshold) {

    public MengParameters {
        InvalidInputException.positive("mx", mx);
        InvalidInputException.positive("my", my);
        InvalidInputException.positive("power P (W)", powerW);
        InvalidInputException.finite("beta0Db", beta0Db);
        InvalidInputException.finite("noise (dBW)", noiseDbw);
        InvalidInputException.positive("height H (m)", heightM);
        InvalidInputException.positive("totalTimeS", totalTimeS);
        InvalidInputException.positive("symbolTimeS", symbolTimeS);
        InvalidInputException.positive("rangeConstantM2", rangeConstantM2);
        InvalidInputException.require(kappa == 1 || kappa == 2, "kappa", kappa, "must be 1 (one-way beamwidth) or 2 (monostatic)");
        InvalidInputException.require(associationThreshold >= 0 && associationThreshold < 0.5, "associationThreshold", associationThreshold,
                "must be in [0, 0.5)");
    }

    /** The ASSUMED defaults of [mengvehicle A1]: 10×10 IRS, 0.5 W, β0 = −30 dB, σ² = −110 dBW, H = 10 m, T/T_s = 1000, a = 100 m². */
    public static MengParameters defaults() {
        return new MengParameters(10, 10, 0.5, -30, -110, 10, 1e-3, 1e-6, 100, 1, 1e-3);
    }

    public MengParameters withPower(double p) {
        return new MengParameters(mx, my, p, beta0Db, noiseDbw, heightM, totalTimeS, symbolTimeS, rangeConstantM2, kappa, associationThreshold);
    }

    public MengParameters withArray(int nx, int ny) {
        return new MengParameters(nx, ny, powerW, beta0Db, noiseDbw, heightM, totalTimeS, symbolTimeS, rangeConstantM2, kappa, associationThreshold);
    }

    public MengParameters withNoiseDbw(double n) {
        return new MengParameters(mx, my, powerW, beta0Db, n, heightM, totalTimeS, symbolTimeS, rangeConstantM2, kappa, associationThreshold);
    }

    public MengParameters withHeight(double h) {
        return new MengParameters(mx, my, powerW, beta0Db, noiseDbw, h, totalTimeS, symbolTimeS, rangeConstantM2, kappa, associationThreshold);
    }

    public MengParameters withKappa(int k) {
        return new MengParameters(mx, my, powerW, beta0Db, noiseDbw, heightM, totalTimeS, symbolTimeS, rangeConstantM2, k, associationThreshold);
    }

    /** M = M_x M_y. */
    public int elements() {
        return mx * my;
    }

    /** The SNR scale (T/T_s) P β0² / σ² (linear, per m⁴ of d⁴ and per unit of sub-array gain²). */
    public double snrScale() {
        double beta0 = Math.pow(10, beta0Db / 10);
        double noise = Math.pow(10, noiseDbw / 10);
        return totalTimeS / symbolTimeS * powerW * beta0 * beta0 / noise;
    }
}
