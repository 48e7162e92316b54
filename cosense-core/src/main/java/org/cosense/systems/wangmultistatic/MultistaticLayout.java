package org.cosense.systems.wangmultistatic;

import java.util.Arrays;
import org.cosense.InvalidInputException;
import org.cosense.math.RandomStream;

/**
 * One multi-static scene in the plane: the transmitter (TR), the target and K receivers (REs), in metres. Validated
 * at construction: no receiver on the transmitter or the target, no two receivers at one point.
 *
 * <p>{@link #random} draws the REs as the figures do [wangmultistatic A12]: i.i.d. uniform in area over the annulus
 * {@code inner ≤ |p_k − p_TR| ≤ outer} (radius √U(inner², outer²), angle U[0, 2π)), an RE closer than
 * {@code clearance} to the target redrawn. Every figure, the benchmarks and {@code cosense simulate wangmultistatic}
 * use this one generator, so the simulate command's layout of seed s is the figures' layout 0 of seed s.
 */
public record MultistaticLayout(double[] transmitter, double[] target, double[][] receivers) {
    /** The paper's deployment radius 1..100 m around the TR and the 1 m clearance from the target [wangmultistatic A12]. */
    public static final double INNER = 1;
    public static final double OUTER = 100;
    public static final double CLEARANCE = 1;

    public MultistaticLayout {
        InvalidInputException.require(transmitter != null && transmitter.length == 2, "transmitter", transmitter, "must be {x, y}");
        InvalidInputException.require(target != null && target.length == 2, "target", target, "must be {x, y}");
        InvalidInputException.require(receivers != null && receivers.length >= 1, "receivers", receivers, "at least one RE");
        InvalidInputException.require(distance(transmitter, target) > 0, "target", Arrays.toString(target),
                "must not coincide with the transmitter");
        for (int k = 0; k < receivers.length; k++) {
            double[] p = receivers[k];
            InvalidInputException.require(p != null && p.length == 2, "receiver", k + 1, p, "must be {x, y}");
            InvalidInputException.require(distance(p, transmitter) > 0, "receiver", k + 1, Arrays.toString(p),
                    "must not coincide with the transmitter");
            InvalidInputException.require(distance(p, target) > 0, "receiver", k + 1, Arrays.toString(p),
                    "must not coincide with the target");
            for (int j = 0; j < k; j++) {
                InvalidInputException.require(distance(p, receivers[j]) > 0, "receiver", k + 1, Arrays.toString(p),
                        "duplicates receiver " + (j + 1));
            }
        }
    }

    public int size() {
        return receivers.length;
    }

    /**
     * K REs drawn from {@code rng} with the paper's radius and clearance [wangmultistatic A12]. Consumes 2 draws per RE
     * plus 2 per redraw; the caller may keep drawing from {@code rng} afterwards (the figures take a k-means seed).
     */
    public static MultistaticLayout random(RandomStream rng, int k, double[] transmitter, double[] target) {
        return random(rng, k, transmitter, target, INNER, OUTER, CLEARANCE);
    }

    /** K REs uniform in area over {@code inner ≤ |p − transmitter| ≤ outer}, none within {@code clearance} of the target. */
    public static MultistaticLayout random(RandomStream rng, int k, double[] transmitter, double[] target, double inner, double outer,
            double clearance) {
        InvalidInputException.positive("receivers K", k);
        InvalidInputException.require(inner >= 0 && outer > inner && Double.isFinite(outer), "annulus radii", inner + ".." + outer,
                "0 <= inner < outer, finite");
        InvalidInputException.require(clearance >= 0 && clearance < outer - inner, "clearance", clearance,
                "must be >= 0 and smaller than the annulus width");
        double[][] re = new double[k][];
        for (int i = 0; i < k; i++) {
            double[] p;
            do {
                double r = StrictMath.sqrt(inner * inner + rng.nextDouble() * (outer * outer - inner * inner));
                double a = 2 * StrictMath.PI * rng.nextDouble();
                p = new double[] {transmitter[0] + r * StrictMath.cos(a), transmitter[1] + r * StrictMath.sin(a)};
            } while (distance(p, target) < clearance);
            re[i] = p;
        }
        return new MultistaticLayout(transmitter.clone(), target.clone(), re);
    }

    static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
