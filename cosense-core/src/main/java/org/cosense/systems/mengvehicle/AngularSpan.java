package org.cosense.systems.mengvehicle;

/**
 * The spatial frequencies (direction cosines) of a BS seen from an IRS anywhere in its prior disk,
 * Section III-A: ψ^x = (x_b − x)/d_b(u), ψ^y = (y_b − y)/d_b(u), d_b(u) = √(‖q_b − u‖² + H²), over
 * u in disk(c, r). With H &gt; 0 neither has a stationary point inside the disk, so the extremes lie on
 * the boundary circle: 720 samples, then golden-section refinement of the best sample's bracket.
 *
 * @param xMin ψ^x_min
 * @param xMax ψ^x_max
 * @param yMin ψ^y_min
 * @param yMax ψ^y_max
 */
public record AngularSpan(double xMin, double xMax, double yMin, double yMax) {
    private static final int SAMPLES = 720;

    public double widthX() {
        return xMax - xMin;
    }

    public double widthY() {
        return yMax - yMin;
    }

    /** Whether the two rectangles overlap in both axes [mengvehicle E10]. */
    public boolean overlaps(AngularSpan o) {
        return xMin <= o.xMax && o.xMin <= xMax && yMin <= o.yMax && o.yMin <= yMax;
    }

    /** ψ^x, ψ^y of BS (bx, by) seen from the IRS at (x, y). */
    public static double[] frequencies(double bx, double by, double x, double y, double height) {
        double dx = bx - x;
        double dy = by - y;
        double d = Math.sqrt(dx * dx + dy * dy + height * height);
        return new double[] {dx / d, dy / d};
    }

    private static double component(int axis, double bx, double by, double x, double y, double height) {
        double dx = bx - x;
        double dy = by - y;
        return (axis == 0 ? dx : dy) / Math.sqrt(dx * dx + dy * dy + height * height);
    }

    /** The span of BS (bx, by) over disk(centre, radius); r = 0 gives a point. */
    public static AngularSpan of(double bx, double by, double cx, double cy, double radius, double height) {
        if (radius == 0) {
            double[] f = frequencies(bx, by, cx, cy, height);
            return new AngularSpan(f[0], f[0], f[1], f[1]);
        }
        double[] ext = new double[4];
        for (int axis = 0; axis < 2; axis++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                final int a = axis;
                final int s = sign;
                java.util.function.DoubleUnaryOperator g = t -> s * component(a, bx, by, cx + radius * Math.cos(t), cy + radius * Math.sin(t), height);
                int best = 0;
                double bestV = Double.POSITIVE_INFINITY;
                double h = 2 * Math.PI / SAMPLES;
                for (int i = 0; i < SAMPLES; i++) {
                    double v = g.applyAsDouble(i * h);
                    if (v < bestV) {
                        bestV = v;
                        best = i;
                    }
                }
                double v = Math.min(bestV, org.cosense.math.GoldenSection.minimize(g, (best - 1) * h, (best + 1) * h, 1e-10).minValue());
                ext[2 * axis + (sign < 0 ? 1 : 0)] = s * v;
            }
        }
        // sign +1 minimizes ψ (index 2·axis), sign −1 minimizes −ψ (index 2·axis + 1).
        return new AngularSpan(ext[0], ext[1], ext[2], ext[3]);
    }
}
