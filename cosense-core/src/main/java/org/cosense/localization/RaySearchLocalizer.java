package org.cosense.localization;

import java.util.List;
import org.cosense.geom.SpatialFrequency;
import org.cosense.geom.Vec3;

/**
 * Position on a known ray from several other observers' DoA candidates (a CoSense extension; not
 * in Hua et al.). The BS DoA fixes the ray q(d) = q_BS + d e (both signs of the x component are
 * tried); each other array m contributes its candidate DoAs f_mj, and the range d minimizes
 * sum_m min_j |f(q(d) seen from m) - f_mj|^2. The min over j performs the association; using
 * every array jointly avoids (61)'s division by the small determinant D of a single pair.
 */
public final class RaySearchLocalizer {
    private RaySearchLocalizer() {
    }

    /** One array: its position and its candidate DoAs (direction cosines along y and z). */
    public record Observer(Vec3 position, List<SpatialFrequency> candidates) {
    }

    public static Vec3 locate(Vec3 origin, SpatialFrequency rayDoa, List<Observer> observers, double maxRange) {
        double mu = rayDoa.mu();
        double nu = rayDoa.nu();
        double ex = Math.sqrt(Math.max(0, 1 - mu * mu - nu * nu));
        Vec3 best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int sign = 1; sign >= -1; sign -= 2) {
            Vec3 e = new Vec3(sign * ex, mu, nu);
            int n = 2000;
            double bd = 0;
            double bc = Double.POSITIVE_INFINITY;
            for (int i = 1; i <= n; i++) {
                double d = maxRange * i / n;
                double c = cost(origin, e, d, observers);
                if (c < bc) {
                    bc = c;
                    bd = d;
                }
            }
            // golden-section polish inside the best cell
            double a = Math.max(1e-9, bd - maxRange / n);
            double b = bd + maxRange / n;
            double g = (Math.sqrt(5) - 1) / 2;
            for (int it = 0; it < 60; it++) {
                double x1 = b - g * (b - a);
                double x2 = a + g * (b - a);
                if (cost(origin, e, x1, observers) < cost(origin, e, x2, observers)) {
                    b = x2;
                } else {
                    a = x1;
                }
            }
            double d = 0.5 * (a + b);
            double c = cost(origin, e, d, observers);
            if (c > bc) {
                d = bd;
                c = bc;
            }
            if (c < bestCost) {
                bestCost = c;
                best = origin.plus(e.times(d));
            }
        }
        return best;
    }

    private static double cost(Vec3 origin, Vec3 e, double d, List<Observer> observers) {
        Vec3 q = origin.plus(e.times(d));
        double total = 0;
        for (Observer o : observers) {
            Vec3 v = q.minus(o.position());
            double r = v.norm();
            if (r == 0) {
                return Double.POSITIVE_INFINITY;
            }
            double fm = v.y() / r;
            double fn = v.z() / r;
            double m = Double.POSITIVE_INFINITY;
            for (SpatialFrequency f : o.candidates()) {
                double dm = fm - f.mu();
                double dn = fn - f.nu();
                m = Math.min(m, dm * dm + dn * dn);
            }
            total += m;
        }
        return total;
    }
}
