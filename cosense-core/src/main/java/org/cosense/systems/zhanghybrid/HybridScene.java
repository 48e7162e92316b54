package org.cosense.systems.zhanghybrid;

import java.util.Arrays;

import org.cosense.InvalidInputException;

/**
 * The 2D geometry of the system: BS at the origin, K IRSs whose ULAs (elements and sensors) have
 * their axis along +y [zhanghybrid E3], and one point target. Angles are measured from the array
 * normal, positive towards +y: sin θ_k = (y − y_k)/d_k, cos θ_k = |x − x_k|/d_k. The side
 * s_k = sign(x − x_k) of the target is the ULA's front/back ambiguity, known a priori.
 *
 * <p>Rejected: fewer than two IRSs, two IRSs at one place, an IRS at the BS, a target closer than
 * {@link #MIN_DISTANCE} to an IRS (far field and 1/d⁴ loss, [zhanghybrid A4]), and a target within
 * {@link #MAX_ANGLE_DEG} of endfire of an IRS (no angle information there, [zhanghybrid P3]).
 *
 * @param irs    K×2 IRS centres (m)
 * @param target (x, y) of the target (m)
 */
public record HybridScene(double[][] irs, double[] target) {
    /** Smallest IRS–target distance (m). */
    public static final double MIN_DISTANCE = 1.0;
    /** Largest |θ_k| (degrees). */
    public static final double MAX_ANGLE_DEG = 89.0;
    /** IRSs closer than this (m) are the same IRS. */
    public static final double SAME_PLACE = 1e-6;

    public HybridScene {
        InvalidInputException.require(irs != null && irs.length >= 2, "IRS count", irs == null ? 0 : irs.length,
                "must be at least 2 (collaboration needs two IRSs)");
        InvalidInputException.require(target != null && target.length == 2, "target position", Arrays.toString(target),
                "must be (x, y)");
        InvalidInputException.finite("target x", target[0]);
        InvalidInputException.finite("target y", target[1]);
        double[][] copy = new double[irs.length][];
        for (int k = 0; k < irs.length; k++) {
            InvalidInputException.require(irs[k] != null && irs[k].length == 2 && Double.isFinite(irs[k][0])
                    && Double.isFinite(irs[k][1]), "IRS position", k + 1, Arrays.toString(irs[k]), "must be finite (x, y)");
            copy[k] = irs[k].clone();
            InvalidInputException.require(Math.hypot(copy[k][0], copy[k][1]) > SAME_PLACE, "IRS position", k + 1,
                    Arrays.toString(copy[k]), "must not be at the BS (0, 0)");
            for (int i = 0; i < k; i++) {
                InvalidInputException.require(Math.hypot(copy[k][0] - copy[i][0], copy[k][1] - copy[i][1]) > SAME_PLACE,
                        "IRS position", k + 1, Arrays.toString(copy[k]), "duplicates IRS " + (i + 1));
            }
            double dx = target[0] - copy[k][0];
            double dy = target[1] - copy[k][1];
            double d = Math.hypot(dx, dy);
            if (d < MIN_DISTANCE) {
                throw new InvalidInputException("target position", Arrays.toString(target),
                        "must be at least " + MIN_DISTANCE + " m from IRS " + (k + 1) + " " + Arrays.toString(copy[k])).involving("IRS position");
            }
            double theta = Math.toDegrees(Math.asin(Math.abs(dy) / d));
            if (theta > MAX_ANGLE_DEG) {
                throw new InvalidInputException("target position", Arrays.toString(target),
                        String.format("is at endfire of IRS %d (|angle| = %.2f deg > %.0f deg from its normal; the ULA axis is +y)",
                                k + 1, theta, MAX_ANGLE_DEG)).involving("IRS position");
            }
        }
        irs = copy;
        target = target.clone();
    }

    /** The paper's deployment: IRS 1 (10, 50), IRS 2 (10, −50), IRS 3 (50, 0). */
    public static double[][] paperIrs() {
        return new double[][] {{10, 50}, {10, -50}, {50, 0}};
    }

    public int irsCount() {
        return irs.length;
    }

    public double[] irs(int k) {
        return irs[k].clone();
    }

    @Override
    public double[][] irs() {
        double[][] c = new double[irs.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = irs[k].clone();
        }
        return c;
    }

    @Override
    public double[] target() {
        return target.clone();
    }

    /** d_k = ||p − q_k||. */
    public double distance(int k) {
        return Math.hypot(target[0] - irs[k][0], target[1] - irs[k][1]);
    }

    /** d_0k = ||q_k − b||, BS at the origin. */
    public double bsDistance(int k) {
        return Math.hypot(irs[k][0], irs[k][1]);
    }

    /** θ_k: the target's angle from IRS k's normal, asin((y − y_k)/d_k). */
    public double angle(int k) {
        return Math.asin((target[1] - irs[k][1]) / distance(k));
    }

    /** s_k = sign(x − x_k) (never 0: endfire is rejected). */
    public int side(int k) {
        return target[0] >= irs[k][0] ? 1 : -1;
    }

    /** The BS's angle seen from IRS k (arrival of the line-of-sight BS–IRS path). */
    public double bsAngleAtIrs(int k) {
        return Math.asin(-irs[k][1] / bsDistance(k));
    }

    /** IRS k's angle seen from the BS (BS ULA axis also along +y). */
    public double irsAngleAtBs(int k) {
        return Math.asin(irs[k][1] / bsDistance(k));
    }

    /** τ_jk = (d_j + d_k)/c. */
    public double cascadedDelay(int j, int k) {
        return (distance(j) + distance(k)) / HybridParameters.C;
    }

    /** u_k = (p − q_k)/d_k. */
    public double[] unit(int k) {
        double d = distance(k);
        return new double[] {(target[0] - irs[k][0]) / d, (target[1] - irs[k][1]) / d};
    }

    /** ∂τ_jk/∂p = (u_j + u_k)/c. */
    public double[] cascadedDelayGradient(int j, int k) {
        double[] a = unit(j);
        double[] b = unit(k);
        return new double[] {(a[0] + b[0]) / HybridParameters.C, (a[1] + b[1]) / HybridParameters.C};
    }

    /** ∂θ_k/∂p = [−(y − y_k) s_k, |x − x_k|]/d_k². */
    public double[] angleGradient(int k) {
        double d = distance(k);
        double dx = target[0] - irs[k][0];
        double dy = target[1] - irs[k][1];
        return new double[] {-dy * side(k) / (d * d), Math.abs(dx) / (d * d)};
    }

    /** The same IRSs with another target. */
    public HybridScene withTarget(double[] p) {
        return new HybridScene(irs, p);
    }
}
