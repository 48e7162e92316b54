package org.cosense.estimation.doa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cosense.InvalidInputException;
import org.cosense.array.Upa;
import org.cosense.geom.SpatialFrequency;
import org.cosense.math.Fft;
import org.ejml.data.ZMatrixRMaj;

/**
 * 2D MUSIC for a UPA with the centroid-referenced steering model (Hua et al. (12)–(14)).
 *
 * <p>Spectrum S(mu, nu) = 1 / (a^H (I - U_s U_s^H) a) = 1 / (N - ||U_s^H a||^2). Because
 * a = u(mu) ⊗ u(nu), each term a^H u_k is a 2D DFT of the k-th subspace column reshaped to
 * ny × nz; a zero-padded 2D FFT evaluates ||U_s^H a||^2 on a (gridSize × gridSize) grid of
 * spatial frequencies with step 2 / gridSize at O(K G^2 log G). The highest local maxima are refined
 * by Newton's method on the exact function to |step| < 1e-10, folded into [-1, 1)^2 and, with the
 * search region set to the visible region mu^2 + nu^2 <= 1 (ASSUMED: sources are physical directions),
 * kept only if they lie in it; the K strongest distinct ones are returned. When fewer than K are
 * found the result says so ({@link DoaResult#resolved()}).
 *
 * <p>Thread-safe: holds only immutable configuration.
 */
public final class Music2D implements DoaEstimator {
    private final Upa upa;
    private final int gridSize;
    private final boolean visibleOnly;

    /**
     * @param gridSize FFT size per dimension (coarse search grid, step 2/gridSize); must be at least
     *                 2 × the array side so the main lobe (width 4/N) spans several cells
     */
    public Music2D(Upa upa, int gridSize, boolean visibleOnly) {
        this.upa = upa;
        InvalidInputException.require(gridSize >= 2 * Math.max(upa.ny(), upa.nz()) && gridSize >= 8, "MUSIC grid size",
                gridSize, "must be at least 8 and at least twice the array side " + Math.max(upa.ny(), upa.nz()));
        this.gridSize = gridSize;
        this.visibleOnly = visibleOnly;
    }

    /** Default: FFT grid of 128 or the next power of two above 4 × the array side; visible region. */
    public Music2D(Upa upa) {
        this(upa, Math.max(128, Integer.highestOneBit(Math.max(upa.ny(), upa.nz()) * 4 - 1) << 1), true);
    }

    @Override
    public int parameterDimension() {
        return 2;
    }

    /** MUSIC from raw snapshots Y (N × T), through the thin SVD of Y when T < N ({@link SignalSubspace}). */
    @Override
    public DoaResult estimateFromSnapshots(ZMatrixRMaj snapshots, int k) {
        checkRows(snapshots.numRows);
        return estimateFromSubspace(SignalSubspace.ofSnapshots(snapshots, k));
    }

    /** MUSIC from a sample covariance R (N × N). */
    @Override
    public DoaResult estimateFromCovariance(ZMatrixRMaj r, int k) {
        checkRows(r.numRows);
        return estimateFromSubspace(SignalSubspace.ofCovariance(r, k));
    }

    private void checkRows(int rows) {
        InvalidInputException.require(rows == upa.size(), "rows of the data", rows,
                "must equal the number of array elements " + upa.size());
    }

    /**
     * MUSIC from an orthonormal signal subspace (N × K): the K strongest distinct peaks, each refined,
     * folded into [-1, 1)^2 and, for the visible region, kept only if it is a physical direction.
     *
     * <p>The visible-region test is applied to the refined peaks, not to the coarse grid: a source near
     * the edge of the disk (close to the array plane) can have its nearest grid point just outside it.
     * The coarse search therefore admits grid peaks up to {@link #COARSE_MARGIN_STEPS} grid steps beyond
     * the disk; a refined peak at most {@link #edgeTolerance()} outside it is projected radially onto
     * the disk (the nearest physical direction), one further out is not a source.
     */
    public DoaResult estimateFromSubspace(ZMatrixRMaj us) {
        int k = us.numCols;
        double[][] p = subspacePowerGrid(us);
        boolean[][] mask = null;
        if (visibleOnly) {
            double radius = 1.0 + COARSE_MARGIN_STEPS * 2.0 / gridSize;
            mask = new boolean[gridSize][gridSize];
            for (int i = 0; i < gridSize; i++) {
                for (int j = 0; j < gridSize; j++) {
                    double m = gridFrequency(i);
                    double n = gridFrequency(j);
                    mask[i][j] = m * m + n * n <= radius * radius;
                }
            }
        }
        List<PeakFinder2D.Peak> peaks = PeakFinder2D.highest(p, true, mask, 2 * k + 8);
        List<SpatialFrequency> doas = new ArrayList<>();
        double duplicate = 1.0 / gridSize; // half a grid step: two grid peaks that refine to one maximum
        for (PeakFinder2D.Peak pk : peaks) {
            if (doas.size() == k) {
                break;
            }
            SpatialFrequency f = fold(refine(us, gridFrequency(pk.i()), gridFrequency(pk.j())));
            if (visibleOnly) {
                double r = Math.hypot(f.mu(), f.nu());
                if (r > 1.0 + edgeTolerance()) {
                    continue;
                }
                if (r > 1.0) {
                    f = new SpatialFrequency(f.mu() / r, f.nu() / r);
                }
            }
            boolean seen = false;
            for (SpatialFrequency d : doas) {
                seen |= periodicDistance(d, f) < duplicate;
            }
            if (!seen) {
                doas.add(f);
            }
        }
        return DoaResult.ofFrequencies(k, doas, Optional.of(spectrumOnGrid(p)));
    }

    /** Coarse grid peaks up to this many grid steps outside the visible disk are refined. */
    static final double COARSE_MARGIN_STEPS = 2.0;

    /**
     * How far outside the visible disk a refined peak may lie and still be taken as a source on its
     * edge: a quarter of the main-lobe width 4 / N (ASSUMED, [hua3d A17]). Noise moves a peak by far less than this
     * at any SNR where MUSIC works; a peak further out lies in the invisible region.
     */
    public double edgeTolerance() {
        return 1.0 / Math.max(upa.ny(), upa.nz());
    }

    /** (mu, nu) folded into [-1, 1)^2: the steering vector is periodic in each with period 2 (d = lambda/2). */
    static SpatialFrequency fold(SpatialFrequency f) {
        return new SpatialFrequency(fold(f.mu()), fold(f.nu()));
    }

    static double fold(double x) {
        double y = x - 2.0 * Math.floor((x + 1.0) / 2.0);
        return y >= 1.0 ? y - 2.0 : y;
    }

    private static double periodicDistance(SpatialFrequency a, SpatialFrequency b) {
        return Math.hypot(fold(a.mu() - b.mu()), fold(a.nu() - b.nu()));
    }

    /** The pseudo-spectrum 1 / (N - ||U_s^H a||^2) on the FFT grid, axes ascending from -1. */
    private DoaResult.Spectrum spectrumOnGrid(double[][] p) {
        int g = gridSize;
        double[] axis = new double[g];
        double[] values = new double[g * g];
        int n = upa.size();
        for (int a = 0; a < g; a++) {
            axis[a] = -1.0 + 2.0 * a / g;
            int i = (a + g / 2) % g;
            for (int b = 0; b < g; b++) {
                int j = (b + g / 2) % g;
                values[a * g + b] = 1.0 / Math.max(1e-300, n - p[i][j]);
            }
        }
        return new DoaResult.Spectrum(new double[][] {axis, axis.clone()}, values);
    }

    /** Spatial frequency of FFT bin i: 2i/G folded into [-1, 1). */
    public double gridFrequency(int i) {
        double f = 2.0 * i / gridSize;
        return f >= 1.0 ? f - 2.0 : f;
    }

    public int gridSize() {
        return gridSize;
    }

    /**
     * ||U_s^H a(mu_i, nu_j)||^2 on the FFT grid, indexed [i][j] with mu_i = gridFrequency(i),
     * nu_j = gridFrequency(j).
     */
    public double[][] subspacePowerGrid(ZMatrixRMaj us) {
        int g = gridSize;
        int ny = upa.ny();
        int nz = upa.nz();
        double[][] p = new double[g][g];
        double[] buf = new double[2 * g * g];
        for (int c = 0; c < us.numCols; c++) {
            java.util.Arrays.fill(buf, 0);
            for (int iy = 0; iy < ny; iy++) {
                for (int iz = 0; iz < nz; iz++) {
                    int n = iy * nz + iz;
                    int o = 2 * (iy * g + iz);
                    buf[o] = us.getReal(n, c);
                    buf[o + 1] = us.getImag(n, c);
                }
            }
            // forward DFT: X[p][q] = sum M[iy][iz] e^{-j2pi(p iy + q iz)/G} = a^H u_k at mu = 2p/G, nu = 2q/G
            Fft.forward2(buf, g, g);
            for (int i = 0; i < g; i++) {
                double[] row = p[i];
                int base = 2 * i * g;
                for (int j = 0; j < g; j++) {
                    double re = buf[base + 2 * j];
                    double im = buf[base + 2 * j + 1];
                    row[j] += re * re + im * im;
                }
            }
        }
        return p;
    }

    /** Exact ||U_s^H a(mu, nu)||^2 at one point. */
    public double subspacePower(ZMatrixRMaj us, double mu, double nu) {
        return evaluate(us, mu, nu, null);
    }

    /** Pseudo-spectrum S(mu, nu) = 1 / (N - ||U_s^H a||^2) on arbitrary grid points (for plots). */
    public double[][] spectrum(ZMatrixRMaj us, double[] mus, double[] nus) {
        double[][] s = new double[nus.length][mus.length];
        for (int j = 0; j < nus.length; j++) {
            for (int i = 0; i < mus.length; i++) {
                s[j][i] = 1.0 / Math.max(1e-300, upa.size() - subspacePower(us, mus[i], nus[j]));
            }
        }
        return s;
    }

    /** Newton ascent on P(mu, nu) = ||U_s^H a||^2 from a grid peak; gradient steps when not concave. */
    SpatialFrequency refine(ZMatrixRMaj us, double mu, double nu) {
        double[] d = new double[5];
        double step = 2.0 / gridSize;
        for (int it = 0; it < 50; it++) {
            double p0 = evaluate(us, mu, nu, d);
            double gm = d[0];
            double gn = d[1];
            double hmm = d[2];
            double hnn = d[3];
            double hmn = d[4];
            double det = hmm * hnn - hmn * hmn;
            double dm;
            double dn;
            if (hmm < 0 && det > 0) {
                dm = -(hnn * gm - hmn * gn) / det;
                dn = -(-hmn * gm + hmm * gn) / det;
            } else {
                double g = Math.hypot(gm, gn);
                if (g == 0) {
                    break;
                }
                dm = step * gm / g;
                dn = step * gn / g;
            }
            // keep steps inside the coarse cell scale and backtrack if the power drops
            double len = Math.hypot(dm, dn);
            if (len > step) {
                dm *= step / len;
                dn *= step / len;
            }
            double t = 1.0;
            boolean improved = false;
            for (int bt = 0; bt < 30; bt++) {
                if (evaluate(us, mu + t * dm, nu + t * dn, null) >= p0) {
                    improved = true;
                    break;
                }
                t *= 0.5;
            }
            if (!improved) {
                break;
            }
            mu += t * dm;
            nu += t * dn;
            if (Math.hypot(t * dm, t * dn) < 1e-10) {
                break;
            }
        }
        return new SpatialFrequency(mu, nu);
    }

    /**
     * P = sum_k |c_k|^2 with c_k = a^H u_k; if {@code d} is non-null fills
     * [dP/dmu, dP/dnu, d2P/dmu2, d2P/dnu2, d2P/dmu dnu].
     */
    double evaluate(ZMatrixRMaj us, double mu, double nu, double[] d) {
        int ny = upa.ny();
        int nz = upa.nz();
        double cy = (ny - 1) / 2.0;
        double cz = (nz - 1) / 2.0;
        // conj(u(mu)) and conj(u(nu))
        double[] uyr = new double[ny];
        double[] uyi = new double[ny];
        double[] uzr = new double[nz];
        double[] uzi = new double[nz];
        for (int i = 0; i < ny; i++) {
            double a = -Math.PI * mu * (i - cy);
            uyr[i] = Math.cos(a);
            uyi[i] = Math.sin(a);
        }
        for (int i = 0; i < nz; i++) {
            double a = -Math.PI * nu * (i - cz);
            uzr[i] = Math.cos(a);
            uzi[i] = Math.sin(a);
        }
        double p = 0;
        double gm = 0;
        double gn = 0;
        double hmm = 0;
        double hnn = 0;
        double hmn = 0;
        int k = us.numCols;
        for (int c = 0; c < k; c++) {
            // r_z[iz] = sum_iy conj(uy) M, with weights (-j pi dy)^m for the mu derivatives
            double c0r = 0, c0i = 0, cmr = 0, cmi = 0, cnr = 0, cni = 0;
            double cmmr = 0, cmmi = 0, cnnr = 0, cnni = 0, cmnr = 0, cmni = 0;
            for (int iz = 0; iz < nz; iz++) {
                double r0r = 0, r0i = 0, r1r = 0, r1i = 0, r2r = 0, r2i = 0;
                for (int iy = 0; iy < ny; iy++) {
                    int n = iy * nz + iz;
                    double mr = us.data[(n * k + c) * 2];
                    double mi = us.data[(n * k + c) * 2 + 1];
                    double xr = uyr[iy] * mr - uyi[iy] * mi;
                    double xi = uyr[iy] * mi + uyi[iy] * mr;
                    r0r += xr;
                    r0i += xi;
                    if (d != null) {
                        double w = Math.PI * (iy - cy);
                        // (-j w) x = w xi - j w xr
                        r1r += w * xi;
                        r1i -= w * xr;
                        r2r -= w * w * xr;
                        r2i -= w * w * xi;
                    }
                }
                double zr = uzr[iz];
                double zi = uzi[iz];
                c0r += zr * r0r - zi * r0i;
                c0i += zr * r0i + zi * r0r;
                if (d != null) {
                    double w = Math.PI * (iz - cz);
                    cmr += zr * r1r - zi * r1i;
                    cmi += zr * r1i + zi * r1r;
                    cmmr += zr * r2r - zi * r2i;
                    cmmi += zr * r2i + zi * r2r;
                    // nu derivative weights (-j w) and -w^2 applied to conj(uz) r
                    double tr = zr * r0r - zi * r0i;
                    double ti = zr * r0i + zi * r0r;
                    cnr += w * ti;
                    cni -= w * tr;
                    cnnr -= w * w * tr;
                    cnni -= w * w * ti;
                    double sr = zr * r1r - zi * r1i;
                    double si = zr * r1i + zi * r1r;
                    cmnr += w * si;
                    cmni -= w * sr;
                }
            }
            p += c0r * c0r + c0i * c0i;
            if (d != null) {
                gm += 2 * (c0r * cmr + c0i * cmi);
                gn += 2 * (c0r * cnr + c0i * cni);
                hmm += 2 * (cmr * cmr + cmi * cmi + c0r * cmmr + c0i * cmmi);
                hnn += 2 * (cnr * cnr + cni * cni + c0r * cnnr + c0i * cnni);
                hmn += 2 * (cnr * cmr + cni * cmi + c0r * cmnr + c0i * cmni);
            }
        }
        if (d != null) {
            d[0] = gm;
            d[1] = gn;
            d[2] = hmm;
            d[3] = hnn;
            d[4] = hmn;
        }
        return p;
    }
}
