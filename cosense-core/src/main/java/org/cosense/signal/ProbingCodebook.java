package org.cosense.signal;

import org.cosense.InvalidInputException;
import org.cosense.array.Upa;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;

/**
 * Probing signal matrices W (N × T, column t = the transmit vector of snapshot t), each column of
 * squared norm P (so tr R_w = P with R_w = W W^H / T; Hua et al. (9), pitfall [hua3d P11]).
 */
public final class ProbingCodebook {
    private ProbingCodebook() {
    }

    /** The probing designs offered for stage I ([hua3d S3.4] recommendation 4). */
    public enum Design {
        /** [W]_{n,t} = sqrt(P/N) exp(-j 2 pi (t-1)(n-1)/T): the paper's codebook; white only if T >= N. */
        DFT,
        /** i.i.d. CN(0, P/N) entries: approximately white for large T. */
        RANDOM
    }

    /** The DFT codebook of Hua et al. Section III-B: [W]_{n,t} = sqrt(P/N) e^{-j 2 pi (t-1)(n-1)/T}. */
    public static ZMatrixRMaj dft(int n, int t, double power) {
        InvalidInputException.positive("number of antennas N", n);
        InvalidInputException.positive("number of snapshots T1", t);
        InvalidInputException.positive("transmit power P (W)", power);
        ZMatrixRMaj w = new ZMatrixRMaj(n, t);
        double s = Math.sqrt(power / n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < t; c++) {
                // reduce the exponent modulo T exactly in integers before the trig call
                long m = ((long) r * c) % t;
                double a = -2 * Math.PI * m / t;
                w.set(r, c, s * Math.cos(a), s * Math.sin(a));
            }
        }
        return w;
    }

    /** i.i.d. CN(0, P/N) probing (E||w_t||^2 = P). */
    public static ZMatrixRMaj random(int n, int t, double power, RandomStream rng) {
        InvalidInputException.positive("number of antennas N", n);
        InvalidInputException.positive("number of snapshots T1", t);
        InvalidInputException.positive("transmit power P (W)", power);
        ZMatrixRMaj w = new ZMatrixRMaj(n, t);
        rng.complexGaussian(w.data, 0, n * t, power / n);
        return w;
    }

    public static ZMatrixRMaj of(Design design, int n, int t, double power, RandomStream rng) {
        return switch (design) {
            case DFT -> dft(n, t, power);
            case RANDOM -> random(n, t, power, rng);
        };
    }

    /** A beam towards (mu, nu): sqrt(P/N) conj(a(mu, nu)), so a^T w = sqrt(P N) at the target. */
    public static double[] beamTowards(Upa upa, double mu, double nu, double power) {
        double[] a = upa.steering(mu, nu);
        double s = Math.sqrt(power / upa.size());
        for (int i = 0; i < a.length; i += 2) {
            a[i] *= s;
            a[i + 1] *= -s;
        }
        return a;
    }

    /** Sample covariance R_w = W W^H / T (N × N). */
    public static ZMatrixRMaj covariance(ZMatrixRMaj w) {
        ZMatrixRMaj r = ComplexLinalg.multTransB(w, w);
        for (int i = 0; i < r.data.length; i++) {
            r.data[i] /= w.numCols;
        }
        return r;
    }

    /**
     * Per-direction illumination g(mu, nu) = a^T R_w a^* / P ([hua3d S3.4]): 1 for white probing; how much
     * of the probing power reaches direction (mu, nu). Computed as ||W^T a||^2 / (T P).
     */
    public static double illumination(ZMatrixRMaj w, Upa upa, double mu, double nu, double power) {
        double[] g = transposeTimes(w, upa.steering(mu, nu));
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return s / (w.numCols * power);
    }

    /** g = W^T x (T-vector, interleaved) for an N-vector x. */
    public static double[] transposeTimes(ZMatrixRMaj w, double[] x) {
        int n = w.numRows;
        int t = w.numCols;
        double[] g = new double[2 * t];
        for (int r = 0; r < n; r++) {
            double xr = x[2 * r];
            double xi = x[2 * r + 1];
            int base = r * t * 2;
            for (int c = 0; c < t; c++) {
                double wr = w.data[base + 2 * c];
                double wi = w.data[base + 2 * c + 1];
                g[2 * c] += wr * xr - wi * xi;
                g[2 * c + 1] += wr * xi + wi * xr;
            }
        }
        return g;
    }
}
