package org.cosense.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cosense.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FftTest {

    /** Naive DFT X_k = Σ x_n e^{-j2πkn/N}. */
    private static double[] dft(double[] x) {
        int n = x.length / 2;
        double[] out = new double[2 * n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * ((long) k * t % n) / n;
                out[2 * k] += x[2 * t] * Math.cos(a) - x[2 * t + 1] * Math.sin(a);
                out[2 * k + 1] += x[2 * t] * Math.sin(a) + x[2 * t + 1] * Math.cos(a);
            }
        }
        return out;
    }

    /** Naive 2D DFT of rows×cols zero-padded to R×C. */
    private static double[] dft2(double[] x, int rows, int cols, int pr, int pc) {
        double[] out = new double[2 * pr * pc];
        for (int k = 0; k < pr; k++) {
            for (int l = 0; l < pc; l++) {
                double re = 0;
                double im = 0;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        double a = -2 * Math.PI * ((double) ((long) k * r % pr) / pr + (double) ((long) l * c % pc) / pc);
                        double xr = x[2 * (r * cols + c)];
                        double xi = x[2 * (r * cols + c) + 1];
                        re += xr * Math.cos(a) - xi * Math.sin(a);
                        im += xr * Math.sin(a) + xi * Math.cos(a);
                    }
                }
                out[2 * (k * pc + l)] = re;
                out[2 * (k * pc + l) + 1] = im;
            }
        }
        return out;
    }

    private static double[] random(int n, long seed) {
        double[] x = new double[2 * n];
        new RandomStream(seed).complexGaussian(x, 0, n, 1);
        return x;
    }

    @ParameterizedTest
    @CsvSource({"1", "2", "8", "12", "17", "64"})
    void forwardMatchesNaiveDftAndInverseRoundTrips(int n) {
        double[] x = random(n, n);
        double[] y = x.clone();
        Fft.forward(y);
        assertArrayEquals(dft(x), y, 1e-11 * n);
        Fft.inverse(y);
        assertArrayEquals(x, y, 1e-13 * n);
    }

    @Test
    void signConventionOnAPureTone() {
        // x_n = e^{+j2π·3n/16} puts all energy in bin k = 3 (not 13) under e^{-j2πkn/N}.
        int n = 16;
        double[] x = new double[2 * n];
        for (int t = 0; t < n; t++) {
            x[2 * t] = Math.cos(2 * Math.PI * 3 * t / n);
            x[2 * t + 1] = Math.sin(2 * Math.PI * 3 * t / n);
        }
        Fft.forward(x);
        double[] expected = new double[2 * n];
        expected[2 * 3] = n;
        assertArrayEquals(expected, x, 1e-12);
    }

    @Test
    void paddedOneDimensional() {
        double[] x = random(5, 3);
        double[] padded = new double[2 * 12];
        System.arraycopy(x, 0, padded, 0, x.length);
        assertArrayEquals(dft(padded), Fft.forwardPadded(x, 12), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"3,4,3,4", "3,4,8,16", "5,7,9,10", "1,6,4,6", "4,4,32,32"})
    void fft2PaddedMatchesNaive2dDft(int rows, int cols, int pr, int pc) {
        double[] x = random(rows * cols, 31L * rows + cols);
        double[] copy = x.clone();
        double[] y = Fft.fft2Padded(x, rows, cols, pr, pc);
        assertArrayEquals(copy, x, "input untouched");
        assertArrayEquals(dft2(x, rows, cols, pr, pc), y, 1e-11 * rows * cols);
    }

    @Test
    void inPlace2dRoundTrip() {
        double[] x = random(6 * 10, 77);
        double[] y = x.clone();
        Fft.forward2(y, 6, 10);
        assertArrayEquals(dft2(x, 6, 10, 6, 10), y, 1e-11);
        Fft.inverse2(y, 6, 10);
        assertArrayEquals(x, y, 1e-13);
    }

    @Test
    void concurrentUseGivesTheSameResults() throws Exception {
        double[] x = random(16 * 16, 5);
        double[] expected = Fft.fft2Padded(x, 16, 16, 64, 64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> Fft.fft2Padded(x, 16, 16, 64, 64)));
            }
            for (Future<double[]> f : futures) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(InvalidInputException.class, () -> Fft.fft2Padded(new double[12], 2, 3, 1, 4));
        assertThrows(InvalidInputException.class, () -> Fft.fft2Padded(new double[10], 2, 3, 4, 4));
        assertThrows(InvalidInputException.class, () -> Fft.forward(new double[3]));
    }
}
