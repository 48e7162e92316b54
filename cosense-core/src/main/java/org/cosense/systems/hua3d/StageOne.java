package org.cosense.systems.hua3d;

import org.cosense.array.Upa;
import org.cosense.geom.SpatialFrequency;
import org.cosense.math.Complex;
import org.cosense.math.RandomStream;
import org.cosense.signal.ProbingCodebook;
import org.ejml.data.ZMatrixRMaj;

/**
 * Stage I of Hua et al. (IRS off): the BS probes with W (N × T1) and receives
 * Y = sum_k beta_BTB,k a_k a_k^T W + N, N i.i.d. CN(0, sigma^2) ((10)–(11), (15)).
 */
public final class StageOne {
    private StageOne() {
    }

    /** Noiseless echo sum_k beta_k a_k (a_k^T W) (N × T1). */
    public static ZMatrixRMaj echo(Scene scene, ZMatrixRMaj w) {
        Upa upa = scene.bsArray();
        int n = upa.size();
        int t = w.numCols;
        ZMatrixRMaj y = new ZMatrixRMaj(n, t);
        for (int k = 0; k < scene.targets().size(); k++) {
            SpatialFrequency f = scene.bsToTarget(k);
            double[] a = upa.steering(f.mu(), f.nu());
            double[] g = ProbingCodebook.transposeTimes(w, a);
            Complex b = scene.betaBtb(k);
            // y[n][t] += beta a_n g_t
            for (int r = 0; r < n; r++) {
                double br = b.re() * a[2 * r] - b.im() * a[2 * r + 1];
                double bi = b.re() * a[2 * r + 1] + b.im() * a[2 * r];
                int base = r * t * 2;
                for (int c = 0; c < t; c++) {
                    y.data[base + 2 * c] += br * g[2 * c] - bi * g[2 * c + 1];
                    y.data[base + 2 * c + 1] += br * g[2 * c + 1] + bi * g[2 * c];
                }
            }
        }
        return y;
    }

    /** Echo plus noise CN(0, sigma^2) per antenna per snapshot. */
    public static ZMatrixRMaj simulate(Scene scene, ZMatrixRMaj w, RandomStream rng) {
        ZMatrixRMaj y = echo(scene, w);
        addNoise(y, scene.noiseVariance(), rng);
        return y;
    }

    static void addNoise(ZMatrixRMaj y, double variance, RandomStream rng) {
        double s = Math.sqrt(variance / 2);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] += s * rng.nextGaussian();
        }
    }
}
