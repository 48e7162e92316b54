package org.cosense.math;

import java.util.HashMap;
import java.util.Map;

import org.cosense.InvalidInputException;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Complex FFTs of interleaved data (re, im pairs), over JTransforms.
 *
 * <p>Sign convention: forward X_k = Σ_n x_n e^{-j2π kn/N}, unscaled; inverse
 * x_n = (1/N) Σ_k X_k e^{+j2π kn/N}. In 2D, X_{k,l} = Σ_{r,c} x_{r,c} e^{-j2π(kr/R + lc/C)}.
 * 2D arrays are row-major: element (r, c) of a rows×cols array is at 2(r·cols + c).
 *
 * <p>Plans are cached per size in a per-thread cache: JTransforms plans hold only precomputed
 * tables, but that is not a documented guarantee, and a per-thread copy costs little. Note that
 * JTransforms may itself use several threads on large transforms (its global
 * {@code pl.edu.icm.jlargearrays.ConcurrencyUtils} setting, left untouched here).
 */
public final class Fft {
    private static final ThreadLocal<Map<Integer, DoubleFFT_1D>> PLANS_1D = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<Long, DoubleFFT_2D>> PLANS_2D = ThreadLocal.withInitial(HashMap::new);

    private Fft() {
    }

    /** In-place forward FFT of n = data.length/2 complex samples. */
    public static void forward(double[] interleaved) {
        plan1d(length("interleaved", interleaved)).complexForward(interleaved);
    }

    /** In-place inverse FFT, scaled by 1/n so that inverse(forward(x)) = x. */
    public static void inverse(double[] interleaved) {
        plan1d(length("interleaved", interleaved)).complexInverse(interleaved, true);
    }

    /** Forward FFT of x zero-padded to n ≥ x.length/2 points; x is not modified. */
    public static double[] forwardPadded(double[] interleaved, int n) {
        int len = length("interleaved", interleaved);
        InvalidInputException.require(n >= len, "n", n, "must be at least the input length " + len);
        double[] out = new double[2 * n];
        System.arraycopy(interleaved, 0, out, 0, 2 * len);
        plan1d(n).complexForward(out);
        return out;
    }

    /** In-place 2D forward FFT of a rows×cols row-major interleaved array. */
    public static void forward2(double[] interleaved, int rows, int cols) {
        requireShape(interleaved, rows, cols);
        plan2d(rows, cols).complexForward(interleaved);
    }

    /** In-place 2D inverse FFT, scaled by 1/(rows·cols). */
    public static void inverse2(double[] interleaved, int rows, int cols) {
        requireShape(interleaved, rows, cols);
        plan2d(rows, cols).complexInverse(interleaved, true);
    }

    /**
     * 2D forward FFT of a rows×cols array zero-padded to R×C (R ≥ rows, C ≥ cols): the input
     * occupies the top-left corner. Returns a new interleaved R×C row-major array; output bin
     * (k, l) is the DTFT at normalized frequencies (k/R, l/C) cycles per sample.
     */
    public static double[] fft2Padded(double[] interleaved, int rows, int cols, int paddedRows, int paddedCols) {
        requireShape(interleaved, rows, cols);
        InvalidInputException.require(paddedRows >= rows, "paddedRows", paddedRows, "must be ≥ rows = " + rows);
        InvalidInputException.require(paddedCols >= cols, "paddedCols", paddedCols, "must be ≥ cols = " + cols);
        double[] out = new double[2 * paddedRows * paddedCols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(interleaved, 2 * r * cols, out, 2 * r * paddedCols, 2 * cols);
        }
        plan2d(paddedRows, paddedCols).complexForward(out);
        return out;
    }

    private static DoubleFFT_1D plan1d(int n) {
        return PLANS_1D.get().computeIfAbsent(n, DoubleFFT_1D::new);
    }

    private static DoubleFFT_2D plan2d(int rows, int cols) {
        long key = ((long) rows << 32) | cols;
        return PLANS_2D.get().computeIfAbsent(key, k -> new DoubleFFT_2D(rows, cols));
    }

    private static int length(String name, double[] interleaved) {
        InvalidInputException.require(interleaved.length % 2 == 0 && interleaved.length > 0, name + ".length",
                interleaved.length, "must be positive and even (re, im pairs)");
        return interleaved.length / 2;
    }

    private static void requireShape(double[] interleaved, int rows, int cols) {
        InvalidInputException.positive("rows", rows);
        InvalidInputException.positive("cols", cols);
        InvalidInputException.require(interleaved.length == 2 * rows * cols, "interleaved.length", interleaved.length,
                "must be 2·rows·cols = " + 2 * rows * cols);
    }
}
