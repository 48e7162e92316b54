package org.cosense.signal;

import org.cosense.InvalidInputException;
import org.cosense.math.Fft;
import org.ejml.data.ZMatrixRMaj;

/**
 * Multichannel periodic (cyclic-prefixed) band-limited waveforms sampled at f_s: each row x(t_n), t_n = n/f_s,
 * n = 0..T−1, is the trigonometric interpolant x(t) = (1/T) Σ_q X_q e^{j2π f_q t} with signed bin frequencies
 * f_q = q f_s/T for q &lt; T/2 and (q − T) f_s/T otherwise. A delay is then exact for any real τ and the
 * time derivative has the closed form used by Fisher information (Parseval).
 */
public final class CyclicWaveform {
    private CyclicWaveform() {
    }

    /** Signed bin index of bin q of a length-T transform. */
    public static int signedBin(int q, int t) {
        return q < t / 2 ? q : q - t;
    }

    /** Every row delayed by τ·f_s samples: x(t_n − τ). */
    public static ZMatrixRMaj delay(ZMatrixRMaj x, double delaySamples) {
        InvalidInputException.finite("delay (samples)", delaySamples);
        int t = x.numCols;
        ZMatrixRMaj out = new ZMatrixRMaj(x.numRows, t);
        double[] row = new double[2 * t];
        for (int r = 0; r < x.numRows; r++) {
            System.arraycopy(x.data, 2 * r * t, row, 0, 2 * t);
            Fft.forward(row);
            for (int q = 0; q < t; q++) {
                double ph = -2 * Math.PI * signedBin(q, t) * delaySamples / t;
                double c = Math.cos(ph);
                double s = Math.sin(ph);
                double re = row[2 * q];
                double im = row[2 * q + 1];
                row[2 * q] = re * c - im * s;
                row[2 * q + 1] = re * s + im * c;
            }
            Fft.inverse(row);
            System.arraycopy(row, 0, out.data, 2 * r * t, 2 * t);
        }
        return out;
    }

    /** Σ_n ẋ(t_n) ẋ(t_n)^H = (1/T) Σ_q (2π f_q)² X_q X_q^H (rows × rows, in s⁻² times the signal power). */
    public static ZMatrixRMaj derivativeGram(ZMatrixRMaj x, double sampleRate) {
        InvalidInputException.positive("sample rate (Hz)", sampleRate);
        int t = x.numCols;
        int rows = x.numRows;
        double[][] spec = new double[rows][];
        for (int r = 0; r < rows; r++) {
            spec[r] = new double[2 * t];
            System.arraycopy(x.data, 2 * r * t, spec[r], 0, 2 * t);
            Fft.forward(spec[r]);
        }
        ZMatrixRMaj g = new ZMatrixRMaj(rows, rows);
        for (int q = 0; q < t; q++) {
            double w = 2 * Math.PI * signedBin(q, t) * sampleRate / t;
            double s = w * w / t;
            for (int a = 0; a < rows; a++) {
                double ar = spec[a][2 * q];
                double ai = spec[a][2 * q + 1];
                for (int b = 0; b < rows; b++) {
                    double br = spec[b][2 * q];
                    double bi = spec[b][2 * q + 1];
                    int i = 2 * (a * rows + b);
                    g.data[i] += s * (ar * br + ai * bi);
                    g.data[i + 1] += s * (ai * br - ar * bi);
                }
            }
        }
        return g;
    }
}
