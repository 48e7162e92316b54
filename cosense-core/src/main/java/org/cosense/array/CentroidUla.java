package org.cosense.array;

/**
 * The centroid-referenced ULA response of Hua et al. (1):
 * u(phi, N)_n = exp(j pi phi (n - (N-1)/2)), n = 0..N-1, with phi a spatial frequency
 * (direction cosine for half-wavelength spacing).
 *
 * <p>Centroid referencing makes u^H du = 0, which is why the stage-I FIM has vanishing cross
 * terms (79)–(86). Vectors are interleaved (re, im) {@code double[]} of length 2N.
 */
public final class CentroidUla {
    private CentroidUla() {
    }

    /** Writes u(phi, n) into {@code out[off .. off + 2n)}. */
    public static void response(double phi, int n, double[] out, int off) {
        double c = (n - 1) / 2.0;
        // Rotation recurrence would drift; direct evaluation keeps every element exact to rounding.
        for (int i = 0; i < n; i++) {
            double a = Math.PI * phi * (i - c);
            out[off + 2 * i] = Math.cos(a);
            out[off + 2 * i + 1] = Math.sin(a);
        }
    }

    public static double[] response(double phi, int n) {
        double[] out = new double[2 * n];
        response(phi, n, out, 0);
        return out;
    }

    /** du/dphi = j pi D_N u, D_N = diag(n - (N-1)/2). */
    public static double[] derivative(double phi, int n) {
        double[] u = response(phi, n);
        double c = (n - 1) / 2.0;
        double[] d = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double w = Math.PI * (i - c);
            d[2 * i] = -w * u[2 * i + 1];
            d[2 * i + 1] = w * u[2 * i];
        }
        return d;
    }

    /** d^2u/dphi^2 = -(pi D_N)^2 u. */
    public static double[] secondDerivative(double phi, int n) {
        double[] u = response(phi, n);
        double c = (n - 1) / 2.0;
        double[] d = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double w = Math.PI * (i - c);
            d[2 * i] = -w * w * u[2 * i];
            d[2 * i + 1] = -w * w * u[2 * i + 1];
        }
        return d;
    }

    /** Closed form of du^H du = pi^2 N (N^2 - 1) / 12; (77)–(78). */
    public static double derivativeNorm2(int n) {
        return Math.PI * Math.PI * n * ((double) n * n - 1) / 12.0;
    }

    /**
     * The unnormalized array factor u(phi1, N)^H u(phi2, N) magnitude
     * |sin(N pi d / 2) / sin(pi d / 2)| with d = phi2 - phi1 (Dirichlet kernel, N at d = 0).
     */
    public static double arrayFactor(double delta, int n) {
        double s = Math.sin(Math.PI * delta / 2.0);
        if (Math.abs(s) < 1e-12) {
            return n;
        }
        return Math.abs(Math.sin(n * Math.PI * delta / 2.0) / s);
    }
}
