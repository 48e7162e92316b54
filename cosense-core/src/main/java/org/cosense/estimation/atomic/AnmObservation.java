package org.cosense.estimation.atomic;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * One observation Y (M × L) of an atomic-norm problem whose column space is spanned by M-element ULA
 * steering vectors shared by all observations of the problem, with its weight w and the kind of its
 * second PSD block: {@link Block#FREE} (a Hermitian L × L block W, the multiple-snapshot atoms
 * a(ψ) b^H with ||b|| = 1) or {@link Block#TOEPLITZ} (T(v), L × L, the 2D atoms a_M(ψ_1) a_L^T(ψ_2)
 * of the decoupled two-dimensional atomic norm).
 */
public record AnmObservation(ZMatrixRMaj y, double weight, Block block) {
    /** The second diagonal block of the PSD constraint [[T(u), X], [X^H, ·]] ⪰ 0. */
    public enum Block {
        FREE, TOEPLITZ
    }

    public AnmObservation {
        InvalidInputException.require(y.numRows >= 2 && y.numCols >= 1, "observation shape", y.numRows + "x" + y.numCols,
                "needs at least 2 rows and 1 column");
        InvalidInputException.positive("observation weight", weight);
        for (double v : y.data) {
            InvalidInputException.require(Double.isFinite(v), "observation entry", v, "must be finite");
        }
        InvalidInputException.require(block != Block.TOEPLITZ || y.numCols >= 2, "observation columns", y.numCols,
                "must be at least 2 for a Toeplitz second block");
        y = y.copy();
    }

    /** A multiple-snapshot observation with weight 1. */
    public static AnmObservation snapshots(ZMatrixRMaj y) {
        return new AnmObservation(y, 1, Block.FREE);
    }

    public int rows() {
        return y.numRows;
    }

    public int columns() {
        return y.numCols;
    }
}
