package org.cosense.optim;

import org.cosense.InvalidInputException;

/** A real vector variable x ∈ R^n of a {@link ConvexProgram} (free or elementwise ≥ 0). */
public final class VectorVar {
    private final String name;
    final int offset;
    private final int size;
    final boolean nonnegative;

    VectorVar(String name, int offset, int size, boolean nonnegative) {
        this.name = name;
        this.offset = offset;
        this.size = size;
        this.nonnegative = nonnegative;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    /** The expression x_i. */
    public Affine get(int i) {
        InvalidInputException.require(i >= 0 && i < size, name + " index", i, "must be in [0, " + size + ")");
        return Affine.term(offset + i, 1);
    }

    /** Σ_i x_i. */
    public Affine sum() {
        double[] ones = new double[size];
        java.util.Arrays.fill(ones, 1);
        return dot(ones);
    }

    /** Σ_i a_i x_i. */
    public Affine dot(double[] a) {
        InvalidInputException.require(a.length == size, "coefficients length", a.length, "must equal " + size);
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = offset + i;
        }
        return new Affine(idx, a.clone(), 0);
    }
}
