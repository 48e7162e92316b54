package org.cosense.math;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * Products with a diagonal matrix D = diag(d) computed as the row or column scaling they are: O(rows·cols) instead of
 * the O(n^3) dense product.
 *
 * <p>Every entry of the dense product ({@link ComplexLinalg#mult} of {@link ComplexLinalg#diagonal}(d) and B) is one
 * complex product D_ii B_ij (or B_ij D_jj) plus terms that are exact zeros; here that one product is computed with the
 * same floating-point expression (re = x_r y_r − x_i y_i, im = x_r y_i + x_i y_r; both orders of the factors round
 * alike), so every nonzero entry has the same bits as the dense product's. An entry that is zero may carry the other
 * sign of zero, which no sum, difference or product that comes out nonzero can see. Diagonals are interleaved
 * {@code [re0, im0, re1, im1, ...]} as in {@link ComplexLinalg#diagonal}.
 */
public final class DiagonalScaling {
    private DiagonalScaling() {
    }

    /** The diagonal of a square matrix as an interleaved vector. */
    public static double[] diagonalOf(ZMatrixRMaj a) {
        InvalidInputException.require(a.numRows == a.numCols, "a shape", a.numRows + "x" + a.numCols, "must be square");
        double[] d = new double[2 * a.numRows];
        for (int k = 0; k < a.numRows; k++) {
            d[2 * k] = a.getReal(k, k);
            d[2 * k + 1] = a.getImag(k, k);
        }
        return d;
    }

    /** diag(d) B: row i of B times d_i. */
    public static ZMatrixRMaj rows(double[] d, ZMatrixRMaj b) {
        InvalidInputException.require(d.length == 2 * b.numRows, "diagonal length", d.length / 2, "must equal the rows of B = " + b.numRows);
        ZMatrixRMaj c = new ZMatrixRMaj(b.numRows, b.numCols);
        int cols = b.numCols;
        for (int i = 0; i < b.numRows; i++) {
            double dr = d[2 * i];
            double di = d[2 * i + 1];
            for (int j = 0, k = 2 * cols * i; j < cols; j++, k += 2) {
                double br = b.data[k];
                double bi = b.data[k + 1];
                c.data[k] = dr * br - di * bi;
                c.data[k + 1] = dr * bi + di * br;
            }
        }
        return c;
    }

    /** B diag(d): column j of B times d_j. */
    public static ZMatrixRMaj columns(ZMatrixRMaj b, double[] d) {
        InvalidInputException.require(d.length == 2 * b.numCols, "diagonal length", d.length / 2, "must equal the columns of B = " + b.numCols);
        ZMatrixRMaj c = new ZMatrixRMaj(b.numRows, b.numCols);
        int cols = b.numCols;
        for (int i = 0; i < b.numRows; i++) {
            for (int j = 0, k = 2 * cols * i; j < cols; j++, k += 2) {
                double br = b.data[k];
                double bi = b.data[k + 1];
                double dr = d[2 * j];
                double di = d[2 * j + 1];
                c.data[k] = br * dr - bi * di;
                c.data[k + 1] = br * di + bi * dr;
            }
        }
        return c;
    }

    /** diag(d) B diag(e), rows first: the dense chain (diag(d) B) diag(e) entry by entry. */
    public static ZMatrixRMaj bothSides(double[] d, ZMatrixRMaj b, double[] e) {
        return columns(rows(d, b), e);
    }
}
