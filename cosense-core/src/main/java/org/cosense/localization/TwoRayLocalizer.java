package org.cosense.localization;

import org.cosense.geom.SpatialFrequency;
import org.cosense.geom.Vec3;

/**
 * 3D position from two DoAs (Hua et al. (60)–(64)): the BS ray and the IRS ray, both arrays in
 * planes parallel to y–z so each DoA gives the y and z direction cosines of its ray.
 *
 * <p>(61) solves the y and z equations for the two ranges; x follows from the two range spheres
 * (62)–(64) up to the sign of the x component of each ray. Noisy inputs can make the radicands
 * negative (clamped at 0, pitfall [hua3d P8]/[hua3d P13]) and the ranges negative (kept as they are, never abs()).
 */
public final class TwoRayLocalizer {
    private TwoRayLocalizer() {
    }

    /** How x is chosen among the candidates x_BS ± r_B. */
    public enum XRule {
        /** (63)–(64): the BS candidate closest to x_I + r_I (assumes the target in front of the IRS, x_T >= x_I). */
        PAPER,
        /** [hua3d E14]: the sign pair (s_B, s_I) minimizing |x_BS + s_B r_B - x_I - s_I r_I|; equals PAPER when x_T >= x_I. */
        GENERALIZED
    }

    /**
     * A construction result: the position, or a reason why the geometry is degenerate.
     *
     * @param rangeBs d_B2T of (61); rangeIrs d_I2T
     * @param signIrs the chosen sign of the IRS ray's x component (for re-computing DoAs, (65))
     */
    public record Fix(Vec3 position, double rangeBs, double rangeIrs, int signBs, int signIrs, String degenerate) {
        public boolean ok() {
            return degenerate == null;
        }
    }

    /** Relative size of D in (61) below which the two rays are treated as parallel in y–z. */
    public static final double DEGENERACY_TOLERANCE = 1e-12;

    public static Fix locate(Vec3 bs, Vec3 irs, SpatialFrequency bsDoa, SpatialFrequency irsDoa, XRule rule) {
        double muB = bsDoa.mu();
        double nuB = bsDoa.nu();
        double muI = irsDoa.mu();
        double nuI = irsDoa.nu();
        double dy = bs.y() - irs.y();
        double dz = bs.z() - irs.z();
        if (Math.abs(dy) + Math.abs(dz) < 1e-12) {
            return new Fix(null, Double.NaN, Double.NaN, 0, 0,
                    "BS and IRS share (y, z): (61) is 0/0 (the BS-IRS arrival frequency must be non-zero)");
        }
        double d = muI * nuB - muB * nuI;
        double scale = (Math.abs(muI) + Math.abs(muB)) * (Math.abs(nuI) + Math.abs(nuB));
        if (Math.abs(d) <= DEGENERACY_TOLERANCE * Math.max(scale, 1e-300) || scale == 0) {
            return new Fix(null, Double.NaN, Double.NaN, 0, 0,
                    "the y-z projections of the BS and IRS rays are parallel (D = 0 in (61))");
        }
        // (61)
        double dB = (nuI * dy - muI * dz) / d;
        double dI = (nuB * (-dy) - muB * (-dz)) / (-d);
        double yT = bs.y() + muB * dB;
        double zT = bs.z() + nuB * dB;
        // (62)-(64): x components r_B = |d_B| sqrt(1 - mu_B^2 - nu_B^2), clamped radicands
        double rB = Math.abs(dB) * Math.sqrt(Math.max(0.0, 1 - muB * muB - nuB * nuB));
        double rI = Math.abs(dI) * Math.sqrt(Math.max(0.0, 1 - muI * muI - nuI * nuI));
        int bestSb = 1;
        int bestSi = 1;
        if (rule == XRule.PAPER) {
            double target = irs.x() + rI;
            bestSb = Math.abs(bs.x() + rB - target) <= Math.abs(bs.x() - rB - target) ? 1 : -1;
        } else {
            double best = Double.POSITIVE_INFINITY;
            for (int sb = 1; sb >= -1; sb -= 2) {
                for (int si = 1; si >= -1; si -= 2) {
                    double v = Math.abs(bs.x() + sb * rB - irs.x() - si * rI);
                    if (v < best - 1e-12) {
                        best = v;
                        bestSb = sb;
                        bestSi = si;
                    }
                }
            }
        }
        double xT = bs.x() + bestSb * rB;
        return new Fix(new Vec3(xT, yT, zT), dB, dI, bestSb, bestSi, null);
    }
}
