package org.cosense.channel;

import org.cosense.InvalidInputException;
import org.cosense.array.CentroidUla;
import org.cosense.math.Complex;
import org.ejml.data.ZMatrixRMaj;

/**
 * A geometric multipath channel between two half-wavelength ULAs with centre-referenced steering
 * ({@link CentroidUla}), n_rx × n_tx:
 * <pre>
 *   G = Σ_l α_l a_rx(sin θ^A_l) a_tx^H(sin θ^D_l)
 * </pre>
 * with θ^A_l the arrival angle at the receive array and θ^D_l the departure angle at the transmit
 * array, both from the array normals. The rank of G is at most the number of paths.
 */
public final class UlaMultipath {
    private UlaMultipath() {
    }

    /** G from per-path arrival angles, departure angles (rad) and complex gains. */
    public static ZMatrixRMaj of(int nRx, int nTx, double[] arrival, double[] departure, Complex[] gains) {
        InvalidInputException.positive("receive elements", nRx);
        InvalidInputException.positive("transmit elements", nTx);
        InvalidInputException.require(arrival.length == departure.length && arrival.length == gains.length, "path count",
                arrival.length + "/" + departure.length + "/" + gains.length, "arrival, departure and gain arrays must have equal length");
        ZMatrixRMaj g = new ZMatrixRMaj(nRx, nTx);
        for (int l = 0; l < gains.length; l++) {
            double[] a = CentroidUla.response(Math.sin(arrival[l]), nRx);
            double[] b = CentroidUla.response(Math.sin(departure[l]), nTx);
            double gr = gains[l].re();
            double gi = gains[l].im();
            for (int r = 0; r < nRx; r++) {
                // (α a_r)
                double ar = gr * a[2 * r] - gi * a[2 * r + 1];
                double ai = gr * a[2 * r + 1] + gi * a[2 * r];
                for (int c = 0; c < nTx; c++) {
                    double br = b[2 * c];
                    double bi = -b[2 * c + 1];
                    int idx = 2 * (r * nTx + c);
                    g.data[idx] += ar * br - ai * bi;
                    g.data[idx + 1] += ar * bi + ai * br;
                }
            }
        }
        return g;
    }
}
