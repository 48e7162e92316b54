package org.cosense.systems.mengvehicle;

import org.cosense.InvalidInputException;
import org.cosense.math.RandomStream;

/**
 * BS positions and vehicle priors (horizontal coordinates, m). Each vehicle k is known to lie in the
 * disk of radius r_k around its prior centre; the BS antennas are H above the IRS plane
 * ({@link MengParameters#heightM}).
 *
 * @param bs      B×2 BS positions, B ≥ 2
 * @param centres K×2 prior centres, K ≥ 1
 * @param radii   K prior radii r_k ≥ 0
 */
public record Deployment(double[][] bs, double[][] centres, double[] radii) {
    public Deployment {
        InvalidInputException.require(bs.length >= 2, "bs count", bs.length, "must be at least 2 (a position needs two ranges)");
        InvalidInputException.require(centres.length >= 1, "vehicle count", centres.length, "must be at least 1");
        InvalidInputException.require(radii.length == centres.length, "radii.length", radii.length, "must equal the vehicle count " + centres.length);
        bs = copy(bs);
        centres = copy(centres);
        radii = radii.clone();
        for (int k = 0; k < radii.length; k++) {
            InvalidInputException.require(radii[k] >= 0 && Double.isFinite(radii[k]), "radius", k + 1, radii[k], "must be finite and ≥ 0");
        }
        for (int k = 0; k < centres.length; k++) {
            for (int b = 0; b < bs.length; b++) {
                double d = Math.hypot(bs[b][0] - centres[k][0], bs[b][1] - centres[k][1]);
                InvalidInputException.require(d > radii[k], "bs", b + 1, "(" + bs[b][0] + ", " + bs[b][1] + ")",
                        "must lie outside the prior disk of vehicle " + (k + 1) + " (distance " + d + " m ≤ radius " + radii[k] + " m)");
            }
            for (int j = 0; j < k; j++) {
                double d = Math.hypot(centres[j][0] - centres[k][0], centres[j][1] - centres[k][1]);
                InvalidInputException.require(d > radii[j] + radii[k], "vehicle", k + 1, "(" + centres[k][0] + ", " + centres[k][1] + ")",
                        "prior disk must not overlap the disk of vehicle " + (j + 1));
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            InvalidInputException.require(a[i].length == 2, "point", i + 1, a[i].length + " coordinates", "must have 2 coordinates (x, y)");
            InvalidInputException.finite("x", a[i][0]);
            InvalidInputException.finite("y", a[i][1]);
            c[i] = a[i].clone();
        }
        return c;
    }

    public int bsCount() {
        return bs.length;
    }

    public int vehicleCount() {
        return centres.length;
    }

    /**
     * A random layout [mengvehicle A2]: K = 1 at the origin; K &gt; 1 on the road y = 0 with x uniform in
     * [−200, 200] m and centres at least 2r + 5 m apart (the road is lengthened when K disks do not
     * fit); BSs uniform in a square of half-width 250 m (or road half-length + 50 m), redrawn while
     * closer than r + d_min to a prior centre.
     */
    public static Deployment random(RandomStream rng, int bsCount, int vehicles, double radius, double minDistance) {
        InvalidInputException.require(bsCount >= 2, "bs count", bsCount, "must be at least 2");
        InvalidInputException.positive("vehicles", vehicles);
        InvalidInputException.require(radius >= 0, "radius", radius, "must be ≥ 0");
        double[][] c = new double[vehicles][2];
        double roadHalf = 200;
        if (vehicles > 1) {
            double gap = 2 * radius + 5;
            roadHalf = Math.max(200, (vehicles - 1) * gap / 2 + 10);
            double free = 2 * roadHalf - (vehicles - 1) * gap;
            double[] s = new double[vehicles];
            for (int k = 0; k < vehicles; k++) {
                s[k] = free * rng.nextDouble();
            }
            java.util.Arrays.sort(s);
            for (int k = 0; k < vehicles; k++) {
                c[k][0] = -roadHalf + s[k] + k * gap;
            }
        }
        double half = Math.max(250, roadHalf + 50);
        double[][] q = new double[bsCount][2];
        double[] radii = new double[vehicles];
        java.util.Arrays.fill(radii, radius);
        for (int b = 0; b < bsCount; b++) {
            while (true) {
                double x = half * (2 * rng.nextDouble() - 1);
                double y = half * (2 * rng.nextDouble() - 1);
                boolean ok = true;
                for (double[] ck : c) {
                    if (Math.hypot(x - ck[0], y - ck[1]) < radius + minDistance) {
                        ok = false;
                        break;
                    }
                }
                if (ok) {
                    q[b][0] = x;
                    q[b][1] = y;
                    break;
                }
            }
        }
        return new Deployment(q, c, radii);
    }

    /** The ASSUMED minimum BS distance beyond the prior disk, d_min = 20 m [mengvehicle A2]. */
    public static final double MIN_DISTANCE_M = 20;
}
