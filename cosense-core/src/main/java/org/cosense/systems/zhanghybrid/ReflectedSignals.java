package org.cosense.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.channel.UlaMultipath;
import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.RandomStream;
import org.cosense.math.ThinSvd;
import org.ejml.data.ZMatrixRMaj;

/**
 * One realization of what each IRS reflects towards the target (eqs. (1), (4)–(6)):
 * the BS–IRS multipath channel G_j (N × N_t), the BS beamformer W_j (N_t × D), the IRS phases Φ_j
 * and C_j = Φ_j G_j W_j (N × D), so that the reflected-signal matrix of IRS j is Z_j = C_j S_j.
 * With the deterministic streams S_j S_j^H = T I_D [zhanghybrid P12], R~_j = Z_j Z_j^H = T C_j C_j^H,
 * the matrix every FIM of {@link HybridFim} is built from.
 *
 * <p>[zhanghybrid A2]: G_j has a line-of-sight path with gain (λ/(4π d_0j)) e^{−j2π d_0j/λ} at the
 * geometric angles and L − 1 scattered paths with angles uniform in (−π/2, π/2) at both ends and gains
 * CN(0, (λ/(4π d_0j))²/(κ(L − 1))). [zhanghybrid A3]: W_j = sqrt(P/(K D)) V_j, V_j the D dominant right
 * singular vectors of G_j (the ideal orthogonal groups of (5): IRS j reflects only group j).
 * Phases: i.i.d. uniform in [0, 2π) (paper) or configured, unit modulus.
 */
public final class ReflectedSignals {
    private final List<ZMatrixRMaj> channels;
    private final List<ZMatrixRMaj> beamformers;
    private final double[][] phases;
    private final List<ZMatrixRMaj> reflections;
    private final int frameSamples;

    private ReflectedSignals(List<ZMatrixRMaj> channels, List<ZMatrixRMaj> beamformers, double[][] phases,
            List<ZMatrixRMaj> reflections, int frameSamples) {
        this.channels = channels;
        this.beamformers = beamformers;
        this.phases = phases;
        this.reflections = reflections;
        this.frameSamples = frameSamples;
    }

    /** Random channels and random IRS phases. */
    public static ReflectedSignals draw(HybridScene scene, HybridParameters prm, RandomStream rng) {
        return draw(scene, prm, rng, null);
    }

    /**
     * Random channels; {@code phases} (K × N, radians) configured, or null for i.i.d. uniform phases.
     * Draw order: per IRS, the channel's scattered paths, then the phases.
     */
    public static ReflectedSignals draw(HybridScene scene, HybridParameters prm, RandomStream rng, double[][] phases) {
        int k = scene.irsCount();
        int n = prm.elements();
        if (phases != null) {
            InvalidInputException.require(phases.length == k, "IRS phases", phases.length + " rows", "must have one row per IRS (" + k + ")");
            for (int j = 0; j < k; j++) {
                InvalidInputException.require(phases[j].length == n, "IRS phases", j + 1, phases[j].length + " values",
                        "must have N = " + n + " values");
            }
        }
        List<ZMatrixRMaj> g = new ArrayList<>();
        List<ZMatrixRMaj> w = new ArrayList<>();
        List<ZMatrixRMaj> c = new ArrayList<>();
        double[][] ph = new double[k][];
        double lambda = prm.wavelength();
        for (int j = 0; j < k; j++) {
            RandomStream r = rng.split(j);
            ZMatrixRMaj gj = bsIrsChannel(n, prm.bsAntennas(), prm.bsIrsPaths(), prm.ricianFactor(), lambda, scene.bsDistance(j),
                    scene.bsAngleAtIrs(j), scene.irsAngleAtBs(j), r);
            ZMatrixRMaj wj = beamformer(gj, prm.streams(), prm.powerWatts() / k);
            double[] pj = new double[n];
            for (int i = 0; i < n; i++) {
                pj[i] = phases != null ? phases[j][i] : r.nextPhase();
            }
            g.add(gj);
            w.add(wj);
            ph[j] = pj;
            c.add(reflection(pj, gj, wj));
        }
        return new ReflectedSignals(g, w, ph, c, prm.frameSamples());
    }

    /** G (1): line of sight plus L − 1 scattered paths [zhanghybrid A2]. */
    public static ZMatrixRMaj bsIrsChannel(int n, int nt, int paths, double kappa, double lambda, double d0, double arrival,
            double departure, RandomStream rng) {
        double amp = lambda / (4 * Math.PI * d0);
        double[] a = new double[paths];
        double[] d = new double[paths];
        Complex[] gain = new Complex[paths];
        a[0] = arrival;
        d[0] = departure;
        gain[0] = Complex.polar(amp, -2 * Math.PI * d0 / lambda);
        double var = paths > 1 ? amp * amp / (kappa * (paths - 1)) : 0;
        double[] z = new double[2];
        for (int l = 1; l < paths; l++) {
            a[l] = Math.PI * (rng.nextDouble() - 0.5);
            d[l] = Math.PI * (rng.nextDouble() - 0.5);
            rng.complexGaussian(z, 0, 1, var);
            gain[l] = new Complex(z[0], z[1]);
        }
        return UlaMultipath.of(n, nt, a, d, gain);
    }

    /** W = sqrt(power/D) V_D, V_D the D dominant right singular vectors of G (tr W W^H = power). */
    public static ZMatrixRMaj beamformer(ZMatrixRMaj g, int d, double power) {
        ZMatrixRMaj v = ComplexLinalg.columns(ThinSvd.decompose(g).v(), 0, d);
        return ComplexLinalg.scale(Math.sqrt(power / d), v);
    }

    /** C = Φ G W with Φ = diag(e^{jφ_n}). */
    public static ZMatrixRMaj reflection(double[] phases, ZMatrixRMaj g, ZMatrixRMaj w) {
        ZMatrixRMaj gw = ComplexLinalg.mult(g, w);
        for (int r = 0; r < gw.numRows; r++) {
            double cr = Math.cos(phases[r]);
            double ci = Math.sin(phases[r]);
            for (int c = 0; c < gw.numCols; c++) {
                int i = 2 * (r * gw.numCols + c);
                double xr = gw.data[i];
                double xi = gw.data[i + 1];
                gw.data[i] = cr * xr - ci * xi;
                gw.data[i + 1] = cr * xi + ci * xr;
            }
        }
        return gw;
    }

    public int irsCount() {
        return reflections.size();
    }

    public ZMatrixRMaj channel(int j) {
        return channels.get(j).copy();
    }

    public ZMatrixRMaj beamformer(int j) {
        return beamformers.get(j).copy();
    }

    public double[] phases(int j) {
        return phases[j].clone();
    }

    /** C_j = Φ_j G_j W_j (N × D). */
    public ZMatrixRMaj reflection(int j) {
        return reflections.get(j).copy();
    }

    /** R~_j = Z_j Z_j^H = T C_j C_j^H (N × N). */
    public ZMatrixRMaj covariance(int j) {
        ZMatrixRMaj c = reflections.get(j);
        return ComplexLinalg.scale(frameSamples, ComplexLinalg.multTransB(c, c));
    }

    /** R~_j for every IRS. */
    public List<ZMatrixRMaj> covariances() {
        List<ZMatrixRMaj> out = new ArrayList<>();
        for (int j = 0; j < irsCount(); j++) {
            out.add(covariance(j));
        }
        return out;
    }

    /** rank Z_j = rank C_j (S_j has full row rank), by the rule of {@link RankCase#numericalRank}. */
    public int rank(int j) {
        return rank(reflections.get(j));
    }

    /** The case of Section IV that applies to IRS j. */
    public RankCase rankCase(int j) {
        return RankCase.of(rank(j), reflections.get(j).numRows);
    }

    static int rank(ZMatrixRMaj a) {
        return RankCase.numericalRank(a);
    }
}
