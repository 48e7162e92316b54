package org.cosense.optim;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * A complex Hermitian k×k matrix whose entries are affine in the program's real variables,
 * H(x) = H_0 + Σ_i x_i H_i with Hermitian H_i: the left-hand side of a Hermitian LMI H(x) ⪰ 0
 * ({@link ConvexProgram.Builder#lmi(String, HermitianAffineMatrix)}), e.g. a Hermitian Toeplitz
 * T(u) with complex u.
 *
 * <p>Stored as Re H_ij (i ≤ j) and Im H_ij (i &lt; j), each an {@link Affine}; {@link #set} writes
 * H_ij and H_ji = conj(H_ij) at once, so the matrix is Hermitian by construction and its diagonal is
 * real. The solver sees the real embedding [[Re H, −Im H], [Im H, Re H]] ⪰ 0, which is equivalent.
 */
public final class HermitianAffineMatrix {
    private final int size;
    private final Affine[] re;   // row-major upper triangle incl. diagonal
    private final Affine[] im;   // same positions; 0 on the diagonal

    private HermitianAffineMatrix(int size) {
        InvalidInputException.positive("size", size);
        this.size = size;
        this.re = new Affine[size * (size + 1) / 2];
        this.im = new Affine[re.length];
        java.util.Arrays.fill(re, Affine.constant(0));
        java.util.Arrays.fill(im, Affine.constant(0));
    }

    /** The k×k zero matrix. */
    public static HermitianAffineMatrix zeros(int k) {
        return new HermitianAffineMatrix(k);
    }

    /** A constant Hermitian matrix (the Hermitian part of c). */
    public static HermitianAffineMatrix constant(ZMatrixRMaj c) {
        InvalidInputException.require(c.numRows == c.numCols, "matrix", c.numRows + "x" + c.numCols, "must be square");
        HermitianAffineMatrix h = new HermitianAffineMatrix(c.numRows);
        for (int i = 0; i < c.numRows; i++) {
            h.set(i, i, Affine.constant(c.getReal(i, i)), Affine.constant(0));
            for (int j = i + 1; j < c.numRows; j++) {
                h.set(i, j, Affine.constant(0.5 * (c.getReal(i, j) + c.getReal(j, i))),
                        Affine.constant(0.5 * (c.getImag(i, j) - c.getImag(j, i))));
            }
        }
        return h;
    }

    public int size() {
        return size;
    }

    private int pos(int i, int j) {
        if (!(i >= 0 && j >= 0 && i < size && j < size)) {   // the message only when needed
            InvalidInputException.require(false, "entry", "(" + i + ", " + j + ")", "must lie inside the " + size + "x" + size + " matrix");
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return a * size - a * (a - 1) / 2 + (b - a);
    }

    /**
     * Sets H_ij = re + j·im and H_ji = re − j·im; returns this. On the diagonal im must be the
     * constant 0 (a Hermitian matrix has a real diagonal).
     */
    public HermitianAffineMatrix set(int i, int j, Affine realPart, Affine imagPart) {
        int p = pos(i, j);
        if (i == j) {
            InvalidInputException.require(imagPart.isConstant() && imagPart.constantTerm() == 0, "Im H_" + i + i, imagPart,
                    "must be 0 (the diagonal of a Hermitian matrix is real)");
        }
        re[p] = realPart;
        im[p] = i <= j ? imagPart : imagPart.negate();
        return this;
    }

    /** Re H_ij. */
    public Affine re(int i, int j) {
        return re[pos(i, j)];
    }

    /** Im H_ij (Im H_ji = −Im H_ij). */
    public Affine im(int i, int j) {
        Affine v = im[pos(i, j)];
        return i <= j ? v : v.negate();
    }

    /** The real 2k×2k embedding [[Re H, −Im H], [Im H, Re H]] (⪰ 0 iff H ⪰ 0). */
    public AffineMatrix embedded() {
        int k = size;
        AffineMatrix a = AffineMatrix.zeros(2 * k);
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                Affine r = re(i, j);
                a.set(i, j, r);
                a.set(k + i, k + j, r);
            }
            for (int j = 0; j < k; j++) {
                a.set(k + i, j, im(i, j));
            }
        }
        return a;
    }
}
