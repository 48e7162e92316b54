package org.cosense.optim;

import java.util.List;
import java.util.Random;

import org.cosense.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The two SDP shapes the fangactive alternating optimization solves thousands of times, as
 * programs for benchmarks ({@code cosense bench optim}) and solver tests.
 *
 * <ul>
 * <li>{@link #rStep}: the R-step ([fangactive S3.10]): minimize κ s.t. tr(Ω_l F_l(R_l)⁻¹) ≤ κ,
 *     tr(K_l R_l) + c_l ≤ P_s, Σ_l tr R_l ≤ L P_t, R_l ⪰ 0. With M = 16, L = 2: 533 variables,
 *     blocks 32/8/32/8, 4 rows.</li>
 * <li>{@link #sdrShape}: the SDR subproblem ([fangactive S3.11.3]): minimize Σ w_i U_ii, [[F̂(Θ), I], [I, U]] ⪰ 0,
 *     Θ ⪰ 0, [Θ]_nn ≤ 1, tr(K Θ) ≤ P. With N = 16: 266 variables, blocks 32/8, N + 1 rows. The data
 *     are random (seeded) with the structure of the linearized lifted FIM: Ξ_pq = D_pᴴ D_q + D_qᴴ D_p.</li>
 * </ul>
 */
public final class BenchmarkInstances {
    private BenchmarkInstances() {
    }

    /**
     * One IRS slot of the R-step: F(R) = F₀ + [tr(M_pq R)] (M_pq Hermitian, p, q < 4), weights diag(Ω),
     * IRS power tr(K R) + c.
     */
    public record Slot(ZMatrixRMaj[][] mpq, DMatrixRMaj f0, double[] weights, ZMatrixRMaj k, double c) {
    }

    /** The R-step program over the given slots (variables κ, then R_l and the epigraph U_l per slot). */
    public static ConvexProgram rStep(List<Slot> slots, double bsPower, double irsPower) {
        InvalidInputException.require(!slots.isEmpty(), "slots", 0, "must be at least one");
        var p = ConvexProgram.builder();
        ScalarVar kappa = p.scalar("kappa");
        Affine traceSum = Affine.constant(0);
        for (int l = 0; l < slots.size(); l++) {
            Slot s = slots.get(l);
            int dim = s.k().numRows;
            HermitianVar r = p.hermitianPsd("R" + (l + 1), dim);
            int np = s.f0().numRows;
            AffineMatrix f = AffineMatrix.zeros(np);
            DMatrixRMaj omega = new DMatrixRMaj(np, np);
            for (int a = 0; a < np; a++) {
                omega.set(a, a, s.weights()[a]);
                for (int b = a; b < np; b++) {
                    f.set(a, b, r.traceWith(s.mpq()[a][b]).plus(s.f0().get(a, b)));
                }
            }
            p.le(p.traceInverse(f, omega), kappa.affine());
            p.le(r.traceWith(s.k()), irsPower - s.c());
            traceSum = traceSum.plus(r.trace());
        }
        p.le(traceSum, slots.size() * bsPower);
        p.minimize(kappa.affine());
        return p.build();
    }

    /** The SDR subproblem shape for an N-element IRS (seeded random data, see the class comment). */
    public static ConvexProgram sdrShape(long seed, int n) {
        InvalidInputException.positive("N", n);
        Random rnd = new Random(seed);
        ZMatrixRMaj[] d = new ZMatrixRMaj[4];
        for (int q = 0; q < 4; q++) {
            d[q] = randomComplex(rnd, n, 1.0 / n);
        }
        var p = ConvexProgram.builder();
        HermitianVar theta = p.hermitianPsd("Theta", n);
        AffineMatrix f = AffineMatrix.zeros(4);
        for (int a = 0; a < 4; a++) {
            for (int b = a; b < 4; b++) {
                f.set(a, b, theta.traceWith(hermitianProduct(d[a], d[b])).plus(a == b ? 1e-3 : 0));
            }
        }
        DMatrixRMaj omega = new DMatrixRMaj(4, 4);
        double[] w = {1, 1, 0.3, 0.3};
        for (int a = 0; a < 4; a++) {
            omega.set(a, a, w[a]);
        }
        p.minimize(p.traceInverse(f, omega));
        for (int i = 0; i < n; i++) {
            p.le(theta.re(i, i), 1);
        }
        ZMatrixRMaj g = randomComplex(rnd, n, 1.0 / n);
        p.le(theta.traceWith(hermitianProduct(g, g)), 0.5 * n);
        return p.build();
    }

    private static ZMatrixRMaj randomComplex(Random rnd, int n, double scale) {
        ZMatrixRMaj z = new ZMatrixRMaj(n, n);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = rnd.nextGaussian() * scale;
        }
        return z;
    }

    /** (Aᴴ B + Bᴴ A) / 2, Hermitian. */
    private static ZMatrixRMaj hermitianProduct(ZMatrixRMaj a, ZMatrixRMaj b) {
        int n = a.numRows;
        ZMatrixRMaj out = new ZMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < n; k++) {
                    // conj(a[k,i]) b[k,j] + conj(b[k,i]) a[k,j]
                    double ar = a.getReal(k, i);
                    double ai = -a.getImag(k, i);
                    double br = b.getReal(k, j);
                    double bi = b.getImag(k, j);
                    double cr = b.getReal(k, i);
                    double ci = -b.getImag(k, i);
                    double dr = a.getReal(k, j);
                    double di = a.getImag(k, j);
                    re += ar * br - ai * bi + cr * dr - ci * di;
                    im += ar * bi + ai * br + cr * di + ci * dr;
                }
                out.set(i, j, 0.5 * re, 0.5 * im);
            }
        }
        return out;
    }
}
