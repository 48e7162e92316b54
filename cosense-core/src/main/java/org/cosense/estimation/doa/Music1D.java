package org.cosense.estimation.doa;

import org.cosense.InvalidInputException;
import org.cosense.array.Ula;
import org.cosense.math.TridiagonalHermitianEigen;
import org.ejml.data.ZMatrixRMaj;

/**
 * 1D MUSIC on a ULA (Schmidt 1986): the null spectrum D(u) = a(u)^H E_n E_n^H a(u) of the noise
 * subspace E_n (the n − K eigenvectors of R of smallest eigenvalue) is evaluated on a uniform grid
 * in u = sin θ by one FFT ({@link UlaSpectrum}), its K deepest local minima are taken (the peaks of
 * the pseudo-spectrum 1/D), and each is refined by Newton steps on the exact D. The refined peak is
 * the exact stationary point, where doatools' refinement stops at a grid of 0.05°/10³. Estimates in
 * u, deepest first; the convention is that of {@link UlaEstimators}.
 */
public final class Music1D implements DoaEstimator {
    private final Ula ula;
    private final int grid;

    public Music1D(Ula ula) {
        this(ula, UlaEstimators.defaultGrid(ula.m()));
    }

    /** @param grid FFT size of the coarse search, ≥ 2n − 1 */
    public Music1D(Ula ula, int grid) {
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
        int n = ula.m();
        UlaEstimators.checkInput(ula, covariance, k, n - 1);
        return UlaEstimators.result(k, nullSpectrum(covariance, k).deepestMinima(k, grid));
    }

    /** D(u) = a^H E_n E_n^H a as a trigonometric polynomial (for plotting or a caller's own search). */
    UlaSpectrum nullSpectrum(ZMatrixRMaj covariance, int k) {
        int n = ula.m();
        ZMatrixRMaj en = TridiagonalHermitianEigen.decompose(covariance).vectors(0, n - k);
        return new UlaSpectrum(ula, org.cosense.math.ComplexLinalg.multTransB(en, en));
    }

    /** The null spectrum D(u) at u (exact, not gridded). */
    public double nullSpectrum(ZMatrixRMaj covariance, int k, double u) {
        return nullSpectrum(covariance, k).value(u);
    }
}
