package org.cosense.systems.mengvehicle;

import org.cosense.InvalidInputException;

/**
 * Beam flattening, Section III-A: the IRS is split into L_x × L_y sub-arrays whose beams, one
 * beamwidth apart, tile the angular span of the BS over the prior disk.
 *
 * <p>A block of M' elements has its first nulls at ±2/M' in ψ (one-way pattern), so L beams cover
 * L · 2/M' = 2L²/M; the smallest covering partition is (21a) [mengvehicle E3]:
 * L = max(1, ⌈√(M κ Δ / 2)⌉), clipped to M, with M' = M / L (a real number in the SNR when L does not
 * divide M [mengvehicle A3]).
 *
 * @param lx sub-arrays along x
 * @param ly sub-arrays along y
 * @param mx elements along x
 * @param my elements along y
 */
public record BeamFlattening(int lx, int ly, int mx, int my) {
    public BeamFlattening {
        InvalidInputException.require(lx >= 1 && lx <= mx, "lx", lx, "must be in [1, mx = " + mx + "]");
        InvalidInputException.require(ly >= 1 && ly <= my, "ly", ly, "must be in [1, my = " + my + "]");
    }

    /** L along one axis for M elements and span width Δ, (21a). */
    public static int partition(int m, double width, int kappa) {
        double l = Math.ceil(Math.sqrt(m * kappa * width / 2) - 1e-12);
        return (int) Math.max(1, Math.min(m, l));
    }

    public static BeamFlattening of(AngularSpan span, int mx, int my, int kappa) {
        return new BeamFlattening(partition(mx, span.widthX(), kappa), partition(my, span.widthY(), kappa), mx, my);
    }

    /** M'_x = M_x / L_x. */
    public double subX() {
        return (double) mx / lx;
    }

    public double subY() {
        return (double) my / ly;
    }

    /** The aligned sub-array's power gain (M'_x M'_y)², the gain of (21). */
    public double gain() {
        double s = subX() * subY();
        return s * s;
    }

    /** Beam centres of the centred comb on one axis: (ψ_min + ψ_max)/2 + (2l − 1 − L)/M', l = 1..L. */
    public static double[] centres(double lo, double hi, int l, double sub) {
        double[] c = new double[l];
        for (int i = 1; i <= l; i++) {
            c[i - 1] = 0.5 * (lo + hi) + (2 * i - 1 - l) / sub;
        }
        return c;
    }

    /**
     * The reflection phases v_m (stacked m = m_x M_y + m_y), κ = 1 convention: element (m_x, m_y) of
     * block (l_x, l_y) gets π (m_x c_x + m_y c_y) [mengvehicle A3]. Blocks hold ⌊M/L⌋ elements, the last
     * the remainder.
     */
    public double[] phases(AngularSpan span, int kappa) {
        double scale = kappa;
        double[] cx = centres(scale * span.xMin(), scale * span.xMax(), lx, subX());
        double[] cy = centres(scale * span.yMin(), scale * span.yMax(), ly, subY());
        double[] v = new double[mx * my];
        int bx = mx / lx;
        int by = my / ly;
        for (int ix = 0; ix < mx; ix++) {
            int blx = Math.min(ix / bx, lx - 1);
            for (int iy = 0; iy < my; iy++) {
                int bly = Math.min(iy / by, ly - 1);
                double p = Math.PI * (ix * cx[blx] + iy * cy[bly]);
                p = p % (2 * Math.PI);
                v[ix * my + iy] = p < 0 ? p + 2 * Math.PI : p;
            }
        }
        return v;
    }

    /** The designed pattern |Σ_m e^{j v_m} e^{−jπ(m_x ψ^x + m_y ψ^y)}|² (κ = 1: one-way; pass 2ψ for κ = 2). */
    public double pattern(double[] phases, double psiX, double psiY) {
        double re = 0;
        double im = 0;
        for (int ix = 0; ix < mx; ix++) {
            for (int iy = 0; iy < my; iy++) {
                double a = phases[ix * my + iy] - Math.PI * (ix * psiX + iy * psiY);
                re += Math.cos(a);
                im += Math.sin(a);
            }
        }
        return re * re + im * im;
    }
}
