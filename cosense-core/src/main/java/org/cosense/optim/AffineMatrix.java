package org.cosense.optim;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * A real symmetric k×k matrix whose entries are {@link Affine} expressions, the left-hand side
 * of an LMI {@code F(x) ⪰ 0} or the argument of tr(Ω F(x)⁻¹) and −log det F(x).
 *
 * <p>A small mutable builder (like EJML's matrices): {@link #set} writes the (i, j) and (j, i)
 * entries at once, so the matrix is symmetric by construction.
 */
public final class AffineMatrix {
    private final int size;
    private final Affine[] upper;   // row-major upper triangle incl. diagonal

    private AffineMatrix(int size) {
        InvalidInputException.positive("size", size);
        this.size = size;
        this.upper = new Affine[size * (size + 1) / 2];
        Affine zero = Affine.constant(0);
        java.util.Arrays.fill(upper, zero);
    }

    /** The k×k zero matrix. */
    public static AffineMatrix zeros(int k) {
        return new AffineMatrix(k);
    }

    /** A constant symmetric matrix (its symmetric part is used). */
    public static AffineMatrix constant(DMatrixRMaj c) {
        InvalidInputException.require(c.numRows == c.numCols, "matrix", c.numRows + "x" + c.numCols, "must be square");
        AffineMatrix a = new AffineMatrix(c.numRows);
        for (int i = 0; i < c.numRows; i++) {
            for (int j = i; j < c.numRows; j++) {
                a.set(i, j, Affine.constant(0.5 * (c.get(i, j) + c.get(j, i))));
            }
        }
        return a;
    }

    /** The k×k identity. */
    public static AffineMatrix identity(int k) {
        AffineMatrix a = new AffineMatrix(k);
        for (int i = 0; i < k; i++) {
            a.set(i, i, Affine.constant(1));
        }
        return a;
    }

    public int size() {
        return size;
    }

    private int pos(int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        if (i < 0 || j >= size) {   // the message only when needed: this runs for every entry of every LMI
            InvalidInputException.require(false, "entry", "(" + i + ", " + j + ")", "must lie inside the " + size + "x" + size + " matrix");
        }
        return i * size - i * (i - 1) / 2 + (j - i);
    }

    /** Sets entries (i, j) and (j, i); returns this. */
    public AffineMatrix set(int i, int j, Affine e) {
        upper[pos(i, j)] = e;
        return this;
    }

    public AffineMatrix set(int i, int j, double c) {
        return set(i, j, Affine.constant(c));
    }

    public Affine get(int i, int j) {
        return upper[pos(i, j)];
    }

    /** Writes {@code b} with its top-left corner at (r0, c0) (and the mirrored entries). */
    public AffineMatrix setBlock(int r0, int c0, AffineMatrix b) {
        for (int i = 0; i < b.size; i++) {
            for (int j = 0; j < b.size; j++) {
                set(r0 + i, c0 + j, b.get(i, j));
            }
        }
        return this;
    }

    /** Writes a constant (not necessarily square) block at (r0, c0) and its mirror. */
    public AffineMatrix setBlock(int r0, int c0, DMatrixRMaj b) {
        for (int i = 0; i < b.numRows; i++) {
            for (int j = 0; j < b.numCols; j++) {
                set(r0 + i, c0 + j, Affine.constant(b.get(i, j)));
            }
        }
        return this;
    }

    /** Entry-wise sum (sizes must agree). */
    public AffineMatrix plus(AffineMatrix o) {
        InvalidInputException.require(o.size == size, "size", o.size, "must equal " + size);
        AffineMatrix r = new AffineMatrix(size);
        for (int i = 0; i < upper.length; i++) {
            r.upper[i] = upper[i].plus(o.upper[i]);
        }
        return r;
    }

    public AffineMatrix times(double f) {
        AffineMatrix r = new AffineMatrix(size);
        for (int i = 0; i < upper.length; i++) {
            r.upper[i] = upper[i].times(f);
        }
        return r;
    }
}
