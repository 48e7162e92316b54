package org.cosense.bounds;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * A Fisher information matrix that is affine in a Hermitian design variable X (a transmit
 * covariance, a lifted reflection matrix):
 * <pre>
 *   [F(X)]_pq = [F_0]_pq + tr(M_pq X),   M_pq = M_qp Hermitian (n×n),
 * </pre>
 * plain data for a convex solver (an LMI in X). tr(M X) is real for Hermitian M, X and equals
 * Σ_ij (Re M_ij Re X_ij + Im M_ij Im X_ij).
 *
 * @param constant     F_0, p×p real symmetric
 * @param coefficients M_pq stored row-major: index p·P + q (P = parameter count), each n×n Hermitian
 */
public record AffineFisherInformation(DMatrixRMaj constant, ZMatrixRMaj[] coefficients) {
    public AffineFisherInformation {
        int p = constant.numRows;
        InvalidInputException.require(constant.numCols == p, "constant shape", p + "x" + constant.numCols, "must be square");
        InvalidInputException.require(coefficients.length == p * p, "coefficients.length", coefficients.length,
                "must be p^2 = " + p * p);
        int n = coefficients.length == 0 ? 0 : coefficients[0].numRows;
        for (ZMatrixRMaj m : coefficients) {
            InvalidInputException.require(m.numRows == n && m.numCols == n, "coefficient shape", m.numRows + "x" + m.numCols,
                    "must be " + n + "x" + n);
        }
        coefficients = coefficients.clone();
    }

    public int parameterCount() {
        return constant.numRows;
    }

    /** n, the size of the design variable. */
    public int variableDimension() {
        return coefficients.length == 0 ? 0 : coefficients[0].numRows;
    }

    /** M_pq. */
    public ZMatrixRMaj coefficient(int p, int q) {
        return coefficients[p * parameterCount() + q];
    }

    /** F(X) for a Hermitian X. */
    public DMatrixRMaj evaluate(ZMatrixRMaj x) {
        int p = parameterCount();
        InvalidInputException.require(x.numRows == variableDimension() && x.numCols == variableDimension(), "X shape",
                x.numRows + "x" + x.numCols, "must be " + variableDimension() + "x" + variableDimension());
        DMatrixRMaj f = constant.copy();
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double v = traceProduct(coefficient(i, j), x);
                f.add(i, j, v);
                if (j != i) {
                    f.add(j, i, v);
                }
            }
        }
        return f;
    }

    /** Re tr(M X) = Σ_ij Re(M_ij X_ji) for square M, X. */
    public static double traceProduct(ZMatrixRMaj m, ZMatrixRMaj x) {
        int n = m.numRows;
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += m.getReal(i, j) * x.getReal(j, i) - m.getImag(i, j) * x.getImag(j, i);
            }
        }
        return s;
    }

    /**
     * The FIM of rescaled parameters xi~_p = xi_p / s_p: F~ = S F S, S = diag(s) ([fangactive S3.10]:
     * beta coordinates scaled by |beta| keep the solver well conditioned).
     */
    public AffineFisherInformation congruence(double[] s) {
        int p = parameterCount();
        InvalidInputException.require(s.length == p, "scale.length", s.length, "must equal the parameter count " + p);
        DMatrixRMaj c = new DMatrixRMaj(p, p);
        ZMatrixRMaj[] m = new ZMatrixRMaj[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                c.set(i, j, s[i] * s[j] * constant.get(i, j));
                ZMatrixRMaj mij = coefficient(i, j).copy();
                org.ejml.dense.row.CommonOps_ZDRM.scale(s[i] * s[j], 0, mij);
                m[i * p + j] = mij;
            }
        }
        return new AffineFisherInformation(c, m);
    }
}
