package org.cosense.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.bounds.FisherInformation;
import org.cosense.math.NumericalDerivative;
import org.cosense.math.RandomStream;
import org.cosense.systems.wangmultistatic.WangPulses.Shape;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;

/** EXACT-mode FIM against the generic engine on the sampled echo ([wangmultistatic C5], [wangmultistatic C6], [wangmultistatic C7]). */
class ExactFimTest {
    static final double DT = 5e-9;
    static final int P = 2000;

    /** max_ij |A_ij − B_ij| / sqrt(B_ii B_jj): relative error that is blind to parameter units. */
    static double scaledDifference(DMatrixRMaj a, DMatrixRMaj b) {
        double worst = 0;
        for (int i = 0; i < b.numRows; i++) {
            for (int j = 0; j < b.numCols; j++) {
                worst = Math.max(worst, Math.abs(a.get(i, j) - b.get(i, j)) / Math.sqrt(b.get(i, i) * b.get(j, j)));
            }
        }
        return worst;
    }

    static double[][] randomEchoes(RandomStream rng, int pulses, int antennas, double power) {
        double[][] h = new double[pulses][2 * antennas];
        for (double[] hm : h) {
            rng.complexGaussian(hm, 0, antennas, power);
        }
        return h;
    }

    /** Engine FIM on (τ [s], f̃, Re a, Im a) from the sampled model in normalized units. */
    static DMatrixRMaj engine(EchoMeanFixture echo, double tauNormalized, double fNormalized, double noiseVariance) {
        double[] theta = {tauNormalized, fNormalized, 1, 0};
        // steps well inside the half-sample distance of every sample to a pulse edge
        ZMatrixRMaj jac = NumericalDerivative.jacobian(echo::mean, theta, new double[] {0.1 / P, 1e-2, 0.5, 0.5});
        DMatrixRMaj f = FisherInformation.ofWhiteNoise(jac, noiseVariance * P);
        // τ = Δt τ̃: J_τ = J_τ̃ / Δt²
        for (int i = 0; i < 4; i++) {
            f.set(0, i, f.get(0, i) / DT);
            f.set(i, 0, f.get(i, 0) / DT);
        }
        return f;
    }

    @Test
    void exactFimEqualsTheEngineOnTheSampledEchoForBothPulses() {
        RandomStream rng = new RandomStream(10);
        for (Shape shape : Shape.values()) {
            PulseMoments moments = WangPulses.moments(shape, DT);
            for (int trial = 0; trial < 2; trial++) {
                int pulses = 3 + trial;
                double[][] h = randomEchoes(rng, pulses, 2, 1e-9);
                double tau = (P / 4 + rng.nextInt(P)) / (double) P; // multiple of the sample spacing
                double f = 0.03 * (rng.nextDouble() - 0.5);
                double sigma2 = 2e-9;
                EchoMeanFixture echo = new EchoMeanFixture(shape, DT, h, P, false, tau);
                DMatrixRMaj ref = engine(echo, tau, f, sigma2);
                DMatrixRMaj full = ExactFim.withGain(moments, tau * DT, echo.pulseEnergies(), sigma2);
                assertTrue(scaledDifference(full, ref) < 1e-6, shape + " full 4x4: " + scaledDifference(full, ref));
                DMatrixRMaj refUnknown = schurOverGain(ref);
                DMatrixRMaj unknown = ExactFim.unknownGain(moments, tau * DT, echo.pulseEnergies(), sigma2);
                assertTrue(scaledDifference(unknown, refUnknown) < 1e-6, shape + " unknown gain: " + scaledDifference(unknown, refUnknown));
                // no delay–Doppler cross information for a real pulse ([wangmultistatic E4])
                assertTrue(Math.abs(ref.get(0, 1)) / Math.sqrt(ref.get(0, 0) * ref.get(1, 1)) < 1e-10);
                // the nuisance gain costs information on both parameters (the pulse-start jump couples τ with |a|)
                assertTrue(unknown.get(0, 0) < 0.9 * full.get(0, 0));
                assertTrue(unknown.get(1, 1) < full.get(1, 1));
            }
        }
    }

    static DMatrixRMaj schurOverGain(DMatrixRMaj j) {
        DMatrixRMaj out = new DMatrixRMaj(2, 2);
        // general 2x2 Schur complement: A − B D^{-1} B^T
        double d00 = j.get(2, 2), d01 = j.get(2, 3), d11 = j.get(3, 3);
        double det = d00 * d11 - d01 * d01;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                double b0 = j.get(r, 2), b1 = j.get(r, 3), e0 = j.get(c, 2), e1 = j.get(c, 3);
                double q = (b0 * (d11 * e0 - d01 * e1) + b1 * (-d01 * e0 + d00 * e1)) / det;
                out.set(r, c, j.get(r, c) - q);
            }
        }
        return out;
    }

    @Test
    void unknownGainDopplerInformationDoesNotDependOnTheTimeOrigin() {
        PulseMoments moments = WangPulses.moments(Shape.COSINE, DT);
        double[] w = {1e-9, 3e-9, 2e-9, 5e-10};
        DMatrixRMaj early = ExactFim.unknownGain(moments, 10 * DT, w, 1e-9);
        DMatrixRMaj late = ExactFim.unknownGain(moments, 400 * DT, w, 1e-9);
        assertEquals(early.get(1, 1), late.get(1, 1), 1e-9 * early.get(1, 1));
        DMatrixRMaj knownEarly = ExactFim.knownGain(moments, 10 * DT, w, 1e-9);
        DMatrixRMaj knownLate = ExactFim.knownGain(moments, 400 * DT, w, 1e-9);
        assertTrue(knownLate.get(1, 1) > 100 * knownEarly.get(1, 1), "known-gain Doppler information grows with the origin ([wangmultistatic P14])");
    }

    @Test
    void localTimeEchoReproducesThePaperDiagonalButNotItsCrossTerm() {
        RandomStream rng = new RandomStream(11);
        for (Shape shape : Shape.values()) {
            PulseMoments moments = WangPulses.moments(shape, DT);
            int pulses = 4;
            double[][] h = randomEchoes(rng, pulses, 2, 1e-9);
            double tau = 0.5;
            double sigma2 = 2e-9;
            EchoMeanFixture echo = new EchoMeanFixture(shape, DT, h, P, true, tau);
            // at f = 0: in local time the phase 2π f u also moves with τ, which adds (2π f)² E to J_ττ
            DMatrixRMaj ref = engine(echo, tau, 0, sigma2);
            double sw = 0;
            for (double w : echo.pulseEnergies()) {
                sw += w;
            }
            // PAPER with Δt = 1/(2B), η = 1, α = 0 and Υ = Σ w_m / M reproduces the known-gain diagonal
            PaperFim paper = new PaperFim(1 / (2 * DT), pulses, moments, sigma2);
            double gain = paper.gain(1, 0);
            DMatrixRMaj j = paper.fim(gain, sw / pulses);
            assertEquals(j.get(0, 0), ref.get(0, 0), 1e-6 * j.get(0, 0), shape + " ι");
            assertEquals(j.get(1, 1), ref.get(1, 1), 1e-6 * j.get(1, 1), shape + " χ");
            double paperCorrelation = j.get(0, 1) / Math.sqrt(j.get(0, 0) * j.get(1, 1));
            double exactCorrelation = ref.get(0, 1) / Math.sqrt(ref.get(0, 0) * ref.get(1, 1));
            assertTrue(Math.abs(exactCorrelation) < 1e-10, shape + " exact cross " + exactCorrelation);
            assertTrue(Math.abs(paperCorrelation) > 0.8, shape + " printed cross " + paperCorrelation);
        }
    }

    @Test
    void symbolAverageOfTheEchoEnergyIsMTimesTraceHRH() {
        RandomStream rng = new RandomStream(12);
        int nt = 4;
        int m = 1024;
        // R = W W^H with a random 4x2 W; H = a_r a_b^T rank one, so w = N_r |a_b^T W s|^2
        double[] wmat = new double[2 * nt * 2];
        rng.complexGaussian(wmat, 0, nt * 2, 1.0);
        double theta = 0.7;
        double[] a = org.cosense.array.Ula.halfWavelength(nt).steering(Math.sin(theta));
        ZMatrixRMaj r = new ZMatrixRMaj(nt, nt);
        ZMatrixRMaj w = new ZMatrixRMaj(nt, 2);
        System.arraycopy(wmat, 0, w.data, 0, wmat.length);
        org.ejml.dense.row.CommonOps_ZDRM.multTransB(w, w, r); // EJML's complex multTransB is W W^H
        double expected = PaperFim.upsilon(2, theta, r); // tr(H R H^H) with unit gain
        double total = 0;
        int frames = 20;
        double[] s = new double[4];
        for (int f = 0; f < frames; f++) {
            for (int k = 0; k < m; k++) {
                rng.complexGaussian(s, 0, 2, 1.0);
                double re = 0, im = 0;
                for (int n = 0; n < nt; n++) {
                    double vr = w.data[2 * (n * 2)] * s[0] - w.data[2 * (n * 2) + 1] * s[1]
                            + w.data[2 * (n * 2 + 1)] * s[2] - w.data[2 * (n * 2 + 1) + 1] * s[3];
                    double vi = w.data[2 * (n * 2)] * s[1] + w.data[2 * (n * 2) + 1] * s[0]
                            + w.data[2 * (n * 2 + 1)] * s[3] + w.data[2 * (n * 2 + 1) + 1] * s[2];
                    re += a[2 * n] * vr - a[2 * n + 1] * vi;
                    im += a[2 * n] * vi + a[2 * n + 1] * vr;
                }
                total += 2 * (re * re + im * im);
            }
        }
        double mean = total / frames;
        assertEquals(m * expected, mean, 0.03 * m * expected, "Monte Carlo mean of Σ_m w_m over " + frames + " frames");
    }
}
