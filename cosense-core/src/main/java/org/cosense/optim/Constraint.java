package org.cosense.optim;

/**
 * Handle of a constraint of a {@link ConvexProgram}, to read its dual multiplier from a
 * {@link Solution}: {@link Solution#dual(Constraint)} for a scalar constraint,
 * {@link Solution#dualMatrix(Constraint)} for an LMI.
 */
public final class Constraint {
    enum Kind { ROW, EQUALITY, LMI, LOG_DET }

    private final String name;
    final Kind kind;
    final int index;   // row, equality or block index in the lowered problem

    Constraint(String name, Kind kind, int index) {
        this.name = name;
        this.kind = kind;
        this.index = index;
    }

    public String name() {
        return name;
    }

    /** Whether this is a (scalar) inequality or equality rather than an LMI. */
    public boolean isScalar() {
        return kind != Kind.LMI && kind != Kind.LOG_DET;
    }

    @Override
    public String toString() {
        return name;
    }
}
