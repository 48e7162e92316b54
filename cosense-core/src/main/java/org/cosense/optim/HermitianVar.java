package org.cosense.optim;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * A complex Hermitian k×k matrix variable X (PSD or free).
 *
 * <p>Parametrization (why: no redundancy in the Newton system): the k real diagonal entries,
 * then Re X_ij and Im X_ij for i &lt; j — k² reals. The PSD constraint is imposed through the
 * real embedding [[Re X, −Im X], [Im X, Re X]] ⪰ 0 ([fangactive S3.10]), a 2k×2k block whose trace is
 * 2 tr X; the solver never uses that trace, every linear form is written in X itself
 * ({@link #trace()} is tr X, not the embedding's), so nothing is double counted.
 */
public final class HermitianVar {
    private final String name;
    final int offset;
    private final int size;
    final boolean psd;

    HermitianVar(String name, int offset, int size, boolean psd) {
        this.name = name;
        this.offset = offset;
        this.size = size;
        this.psd = psd;
    }

    static int parameterCount(int k) {
        return k * k;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    private void check(int i, int j) {
        InvalidInputException.require(i >= 0 && j >= 0 && i < size && j < size, name + " entry",
            "(" + i + ", " + j + ")", "must lie inside the " + size + "x" + size + " matrix");
    }

    int diagIndex(int i) {
        return offset + i;
    }

    /** Index of Re X_ij for i &lt; j; Im X_ij is the next one. */
    int reIndex(int i, int j) {
        int pair = i * size - i * (i + 1) / 2 + (j - i - 1);
        return offset + size + 2 * pair;
    }

    /** Re X_ij. */
    public Affine re(int i, int j) {
        check(i, j);
        if (i == j) {
            return Affine.term(diagIndex(i), 1);
        }
        return Affine.term(i < j ? reIndex(i, j) : reIndex(j, i), 1);
    }

    /** Im X_ij (Im X_ji = −Im X_ij, Im X_ii = 0). */
    public Affine im(int i, int j) {
        check(i, j);
        if (i == j) {
            return Affine.constant(0);
        }
        return i < j ? Affine.term(reIndex(i, j) + 1, 1) : Affine.term(reIndex(j, i) + 1, -1);
    }

    /** tr X (real). */
    public Affine trace() {
        int[] idx = new int[size];
        double[] c = new double[size];
        for (int i = 0; i < size; i++) {
            idx[i] = diagIndex(i);
            c[i] = 1;
        }
        return new Affine(idx, c, 0);
    }

    /**
     * Re tr(M X) for a complex k×k matrix M; for Hermitian M this is tr(M X) itself
     * = Σ_ij (Re M_ij Re X_ij + Im M_ij Im X_ij) ([fangactive S3.10]).
     */
    public Affine traceWith(ZMatrixRMaj m) {
        InvalidInputException.require(m.numRows == size && m.numCols == size, "M", m.numRows + "x" + m.numCols,
            "must be " + size + "x" + size);
        int[] idx = new int[size * size];
        double[] c = new double[idx.length];
        int q = 0;
        double[] d = m.data;
        for (int i = 0; i < size; i++) {
            idx[q] = diagIndex(i);
            c[q++] = d[2 * (i * size + i)];
        }
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                int ij = 2 * (i * size + j);
                int ji = 2 * (j * size + i);
                int r = reIndex(i, j);
                idx[q] = r;
                c[q++] = d[ij] + d[ji];
                idx[q] = r + 1;
                c[q++] = d[ij + 1] - d[ji + 1];
            }
        }
        return Affine.of(idx, c, 0);
    }

    /** X as a Hermitian affine matrix (entry (i, j) = Re X_ij + j Im X_ij). */
    public HermitianAffineMatrix asMatrix() {
        HermitianAffineMatrix h = HermitianAffineMatrix.zeros(size);
        for (int i = 0; i < size; i++) {
            for (int j = i; j < size; j++) {
                h.set(i, j, re(i, j), im(i, j));
            }
        }
        return h;
    }

    /** The real 2k×2k embedding [[Re X, −Im X], [Im X, Re X]] as an affine matrix. */
    public AffineMatrix embedded() {
        return asMatrix().embedded();
    }
}
