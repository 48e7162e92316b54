package org.cosense.optim;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;

/**
 * A real symmetric k×k matrix variable X (PSD or free), parametrized by its upper triangle
 * (k(k+1)/2 reals, no redundant entries in the Newton system).
 */
public final class SymmetricVar {
    private final String name;
    final int offset;
    private final int size;
    final boolean psd;

    SymmetricVar(String name, int offset, int size, boolean psd) {
        this.name = name;
        this.offset = offset;
        this.size = size;
        this.psd = psd;
    }

    static int parameterCount(int k) {
        return k * (k + 1) / 2;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    int index(int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        InvalidInputException.require(i >= 0 && j < size, name + " entry", "(" + i + ", " + j + ")",
            "must lie inside the " + size + "x" + size + " matrix");
        return offset + i * size - i * (i - 1) / 2 + (j - i);
    }

    /** The expression X_ij (= X_ji). */
    public Affine entry(int i, int j) {
        return Affine.term(index(i, j), 1);
    }

    /** tr X. */
    public Affine trace() {
        return traceWith(identity(size));
    }

    /** tr(M X) for a real k×k matrix M (only its symmetric part matters). */
    public Affine traceWith(DMatrixRMaj m) {
        InvalidInputException.require(m.numRows == size && m.numCols == size, "M", m.numRows + "x" + m.numCols,
            "must be " + size + "x" + size);
        int[] idx = new int[parameterCount(size)];
        double[] c = new double[idx.length];
        int q = 0;
        for (int i = 0; i < size; i++) {
            for (int j = i; j < size; j++) {
                idx[q] = index(i, j);
                c[q++] = i == j ? m.get(i, i) : m.get(i, j) + m.get(j, i);
            }
        }
        return Affine.of(idx, c, 0);
    }

    /** X as an affine matrix (for LMIs and tr(Ω X⁻¹), −log det X). */
    public AffineMatrix asMatrix() {
        AffineMatrix a = AffineMatrix.zeros(size);
        for (int i = 0; i < size; i++) {
            for (int j = i; j < size; j++) {
                a.set(i, j, entry(i, j));
            }
        }
        return a;
    }

    private static DMatrixRMaj identity(int k) {
        DMatrixRMaj m = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            m.set(i, i, 1);
        }
        return m;
    }
}
