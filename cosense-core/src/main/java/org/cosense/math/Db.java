package org.cosense.math;

/**
 * Decibel conversions of POWER quantities (10·log10). Used only at the edges (configuration,
 * CLI, plots); everything inside is SI, powers in watts. P[W] = 10^((P[dBm] − 30)/10).
 */
public final class Db {
    private Db() {
    }

    /** P[W] = 10^((P[dBm] − 30)/10); 30 dBm = 1 W. */
    public static double dbmToWatts(double powerDbm) {
        return Math.pow(10, (powerDbm - 30) / 10);
    }

    /** P[dBm] = 10·log10(P[W]) + 30; 0 W gives −∞. */
    public static double wattsToDbm(double powerWatts) {
        return 10 * Math.log10(powerWatts) + 30;
    }

    /** Power ratio from dB: 10^(x/10). */
    public static double dbToLinear(double db) {
        return Math.pow(10, db / 10);
    }

    /** Power ratio in dB: 10·log10(x). */
    public static double linearToDb(double ratio) {
        return 10 * Math.log10(ratio);
    }
}
