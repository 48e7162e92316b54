package org.cosense.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.array.CentroidUla;
import org.cosense.bounds.Crb;
import org.cosense.bounds.CrbResult;
import org.cosense.channel.PathLoss;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The closed-form Fisher information of Zhang et al. for the observation (7') of every path (j, k),
 * IRS j → target → IRS k:
 * <pre>
 *   Y_jk = g_jk a_M(θ_k) a_N^T(θ_j) Z_j(τ_jk) + N_jk,   |g_jk| = sqrt(λ² σ_rcs / ((4π)³ d_j² d_k²))   (3), (7')
 *   J_τ,jk = (2 |g_jk|² M / σ²) a_N^T(θ_j) Ṙ_j a_N^*(θ_j)                                              (12)
 *   J_A,k  = Σ_j (2 |g_jk|² / σ²) π² cos²θ_k S2(M) a_N^T(θ_j) R~_j a_N^*(θ_j)                          (15)
 *   J_D,j  = Σ_k (2 |g_jk|² M / σ²) ȧ_N^T(θ_j) R~_j ȧ_N^*(θ_j)                                         (16)
 * </pre>
 * with R~_j = Z_j Z_j^H, Ṙ_j = Σ_t ż_j(t) ż_j(t)^H the same for the waveform's time derivative
 * (4π² B_rms² R~_j for a flat spectrum, [zhanghybrid E7]), centre-referenced steering so that the
 * AOA/AOD blocks are exactly diagonal [zhanghybrid E5], S2(n) = n(n² − 1)/12, and the gains known with
 * a phase that is not a function of the delay [zhanghybrid A5].
 *
 * <p>The position FIM (17)–(19) is T^T J_η T computed in metres [zhanghybrid P1]: a cascaded delay
 * carries J_τ/c² about the path length, with gradient u_j + u_k; an angle carries J_A,k + J_D,k (AOA and
 * AOD of one IRS are the same angle in the far field) with gradient ∂θ_k/∂p. {@link Scheme} selects the
 * baselines of Section VI-A.
 */
public final class HybridFim {
    /** The bounds compared in Figs. 3–5. */
    public enum Scheme {
        /** All K² cascaded paths, delays, AOAs and AODs. */
        PROPOSED("proposed"),
        /** Angles only (delay rows dropped). */
        ANGLE("angle"),
        /** Cascaded delays only. */
        DELAY("delay"),
        /** Each IRS only its own echo (j = k), power P/K per IRS, full bandwidth [zhanghybrid A6]. */
        NO_COLLABORATION("nocollab"),
        /** All hardware at IRS 1: K N elements, K M sensors, full power, one path [zhanghybrid A7]. */
        SINGLE("single");

        private final String series;

        Scheme(String series) {
            this.series = series;
        }

        /** The series name of the figures. */
        public String series() {
            return series;
        }
    }

    private final HybridScene scene;
    private final HybridParameters prm;
    private final List<ZMatrixRMaj> covariances;
    private final List<ZMatrixRMaj> derivativeCovariances;
    private final double[][] gain2;

    /**
     * @param covariances           R~_j per IRS (N × N)
     * @param derivativeCovariances Ṙ_j per IRS (N × N), or null for the flat spectrum 4π² B_rms² R~_j
     */
    public HybridFim(HybridScene scene, HybridParameters prm, List<ZMatrixRMaj> covariances, List<ZMatrixRMaj> derivativeCovariances) {
        int k = scene.irsCount();
        InvalidInputException.require(covariances.size() == k, "reflected-signal covariances", covariances.size(),
                "must have one per IRS (" + k + ")");
        for (int j = 0; j < k; j++) {
            ZMatrixRMaj r = covariances.get(j);
            InvalidInputException.require(r.numRows == prm.elements() && r.numCols == prm.elements(), "reflected-signal covariance",
                    j + 1, r.numRows + "x" + r.numCols, "must be N x N = " + prm.elements() + "x" + prm.elements());
        }
        this.scene = scene;
        this.prm = prm;
        this.covariances = List.copyOf(covariances);
        if (derivativeCovariances == null) {
            double s = 4 * Math.PI * Math.PI * prm.rmsBandwidthSquared();
            List<ZMatrixRMaj> d = new ArrayList<>();
            for (ZMatrixRMaj r : covariances) {
                d.add(ComplexLinalg.scale(s, r));
            }
            this.derivativeCovariances = d;
        } else {
            InvalidInputException.require(derivativeCovariances.size() == k, "derivative covariances", derivativeCovariances.size(),
                    "must have one per IRS (" + k + ")");
            this.derivativeCovariances = List.copyOf(derivativeCovariances);
        }
        gain2 = new double[k][k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                double a = PathLoss.radarAmplitude(prm.wavelength(), prm.rcs(), scene.distance(j), scene.distance(i));
                gain2[j][i] = a * a;
            }
        }
    }

    /** The FIM of one realization with the flat-spectrum waveform. */
    public static HybridFim of(HybridScene scene, HybridParameters prm, ReflectedSignals signals) {
        return new HybridFim(scene, prm, signals.covariances(), null);
    }

    /** S2(n) = Σ i_m², i_m = m − (n − 1)/2. */
    public static double s2(int n) {
        return n * ((double) n * n - 1) / 12.0;
    }

    /** |g_jk|² (3). */
    public double gainSquared(int j, int k) {
        return gain2[j][k];
    }

    /** x^H R x for an interleaved vector x (real for Hermitian R). */
    static double quadratic(ZMatrixRMaj r, double[] x) {
        int n = r.numRows;
        double s = 0;
        for (int a = 0; a < n; a++) {
            double tr = 0;
            double ti = 0;
            for (int b = 0; b < n; b++) {
                int i = 2 * (a * n + b);
                double rr = r.data[i];
                double ri = r.data[i + 1];
                tr += rr * x[2 * b] - ri * x[2 * b + 1];
                ti += rr * x[2 * b + 1] + ri * x[2 * b];
            }
            s += x[2 * a] * tr + x[2 * a + 1] * ti;
        }
        return s;
    }

    private static double[] conj(double[] a) {
        double[] c = a.clone();
        for (int i = 1; i < c.length; i += 2) {
            c[i] = -c[i];
        }
        return c;
    }

    /** a_N^T R a_N^* = (a_N^*)^H R a_N^*: the energy IRS j sends towards angle θ. */
    public static double beamEnergy(ZMatrixRMaj r, double theta) {
        return quadratic(r, conj(CentroidUla.response(Math.sin(theta), r.numRows)));
    }

    /** ȧ_N^T R ȧ_N^*, ȧ_N = ∂a_N/∂θ = cos θ · j π diag(i) a_N. */
    public static double beamSlopeEnergy(ZMatrixRMaj r, double theta) {
        double[] d = CentroidUla.derivative(Math.sin(theta), r.numRows);
        double c = Math.cos(theta);
        for (int i = 0; i < d.length; i++) {
            d[i] *= c;
        }
        return quadratic(r, conj(d));
    }

    /**
     * ȧ_N^T R ȧ_N^* − |a_N^T R ȧ_N^*|² / (a_N^T R a_N^*): {@link #beamSlopeEnergy} less its part along the beam a_N^T Z itself,
     * which an unknown complex path gain absorbs. Equal to it when R ∝ I (centred indices make a_N^H ȧ_N = 0), smaller
     * otherwise [zhanghybrid P14].
     */
    public static double beamSlopeEnergyUnknownGain(ZMatrixRMaj r, double theta) {
        double[] d = CentroidUla.derivative(Math.sin(theta), r.numRows);
        double c = Math.cos(theta);
        for (int i = 0; i < d.length; i++) {
            d[i] *= c;
        }
        double[] x = conj(d);
        double[] y = conj(CentroidUla.response(Math.sin(theta), r.numRows));
        int n = r.numRows;
        double cr = 0;
        double ci = 0;
        for (int a = 0; a < n; a++) {
            double tr = 0;
            double ti = 0;
            for (int b = 0; b < n; b++) {
                int i = 2 * (a * n + b);
                tr += r.data[i] * x[2 * b] - r.data[i + 1] * x[2 * b + 1];
                ti += r.data[i] * x[2 * b + 1] + r.data[i + 1] * x[2 * b];
            }
            // y^H (R x)
            cr += y[2 * a] * tr + y[2 * a + 1] * ti;
            ci += y[2 * a] * ti - y[2 * a + 1] * tr;
        }
        return quadratic(r, x) - (cr * cr + ci * ci) / quadratic(r, y);
    }

    /**
     * The AOD information of IRS j when the path gains g_jk are unknown (each path's (16) term with
     * {@link #beamSlopeEnergyUnknownGain}), rad⁻²: what an estimator that must estimate the gains, as the joint ANM and
     * the trust region do, can reach. At most {@link #departure} [zhanghybrid P14].
     */
    public double departureUnknownGains(int j) {
        double s = 0;
        double e = beamSlopeEnergyUnknownGain(covariances.get(j), scene.angle(j));
        for (int k = 0; k < scene.irsCount(); k++) {
            s += 2 * gain2[j][k] * prm.sensors() / prm.noiseWatts() * e;
        }
        return s;
    }

    /** J_τ,jk (12), s⁻². */
    public double delay(int j, int k) {
        return 2 * gain2[j][k] * prm.sensors() / prm.noiseWatts() * beamEnergy(derivativeCovariances.get(j), scene.angle(j));
    }

    /** The term of path (j, k) in J_A,k (15). */
    public double arrivalTerm(int j, int k) {
        double c = Math.cos(scene.angle(k));
        return 2 * gain2[j][k] / prm.noiseWatts() * Math.PI * Math.PI * c * c * s2(prm.sensors())
                * beamEnergy(covariances.get(j), scene.angle(j));
    }

    /** The term of path (j, k) in J_D,j (16). */
    public double departureTerm(int j, int k) {
        return 2 * gain2[j][k] * prm.sensors() / prm.noiseWatts() * beamSlopeEnergy(covariances.get(j), scene.angle(j));
    }

    /** J_A,k (15), rad⁻². */
    public double arrival(int k) {
        double s = 0;
        for (int j = 0; j < scene.irsCount(); j++) {
            s += arrivalTerm(j, k);
        }
        return s;
    }

    /** J_D,j (16), rad⁻². */
    public double departure(int j) {
        double s = 0;
        for (int k = 0; k < scene.irsCount(); k++) {
            s += departureTerm(j, k);
        }
        return s;
    }

    /** J_A,k + J_D,k: the information about θ_k from all paths. */
    public double angle(int k) {
        return arrival(k) + departure(k);
    }

    /** The 2×2 position FIM (m⁻²) of a multi-IRS scheme (not {@link Scheme#SINGLE}: see {@link #single}). */
    public DMatrixRMaj position(Scheme scheme) {
        InvalidInputException.require(scheme != Scheme.SINGLE, "scheme", scheme, "single IRS has its own model: HybridFim.single");
        int k = scene.irsCount();
        DMatrixRMaj f = new DMatrixRMaj(2, 2);
        double c2 = HybridParameters.C * HybridParameters.C;
        boolean delays = scheme != Scheme.ANGLE;
        boolean angles = scheme != Scheme.DELAY;
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                if (scheme == Scheme.NO_COLLABORATION && i != j) {
                    continue;
                }
                if (delays) {
                    double[] uj = scene.unit(j);
                    double[] ui = scene.unit(i);
                    addOuter(f, new double[] {uj[0] + ui[0], uj[1] + ui[1]}, delay(j, i) / c2);
                }
                if (angles) {
                    // path (j, i) informs θ_i through its AOA and θ_j through its AOD
                    addOuter(f, scene.angleGradient(i), arrivalTerm(j, i));
                    addOuter(f, scene.angleGradient(j), departureTerm(j, i));
                }
            }
        }
        return f;
    }

    /** The position CRB of a multi-IRS scheme; not identifiable (singular FIM) is a result [zhanghybrid C7]. */
    public CrbResult crb(Scheme scheme) {
        return Crb.of(position(scheme));
    }

    /** tr CRB(p) (m²), +∞ when not identifiable. */
    public double crbTrace(Scheme scheme) {
        return crb(scheme).sumOfVariances(0, 1);
    }

    /**
     * The single-IRS position FIM [zhanghybrid A7]: IRS 1 of the scene with the K N elements and K M sensors
     * of the distributed system and the full power, one monostatic path (1, 1); {@code covariance} is its
     * K N × K N reflected-signal covariance.
     */
    public static DMatrixRMaj single(HybridScene scene, HybridParameters combined, ZMatrixRMaj covariance) {
        double d = scene.distance(0);
        double theta = scene.angle(0);
        double a = PathLoss.radarAmplitude(combined.wavelength(), combined.rcs(), d, d);
        double g2 = a * a;
        double m = combined.sensors();
        double sigma2 = combined.noiseWatts();
        double jt = 2 * g2 * m / sigma2 * 4 * Math.PI * Math.PI * combined.rmsBandwidthSquared() * beamEnergy(covariance, theta);
        double c = Math.cos(theta);
        double ja = 2 * g2 / sigma2 * Math.PI * Math.PI * c * c * s2(combined.sensors()) * beamEnergy(covariance, theta);
        double jd = 2 * g2 * m / sigma2 * beamSlopeEnergy(covariance, theta);
        DMatrixRMaj f = new DMatrixRMaj(2, 2);
        double[] u = scene.unit(0);
        addOuter(f, new double[] {2 * u[0], 2 * u[1]}, jt / (HybridParameters.C * HybridParameters.C));
        addOuter(f, scene.angleGradient(0), ja + jd);
        return f;
    }

    static void addOuter(DMatrixRMaj f, double[] g, double w) {
        f.add(0, 0, w * g[0] * g[0]);
        f.add(0, 1, w * g[0] * g[1]);
        f.add(1, 0, w * g[1] * g[0]);
        f.add(1, 1, w * g[1] * g[1]);
    }
}
