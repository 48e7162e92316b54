package org.cosense.array;

import org.cosense.InvalidInputException;
import org.cosense.geom.SpatialFrequency;

/**
 * A uniform planar array of ny × nz elements in a plane parallel to the global y–z plane with
 * half-wavelength spacing, and its centroid-referenced spatial-frequency steering model,
 * Hua et al. (3): a(mu, nu) = u(mu, ny) ⊗ u(nu, nz).
 *
 * <p>Element (iy, iz) has vector index n = iy * nz + iz (y is the outer index, matching the
 * Kronecker order). Vectors are interleaved (re, im) {@code double[]} of length 2N.
 */
public record Upa(int ny, int nz) {
    public Upa {
        InvalidInputException.positive("array size ny", ny);
        InvalidInputException.positive("array size nz", nz);
    }

    /** A square array of side n (the papers' N-bar). */
    public static Upa square(int n) {
        InvalidInputException.positive("array side", n);
        return new Upa(n, n);
    }

    public int size() {
        return ny * nz;
    }

    public double[] steering(SpatialFrequency f) {
        return steering(f.mu(), f.nu());
    }

    /** a(mu, nu) = u(mu, ny) ⊗ u(nu, nz). */
    public double[] steering(double mu, double nu) {
        return kron(CentroidUla.response(mu, ny), CentroidUla.response(nu, nz));
    }

    /** da/dmu = du(mu, ny) ⊗ u(nu, nz). */
    public double[] steeringDerivativeMu(double mu, double nu) {
        return kron(CentroidUla.derivative(mu, ny), CentroidUla.response(nu, nz));
    }

    /** da/dnu = u(mu, ny) ⊗ du(nu, nz). */
    public double[] steeringDerivativeNu(double mu, double nu) {
        return kron(CentroidUla.response(mu, ny), CentroidUla.derivative(nu, nz));
    }

    /** ||da/dmu||^2 = nz pi^2 ny (ny^2 - 1) / 12; (81). */
    public double derivativeNorm2Mu() {
        return nz * CentroidUla.derivativeNorm2(ny);
    }

    /** ||da/dnu||^2 = ny pi^2 nz (nz^2 - 1) / 12; (82). */
    public double derivativeNorm2Nu() {
        return ny * CentroidUla.derivativeNorm2(nz);
    }

    /**
     * Normalized beam gain (33), corrected ([hua3d E16]): |a^H(f1) a(f2)| / N, a product of two Dirichlet
     * kernels; equals 1 at f1 = f2.
     */
    public double beamGain(double dmu, double dnu) {
        return CentroidUla.arrayFactor(dmu, ny) / ny * (CentroidUla.arrayFactor(dnu, nz) / nz);
    }

    /** Kronecker product of two interleaved complex vectors. */
    static double[] kron(double[] a, double[] b) {
        int na = a.length / 2;
        int nb = b.length / 2;
        double[] out = new double[2 * na * nb];
        for (int i = 0; i < na; i++) {
            double ar = a[2 * i];
            double ai = a[2 * i + 1];
            int base = 2 * i * nb;
            for (int k = 0; k < nb; k++) {
                double br = b[2 * k];
                double bi = b[2 * k + 1];
                out[base + 2 * k] = ar * br - ai * bi;
                out[base + 2 * k + 1] = ar * bi + ai * br;
            }
        }
        return out;
    }
}
