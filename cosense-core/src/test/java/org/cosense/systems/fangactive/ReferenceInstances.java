package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.array.AngleUpa;
import org.cosense.array.Ula;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/**
 * The deterministic R-step instances RS-A and RS-B of spec fangactive 7 (no random numbers; l = 0, 1).
 * Common: M = 4, N = 2×2 (d = lambda/2), L = 2, T_c = 4 (T_L = 2), beta = (0.5 e^{j0.3}, 0.4 e^{−j1.1}),
 * target (theta, phi) = (1.2, 0.9), (1.0, 2.0); b_l = a(1.4, 2.5), a(1.3, 2.8); c_l = a_BS with
 * cos(omega) = −0.45, −0.25; g = (1.0, 0.7); psi_{l,n} = 1.5 exp(j 0.7 n (l+1)).
 */
public final class ReferenceInstances {
    public static final int M = 4;
    public static final int BLOCK_LENGTH = 4;
    static final double G0 = 0.6180339887498949;
    private static final Complex[] BETA = {Complex.polar(0.5, 0.3), Complex.polar(0.4, -1.1)};
    private static final double[][] TARGET = {{1.2, 0.9}, {1.0, 2.0}};
    private static final double[][] BS_DIR = {{1.4, 2.5}, {1.3, 2.8}};
    private static final double[] COS_OMEGA = {-0.45, -0.25};
    private static final double[] GAIN = {1.0, 0.7};

    /** An instance: slots, fixed reflections and its mode. */
    public record Instance(String id, SensingMode mode, List<IrsSlot> slots, List<double[]> reflections) {
    }

    private ReferenceInstances() {
    }

    public static AngleUpa reflector() {
        return AngleUpa.halfWavelength(2, 2);
    }

    /** b_l. */
    public static double[] irsSteering(int l) {
        return reflector().steering(BS_DIR[l][0], BS_DIR[l][1]);
    }

    /** c_l (||c_l||^2 = M). */
    public static double[] bsSteering(int l) {
        return Ula.halfWavelength(M).steering(COS_OMEGA[l]);
    }

    public static double gain(int l) {
        return GAIN[l];
    }

    /** psi_{l,n} = 1.5 exp(j 0.7 n (l+1)). */
    public static double[] reflection(int l) {
        double[] p = new double[8];
        for (int n = 0; n < 4; n++) {
            double ph = 0.7 * n * (l + 1);
            p[2 * n] = 1.5 * Math.cos(ph);
            p[2 * n + 1] = 1.5 * Math.sin(ph);
        }
        return p;
    }

    /** [X_l]_nm = exp(j 2pi ((n M + m + 1)^2 (l+1) g0)) (full rank). */
    public static ZMatrixRMaj nlos(int l) {
        ZMatrixRMaj x = new ZMatrixRMaj(4, M);
        for (int n = 0; n < 4; n++) {
            for (int m = 0; m < M; m++) {
                double k = n * M + m + 1;
                double ph = 2 * Math.PI * (k * k * (l + 1) * G0);
                x.set(n, m, Math.cos(ph), Math.sin(ph));
            }
        }
        return x;
    }

    /** g_l b_l c_l^T (rank one). */
    public static ZMatrixRMaj losChannel(int l) {
        return ComplexLinalg.scale(GAIN[l], org.cosense.channel.RicianChannel.outerTranspose(irsSteering(l), bsSteering(l)));
    }

    /** RS-A: sensing at IRSs, pure LoS G, sensors 2×2, sigma_r^2 = 0.5, sigma_s^2 = 1.0. */
    public static Instance rsA() {
        List<IrsSlot> slots = new ArrayList<>();
        List<double[]> psi = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            slots.add(new IrsSlot(reflector(), AngleUpa.halfWavelength(2, 2), losChannel(l), TARGET[l][0], TARGET[l][1], BETA[l], 0.5, 1.0,
                    1.0, BLOCK_LENGTH / 2.0));
            psi.add(reflection(l));
        }
        return new Instance("RS-A", SensingAtIrs.INSTANCE, slots, psi);
    }

    /** RS-B: sensing at BS, G_l = g_l (sqrt(3/4) b_l c_l^T + sqrt(1/4) X_l) (rank 4), sigma_r^2 = 0.01, sigma_b^2 = 1. */
    public static Instance rsB() {
        List<IrsSlot> slots = new ArrayList<>();
        List<double[]> psi = new ArrayList<>();
        for (int l = 0; l < 2; l++) {
            ZMatrixRMaj g = ComplexLinalg.add(ComplexLinalg.scale(Math.sqrt(0.75), losChannel(l)), ComplexLinalg.scale(GAIN[l] * Math.sqrt(0.25), nlos(l)));
            slots.add(new IrsSlot(reflector(), null, g, TARGET[l][0], TARGET[l][1], BETA[l], 0.01, 1.0, 1.0, BLOCK_LENGTH / 2.0));
            psi.add(reflection(l));
        }
        return new Instance("RS-B", SensingAtBs.INSTANCE, slots, psi);
    }
}
