package org.cosense.array;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * A uniform planar array of nv × nh elements steered in physical angles, first-element referenced
 * (Fang et al. (2)–(4); [fangactive S2.3]):
 * <pre>
 *   a(theta, phi) = a_v(theta) ⊗ a_h(theta, phi),
 *   [a_v]_{iv} = exp(j 2pi dv iv cos(theta)),   [a_h]_{ih} = exp(j 2pi dh ih sin(theta) cos(phi)),
 * </pre>
 * with spacings {@code dv}, {@code dh} in wavelengths. The vertical index is the slow one: element
 * (iv, ih) has vector index n = iv·nh + ih and sits at ih·dh·h + iv·dv·v (wavelengths) from element 0,
 * in the array's local frame (h, v, n = h × v); theta is measured from v, phi in the h–n plane from h.
 *
 * <p>Derivatives (50)–(51): da/drho = zeta_rho ∘ a = Z_rho a with purely imaginary zeta_rho = j·rate;
 * {@link #phaseRateTheta} and {@link #phaseRatePhi} return the real rates. Vectors are interleaved
 * (re, im) {@code double[]} of length 2N. Not to be confused with {@link Upa} (centroid-referenced,
 * spatial frequencies).
 */
public record AngleUpa(int nv, int nh, double dv, double dh) {
    public AngleUpa {
        InvalidInputException.positive("vertical element count nv", nv);
        InvalidInputException.positive("horizontal element count nh", nh);
        InvalidInputException.positive("vertical spacing dv (wavelengths)", dv);
        InvalidInputException.positive("horizontal spacing dh (wavelengths)", dh);
    }

    /** Half-wavelength spacing in both dimensions. */
    public static AngleUpa halfWavelength(int nv, int nh) {
        return new AngleUpa(nv, nh, 0.5, 0.5);
    }

    public int size() {
        return nv * nh;
    }

    /** Vector index of element (iv, ih): iv·nh + ih. */
    public int index(int iv, int ih) {
        InvalidInputException.require(iv >= 0 && iv < nv, "vertical index iv", iv, "must be in [0, " + nv + ")");
        InvalidInputException.require(ih >= 0 && ih < nh, "horizontal index ih", ih, "must be in [0, " + nh + ")");
        return iv * nh + ih;
    }

    /** Phase of element n relative to element 0: 2pi (dv iv cos(theta) + dh ih sin(theta) cos(phi)). */
    public double phase(int n, double theta, double phi) {
        int iv = n / nh;
        int ih = n % nh;
        return 2 * Math.PI * (dv * iv * Math.cos(theta) + dh * ih * Math.sin(theta) * Math.cos(phi));
    }

    /** a(theta, phi), (2)–(4). */
    public double[] steering(double theta, double phi) {
        int n = size();
        double[] out = new double[2 * n];
        for (int k = 0; k < n; k++) {
            double p = phase(k, theta, phi);
            out[2 * k] = Math.cos(p);
            out[2 * k + 1] = Math.sin(p);
        }
        return out;
    }

    /**
     * Im(zeta_theta), (50): 2pi dh cos(theta) cos(phi) ih − 2pi dv sin(theta) iv per element.
     */
    public double[] phaseRateTheta(double theta, double phi) {
        int n = size();
        double[] r = new double[n];
        double ch = 2 * Math.PI * dh * Math.cos(theta) * Math.cos(phi);
        double cv = -2 * Math.PI * dv * Math.sin(theta);
        for (int k = 0; k < n; k++) {
            r[k] = ch * (k % nh) + cv * (k / nh);
        }
        return r;
    }

    /** Im(zeta_phi), (51): −2pi dh sin(theta) sin(phi) ih per element. */
    public double[] phaseRatePhi(double theta, double phi) {
        int n = size();
        double[] r = new double[n];
        double ch = -2 * Math.PI * dh * Math.sin(theta) * Math.sin(phi);
        for (int k = 0; k < n; k++) {
            r[k] = ch * (k % nh);
        }
        return r;
    }

    /** da/dtheta = zeta_theta ∘ a, (50). */
    public double[] derivativeTheta(double theta, double phi) {
        return timesJ(phaseRateTheta(theta, phi), steering(theta, phi));
    }

    /** da/dphi = zeta_phi ∘ a, (51). */
    public double[] derivativePhi(double theta, double phi) {
        return timesJ(phaseRatePhi(theta, phi), steering(theta, phi));
    }

    /** Z_theta = diag(zeta_theta), N×N. */
    public ZMatrixRMaj zTheta(double theta, double phi) {
        return diagJ(phaseRateTheta(theta, phi));
    }

    /** Z_phi = diag(zeta_phi), N×N. */
    public ZMatrixRMaj zPhi(double theta, double phi) {
        return diagJ(phaseRatePhi(theta, phi));
    }

    /** (j·rate) ∘ a. */
    static double[] timesJ(double[] rate, double[] a) {
        double[] d = new double[a.length];
        for (int k = 0; k < rate.length; k++) {
            d[2 * k] = -rate[k] * a[2 * k + 1];
            d[2 * k + 1] = rate[k] * a[2 * k];
        }
        return d;
    }

    private static ZMatrixRMaj diagJ(double[] rate) {
        ZMatrixRMaj z = new ZMatrixRMaj(rate.length, rate.length);
        for (int k = 0; k < rate.length; k++) {
            z.set(k, k, 0, rate[k]);
        }
        return z;
    }
}
