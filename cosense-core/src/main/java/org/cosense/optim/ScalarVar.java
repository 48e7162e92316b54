package org.cosense.optim;

/** A real scalar variable of a {@link ConvexProgram} (free, or ≥ 0 when so declared). */
public final class ScalarVar {
    private final String name;
    final int index;

    ScalarVar(String name, int index) {
        this.name = name;
        this.index = index;
    }

    public String name() {
        return name;
    }

    /** The expression 1·x. */
    public Affine affine() {
        return Affine.term(index, 1);
    }

    /** c·x. */
    public Affine times(double c) {
        return Affine.term(index, c);
    }
}
