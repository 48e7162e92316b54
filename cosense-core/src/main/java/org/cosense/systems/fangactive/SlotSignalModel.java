package org.cosense.systems.fangactive;

import org.cosense.bounds.GaussianModel;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/**
 * The stacked observation vec(Y) of one slot, Y = response(xi) S + noise, with covariance
 * I_{T_L} ⊗ R(xi) (Fang et al. (10)–(14), (35)–(38)), built from the physical model only (no
 * closed form), for the generic Fisher-information engine. Numerical derivatives; beta steps scaled
 * to |beta|.
 */
abstract class SlotSignalModel implements GaussianModel {
    final IrsSlot slot;
    final double[] psi;
    final ZMatrixRMaj s;

    SlotSignalModel(IrsSlot slot, double[] psi, ZMatrixRMaj s) {
        this.slot = slot;
        this.psi = psi.clone();
        this.s = s.copy();
    }

    /** The noiseless response matrix (receivers × M) at xi: y[t] = response · s[t]. */
    abstract ZMatrixRMaj response(IrsSlot at);

    /** The per-snapshot noise covariance at xi. */
    abstract ZMatrixRMaj snapshotCovariance(IrsSlot at);

    @Override
    public int parameterCount() {
        return 4;
    }

    @Override
    public int dimension() {
        return receivers() * s.numCols;
    }

    int receivers() {
        return response(slot).numRows;
    }

    @Override
    public double[] mean(double[] theta) {
        ZMatrixRMaj y = ComplexLinalg.product(response(slot.withParameters(theta)), s);
        return ComplexLinalg.column(ComplexLinalg.vec(y), 0);
    }

    @Override
    public ZMatrixRMaj covariance(double[] theta) {
        ZMatrixRMaj r = snapshotCovariance(slot.withParameters(theta));
        int n = r.numRows;
        int t = s.numCols;
        ZMatrixRMaj c = new ZMatrixRMaj(n * t, n * t);
        for (int b = 0; b < t; b++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    c.set(b * n + i, b * n + j, r.getReal(i, j), r.getImag(i, j));
                }
            }
        }
        return c;
    }

    @Override
    public double[] derivativeSteps(double[] theta) {
        double b = Math.max(Math.hypot(theta[2], theta[3]), Double.MIN_NORMAL);
        return new double[] {0.05, 0.05, 0.1 * b, 0.1 * b};
    }
}
