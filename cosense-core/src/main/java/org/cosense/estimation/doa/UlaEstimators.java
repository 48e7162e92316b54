package org.cosense.estimation.doa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.cosense.InvalidInputException;
import org.cosense.array.Ula;
import org.ejml.data.ZMatrixRMaj;

/**
 * What the 1D ULA estimators ({@link Music1D}, {@link RootMusic}, {@link Esprit}, {@link Capon})
 * share. Angle convention: the ULA of {@link Ula}, element i at i·d wavelengths along its axis, the
 * FIRST element the phase reference, a_i(u) = exp(j 2π d i u) with u = sin θ and θ the angle from
 * broadside (the array normal), positive towards the array axis; estimates are u, as the
 * {@link DoaEstimator} parameter space of a ULA. {@link #angles(DoaResult)} turns them into θ in
 * radians, ascending (doatools' order). Spacing is limited to d ≤ 1/2 so that u ∈ [−1, 1] is
 * unambiguous [zhanghybrid A21].
 */
public final class UlaEstimators {
    private UlaEstimators() {
    }

    /** θ = asin(u) of every estimate, ascending, in radians. */
    public static double[] angles(DoaResult r) {
        double[] u = r.scalars();
        double[] t = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            t[i] = Math.asin(Math.max(-1, Math.min(1, u[i])));
        }
        Arrays.sort(t);
        return t;
    }

    static void checkArray(Ula ula) {
        InvalidInputException.require(ula.m() >= 2, "elements", ula.m(), "must be at least 2");
        InvalidInputException.require(ula.d() <= 0.5, "element spacing d (wavelengths)", ula.d(), "must be at most 1/2 (unambiguous u = sin theta)");
    }

    static void checkInput(Ula ula, ZMatrixRMaj r, int k, int maxK) {
        InvalidInputException.require(r.numRows == ula.m() && r.numCols == ula.m(), "covariance shape", r.numRows + "x" + r.numCols,
                "must be " + ula.m() + "x" + ula.m() + " (the array size)");
        InvalidInputException.require(k >= 1 && k <= maxK, "sources K", k, "must be in [1, " + maxK + "]");
        for (double v : r.data) {
            InvalidInputException.require(Double.isFinite(v), "covariance entry", v, "must be finite");
        }
    }

    static DoaResult result(int k, double[] u) {
        List<double[]> e = new ArrayList<>();
        for (double v : u) {
            e.add(new double[] {v});
        }
        return new DoaResult(k, 1, e, Optional.empty());
    }

    /** Default FFT grid for the spectral searches: a power of two ≥ max(1024, 64 n). */
    static int defaultGrid(int n) {
        int g = 1024;
        while (g < 64 * n) {
            g *= 2;
        }
        return g;
    }
}
