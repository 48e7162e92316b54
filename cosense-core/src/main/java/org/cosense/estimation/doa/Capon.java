package org.cosense.estimation.doa;

import org.cosense.InvalidInputException;
import org.cosense.array.Ula;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.ZMatrixRMaj;

/**
 * Capon's minimum-variance (MVDR) spectrum on a ULA, P(u) = 1 / (a(u)^H R^{-1} a(u)), no diagonal
 * loading [zhanghybrid S3.14]: the denominator is evaluated on a uniform grid in u = sin θ by one FFT
 * ({@link UlaSpectrum}), its K deepest local minima (the K highest peaks of P) are refined by Newton
 * steps on the exact form. Estimates in u, highest peak first; the convention is that of
 * {@link UlaEstimators}. R must be nonsingular.
 */
public final class Capon implements DoaEstimator {
    private final Ula ula;
    private final int grid;

    public Capon(Ula ula) {
        this(ula, UlaEstimators.defaultGrid(ula.m()));
    }

    public Capon(Ula ula, int grid) {
        UlaEstimators.checkArray(ula);
        InvalidInputException.require(grid >= 2 * ula.m() - 1, "grid size", grid, "must be at least 2n - 1 = " + (2 * ula.m() - 1));
        this.ula = ula;
        this.grid = grid;
    }

    @Override
    public int parameterDimension() {
        return 1;
    }

    @Override
    public DoaResult estimateFromCovariance(ZMatrixRMaj covariance, int k) {
        UlaEstimators.checkInput(ula, covariance, k, ula.m() - 1);
        ZMatrixRMaj inv = ComplexLinalg.inverse(ComplexLinalg.hermitianPart(covariance));
        return UlaEstimators.result(k, new UlaSpectrum(ula, inv).deepestMinima(k, grid));
    }

    /** P(u) = 1 / (a^H R^{-1} a). */
    public double spectrum(ZMatrixRMaj covariance, double u) {
        ZMatrixRMaj inv = ComplexLinalg.inverse(ComplexLinalg.hermitianPart(covariance));
        return 1 / new UlaSpectrum(ula, inv).value(u);
    }
}
