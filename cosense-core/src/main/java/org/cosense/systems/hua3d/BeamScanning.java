package org.cosense.systems.hua3d;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cosense.InvalidInputException;
import org.cosense.array.CentroidUla;
import org.cosense.array.Upa;
import org.cosense.estimation.doa.Beamscan;
import org.cosense.estimation.doa.DoaResult;
import org.cosense.geom.SpatialFrequency;
import org.cosense.math.RandomStream;
import org.cosense.signal.IrsBeam;

/**
 * The stage-II IRS scan protocol of Hua et al. (41)–(46): T2^y beams along y then T2^z beams
 * along z, separable w = w^y ⊗ w^z, on the grid g_i = -1 + 2i/(T2^y - 1) ([hua3d E9]).
 */
public final class BeamScanning {
    private BeamScanning() {
    }

    /** Scan sizes and the cross-dimension factor ([hua3d E10]). */
    public record Config(int beamsY, int beamsZ, CrossBeam cross) {
        public Config {
            InvalidInputException.require(beamsY >= 2, "T2/2 (beams along y)", beamsY, "must be at least 2");
            InvalidInputException.require(beamsZ >= 2, "T2/2 (beams along z)", beamsZ, "must be at least 2");
            if (cross == null) {
                throw new InvalidInputException("cross beam", null, "choose UNSTEERED, FOCUSED or SEQUENTIAL");
            }
        }

        /** T2 split evenly: T2^y = T2^z = T2/2. */
        public static Config ofT2(int t2, CrossBeam cross) {
            InvalidInputException.require(t2 >= 4 && t2 % 2 == 0, "T2", t2, "must be an even number of at least 4");
            return new Config(t2 / 2, t2 / 2, cross);
        }

        public int t2() {
            return beamsY + beamsZ;
        }
    }

    /** Result of a separable scan: measured powers per beam and the estimated effective frequency. */
    public record Scan(double[] gridY, double[] powerY, double[] gridZ, double[] powerZ, SpatialFrequency estimate) {

        /**
         * The estimate refined off the grid (CoSense extension, not in the paper): each scan's
         * amplitudes are fitted with the Case-1 beam response |y| ∝ |D_N(g - f)|^2 (the IRS beam acts
         * twice, (37)) over the samples within two main lobes of the best beam, and at least its two neighbours.
         */
        public SpatialFrequency refined(Upa irs) {
            return new SpatialFrequency(refineAxis(gridY, powerY, estimate.mu(), irs.ny()),
                    refineAxis(gridZ, powerZ, estimate.nu(), irs.nz()));
        }

        private static double refineAxis(double[] grid, double[] power, double best, int n) {
            int b = 0;
            for (int i = 0; i < grid.length; i++) {
                if (grid[i] == best) {
                    b = i;
                }
            }
            double lobe = 2.0 / n;
            double step = Math.abs(grid[1] - grid[0]);
            // at least the two neighbours of the best beam: the amplitude A and f need two samples or more
            return Beamscan.refine(grid, power, b, Math.max(2 * lobe, 1.01 * step), d -> {
                double a = CentroidUla.arrayFactor(d, n);
                return a * a;
            });
        }
    }

    /**
     * Single-target scan. {@code focus} is the true effective frequency, used only by
     * {@link CrossBeam#FOCUSED} (the genie cross factor).
     */
    public static Scan scan(StageTwo st, Config cfg, SpatialFrequency focus, RandomStream rng) {
        Upa r = st.scene().irs(irsIndexOf(st)).array();
        double[] gy = Beamscan.grid(cfg.beamsY());
        double[] gz = Beamscan.grid(cfg.beamsZ());
        double[] cz = switch (cfg.cross()) {
            case FOCUSED -> IrsBeam.pointing(focus.nu(), r.nz());
            case UNSTEERED, SEQUENTIAL -> IrsBeam.unsteered(r.nz());
        };
        double[] py = new double[gy.length];
        for (int i = 0; i < gy.length; i++) {
            py[i] = st.measurePower(new IrsBeam(IrsBeam.pointing(gy[i], r.ny()), cz), rng);
        }
        int iy = Beamscan.bestIndex(py);
        double[] cy = switch (cfg.cross()) {
            case FOCUSED -> IrsBeam.pointing(focus.mu(), r.ny());
            case UNSTEERED -> IrsBeam.unsteered(r.ny());
            case SEQUENTIAL -> IrsBeam.pointing(gy[iy], r.ny());
        };
        double[] pz = new double[gz.length];
        for (int i = 0; i < gz.length; i++) {
            pz[i] = st.measurePower(new IrsBeam(cy, IrsBeam.pointing(gz[i], r.nz())), rng);
        }
        int iz = belowIrs(gz, Beamscan.bestIndex(pz), st.scene().bsToIrsArrival(st.irsIndex()).nu());
        return new Scan(gy, py, gz, pz, new SpatialFrequency(gy[iy], gz[iz]));
    }

    /** False-alarm probability of one scan sample in noise alone (ASSUMED, 1e-3, [hua3d A16]). */
    public static final double FALSE_ALARM = 1e-3;

    /**
     * How far below the strongest echo a scan peak still counts as a target (ASSUMED, 40 dB, [hua3d A16]). Below it a
     * peak of the measured power is taken as a sidelobe, cross-path leak or ghost pairing of stronger
     * targets: with two targets in one beam the scan holds fewer target peaks than targets, and the next
     * local maxima are such leaks (in the fig. 11 scene 50 dB or more below the strongest).
     */
    public static final double DYNAMIC_RANGE_DB = 40;

    /** The detection rule of the multi-target scans: above the noise threshold and within the dynamic range. */
    public static Beamscan.Detection detection(StageTwo st) {
        return Beamscan.Detection.aboveNoise(st.noiseVariance(), FALSE_ALARM).withDynamicRange(DYNAMIC_RANGE_DB);
    }

    /**
     * Multi-target separable scan with unsteered cross factors ([hua3d S3.9] step 2, first method): up to K
     * local maxima of each scan give candidate values mu^(i) and nu^(j); every candidate pair (i, j) is
     * probed once with the steered beam w^y[i] ⊗ w^z[j] (at most K^2 extra probes, ASSUMED, not counted
     * in T2) and the K pairs with the largest measured power are kept if they pass {@link #detection}
     * (a pair probe that measured noise, a leak or a ghost pairing is not a target).
     * This generalizes the paper's "best of the K! pairings": two targets that share a beam in one
     * dimension (common with a 30 x 30 IRS in the paper's scene) still get two distinct pairs, where a
     * permutation would force a ghost. Returns the detected effective frequencies, strongest first; fewer
     * than K when fewer pairs pass ({@link DoaResult#resolved()} false).
     */
    public static DoaResult scanMulti(StageTwo st, Config cfg, int k, RandomStream rng) {
        Upa r = st.scene().irs(irsIndexOf(st)).array();
        double[] gy = Beamscan.grid(cfg.beamsY());
        double[] gz = Beamscan.grid(cfg.beamsZ());
        double[] ones = IrsBeam.unsteered(r.nz());
        double[] py = new double[gy.length];
        for (int i = 0; i < gy.length; i++) {
            py[i] = st.measurePower(new IrsBeam(IrsBeam.pointing(gy[i], r.ny()), ones), rng);
        }
        double[] onesY = IrsBeam.unsteered(r.ny());
        double[] pz = new double[gz.length];
        for (int i = 0; i < gz.length; i++) {
            pz[i] = st.measurePower(new IrsBeam(onesY, IrsBeam.pointing(gz[i], r.nz())), rng);
        }
        int[] iy = Beamscan.localPeaks(gy, py, k);
        int[] iz = Beamscan.localPeaks(gz, pz, k);
        double arrivalNu = st.scene().bsToIrsArrival(st.irsIndex()).nu();
        for (int i = 0; i < iz.length; i++) {
            iz[i] = belowIrs(gz, iz[i], arrivalNu);
        }
        List<double[]> pairs = new ArrayList<>(); // {mu, nu, power}
        for (int a : iy) {
            for (int b : iz) {
                pairs.add(new double[] {gy[a], gz[b], st.measurePower(IrsBeam.steered(r, gy[a], gz[b]), rng)});
            }
        }
        pairs.sort((x, y) -> Double.compare(y[2], x[2]));
        Beamscan.Detection detection = detection(st);
        List<double[]> found = new ArrayList<>();
        for (int a = 0; a < Math.min(k, pairs.size()); a++) {
            if (detection.accepts(pairs.get(a)[2], pairs.get(0)[2])) {
                found.add(new double[] {pairs.get(a)[0], pairs.get(a)[1]});
            }
        }
        return new DoaResult(k, 2, found, Optional.empty());
    }

    /**
     * Joint 2D scan over T2^y × T2^z steered beams ([hua3d S3.9], the paper's second method; Fig. 11(b)):
     * power[iz][iy].
     */
    public static double[][] jointScan(StageTwo st, double[] gy, double[] gz, RandomStream rng) {
        Upa r = st.scene().irs(irsIndexOf(st)).array();
        double[][] p = new double[gz.length][gy.length];
        for (int j = 0; j < gz.length; j++) {
            for (int i = 0; i < gy.length; i++) {
                p[j][i] = st.measurePower(IrsBeam.steered(r, gy[i], gz[j]), rng);
            }
        }
        return p;
    }

    /**
     * The scan grid as printed in (41)-(42): g_k = -1 + 2k/n, k = 1..n (excluding -1, including +1). [hua3d E9] uses
     * -1 + 2k/(n - 1), k = 0..n-1 for the separable scan; this one is offered for the joint scan as printed.
     */
    public static double[] printedGrid(int n) {
        InvalidInputException.require(n >= 2, "beams per scan dimension", n, "must be at least 2");
        double[] g = new double[n];
        for (int k = 1; k <= n; k++) {
            g[k - 1] = -1 + 2.0 * k / n;
        }
        return g;
    }

    /**
     * Multi-target joint 2D scan (the paper's second method, Section VI step 2): the K strongest local maxima
     * of the {@link #jointScan} power map over gy × gz that pass {@link #detection}, no pairing needed.
     * Fewer than K when fewer pass ({@link DoaResult#resolved()} false).
     */
    public static DoaResult scanMultiJoint(StageTwo st, double[] gy, double[] gz, int k, RandomStream rng) {
        double[][] p = jointScan(st, gy, gz, rng);
        double[][] byMu = new double[gy.length][gz.length]; // jointScan is indexed [nu][mu]
        for (int j = 0; j < gz.length; j++) {
            for (int i = 0; i < gy.length; i++) {
                byMu[i][j] = p[j][i];
            }
        }
        return Beamscan.detect(gy, gz, byMu, k, detection(st));
    }

    /**
     * The grid end points -1 and +1 steer the same beam (u(g + 2) = ±u(g)), so the scan cannot tell them
     * apart. Between the two, take the one whose IRS–target elevation frequency nu_I2T = g - nu_B2I^A is
     * not positive: the targets are below the IRS (footnote 2, ASSUMED prior). Other indices are kept.
     */
    static int belowIrs(double[] grid, int index, double arrivalNu) {
        int last = grid.length - 1;
        boolean wraps = Math.abs(grid[0] + 2 - grid[last]) < 1e-12;
        if (!wraps || (index != 0 && index != last)) {
            return index;
        }
        boolean lowOk = grid[0] - arrivalNu <= 0;
        boolean highOk = grid[last] - arrivalNu <= 0;
        if (lowOk == highOk) {
            return index;
        }
        return lowOk ? 0 : last;
    }

    private static int irsIndexOf(StageTwo st) {
        return st.irsIndex();
    }
}
