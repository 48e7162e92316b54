package org.cosense.systems.fangactive;

import org.cosense.InvalidInputException;

/**
 * Iteration limits of the alternating optimization ([fangactive S3.9], [fangactive S3.11.4]; all ASSUMED, the
 * paper gives none).
 *
 * @param maxIterations      K_AO (also the Psi-step repetitions of the reflective-only benchmark)
 * @param tolerance          eps_AO: stop when J_prev − J ≤ eps_AO · J_prev
 * @param scaIterations      I_SCA per Psi-step
 * @param randomizationDraws Q Gaussian-randomization draws per Psi-step
 * @param twoStarts          run AO from the transmit-only and the reflective-only start, keep the better
 */
public record AoOptions(int maxIterations, double tolerance, int scaIterations, int randomizationDraws, boolean twoStarts) {
    /** eps_SCA of 3.11.4: stop SCA when the relative decrease of J_l is at most this. */
    public static final double SCA_TOLERANCE = 1e-4;
    /** The safeguard stops SCA when the step tau falls below this (2^-10). */
    public static final double MIN_STEP = 0x1p-10;

    public AoOptions {
        InvalidInputException.positive("K_AO (AO iterations)", maxIterations);
        InvalidInputException.require(tolerance >= 0 && tolerance < 1, "eps_AO", tolerance, "must be in [0, 1)");
        InvalidInputException.positive("I_SCA (SCA iterations)", scaIterations);
        InvalidInputException.require(randomizationDraws >= 0, "Q (randomization draws)", randomizationDraws, "must be ≥ 0");
    }

    /** K_AO = 20, eps_AO = 1e-3, I_SCA = 20, Q = 1000, two starts ([fangactive S4], ASSUMED values). */
    public static AoOptions paper() {
        return new AoOptions(20, 1e-3, 20, 1000, true);
    }

    /**
     * The shortened AO of the command line's quick modes ({@code reproduce --quick}, {@code simulate --ao quick}):
     * K_AO = 3, eps_AO = 1e-2, I_SCA = 3, Q = 64, still two starts (so proposed ≤ both benchmarks holds).
     */
    public static AoOptions shortened() {
        return new AoOptions(3, 1e-2, 3, 64, true);
    }

    /** A quick setting for smoke tests: 3, 1e-2, 3, 100, one start. */
    public static AoOptions quick() {
        return new AoOptions(3, 1e-2, 3, 100, false);
    }
}
