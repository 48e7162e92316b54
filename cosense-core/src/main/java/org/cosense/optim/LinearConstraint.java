package org.cosense.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * One scalar linear constraint over Hermitian blocks X_1..X_L (a row of a {@link TraceInverseProgram}):
 * <pre>
 *   g(X) = Σ_l tr(A_l X_l) + b   (≤ 0  or  = 0),
 * </pre>
 * A_l Hermitian (symmetrized on construction; a null entry means A_l = 0, the block does not enter).
 * tr(A X) is real for Hermitian A, X and equals Σ_ij (Re A_ij Re X_ij + Im A_ij Im X_ij).
 *
 * @param coefficients A_l per block (null = 0); size = the program's block count
 * @param offset       b
 * @param kind         ≤ 0 or = 0
 */
public record LinearConstraint(List<ZMatrixRMaj> coefficients, double offset, Kind kind) {
    public enum Kind {
        /** g(X) ≤ 0. */
        AT_MOST_ZERO,
        /** g(X) = 0. */
        EQUAL_ZERO
    }

    public LinearConstraint {
        InvalidInputException.require(coefficients != null && !coefficients.isEmpty(), "coefficients", coefficients,
                "must list one (possibly null) matrix per block");
        InvalidInputException.finite("offset b", offset);
        InvalidInputException.require(kind != null, "kind", null, "must be given");
        List<ZMatrixRMaj> c = new ArrayList<>(coefficients.size());
        for (ZMatrixRMaj a : coefficients) {
            c.add(a == null ? null : ComplexLinalg.hermitianPart(a));
        }
        coefficients = Collections.unmodifiableList(c);
    }

    /** tr(A X_block) + b in a program with {@code blocks} blocks. */
    public static LinearConstraint single(int blocks, int block, ZMatrixRMaj a, double b, Kind kind) {
        List<ZMatrixRMaj> c = new ArrayList<>(Collections.nCopies(blocks, (ZMatrixRMaj) null));
        c.set(block, a);
        return new LinearConstraint(c, b, kind);
    }

    /** [X_block]_nn − bound (≤ 0 or = 0), X_block of size n. */
    public static LinearConstraint diagonal(int blocks, int block, int n, int index, double bound, Kind kind) {
        ZMatrixRMaj e = new ZMatrixRMaj(n, n);
        e.set(index, index, 1, 0);
        return single(blocks, block, e, -bound, kind);
    }

    /** Σ_l tr(X_l) − bound ≤ 0 over all blocks of sizes {@code n[l]}. */
    public static LinearConstraint traceSum(int[] n, double bound) {
        List<ZMatrixRMaj> c = new ArrayList<>();
        for (int nl : n) {
            c.add(CommonOps_ZDRM.identity(nl));
        }
        return new LinearConstraint(c, -bound, Kind.AT_MOST_ZERO);
    }

    public int blockCount() {
        return coefficients.size();
    }

    /** g(X). */
    public double value(List<ZMatrixRMaj> x) {
        InvalidInputException.require(x.size() == blockCount(), "block count", x.size(), "must be " + blockCount());
        double s = offset;
        for (int l = 0; l < blockCount(); l++) {
            if (coefficients.get(l) != null) {
                s += AffineFisherInformation.traceProduct(coefficients.get(l), x.get(l));
            }
        }
        return s;
    }

    /** Violation max(g, 0) for ≤, |g| for =. */
    public double violation(List<ZMatrixRMaj> x) {
        double g = value(x);
        return kind == Kind.EQUAL_ZERO ? Math.abs(g) : Math.max(g, 0);
    }
}
