package org.cosense.localization;

import org.cosense.InvalidInputException;

/**
 * Maximum-likelihood horizontal position from independent Gaussian range measurements to known
 * anchors, for a point on a known plane z = z0:
 * <pre>
 *   û = argmin_{v in square} Σ_i (d̂_i − ‖(v, z0) − a_i‖)² / σ_i².
 * </pre>
 * The search is confined to a square (a prior region): two range circles also meet at the mirror
 * point about the anchors' line, which a confined search excludes.
 *
 * <p>{@link #zoomed}: a coarse grid over the square, then grids of 9×9 points over ±2 steps around the
 * best point with the step divided by 4 until it is below {@code polishStep}, then Gauss–Newton from
 * that point (kept only if it lowers the cost and stays in the square). {@link #twoStage}: the
 * reference search, a coarse grid then one fine grid of step {@code fineStep} over ±2 coarse steps.
 */
public final class RangeGridMle {
    private final double[][] anchors;
    private final double planeZ;
    private final double[] ranges;
    private final double[] weights;

    /**
     * @param anchors   n anchor positions (x, y, z)
     * @param planeZ    the known height of the unknown point
     * @param ranges    measured ranges d̂_i
     * @param variances σ_i² &gt; 0
     */
    public RangeGridMle(double[][] anchors, double planeZ, double[] ranges, double[] variances) {
        InvalidInputException.require(anchors.length >= 1, "anchors", anchors.length, "must not be empty");
        InvalidInputException.require(ranges.length == anchors.length, "ranges.length", ranges.length, "must equal the anchor count " + anchors.length);
        InvalidInputException.require(variances.length == anchors.length, "variances.length", variances.length,
                "must equal the anchor count " + anchors.length);
        this.anchors = anchors.clone();
        this.planeZ = planeZ;
        this.ranges = ranges.clone();
        this.weights = new double[variances.length];
        for (int i = 0; i < variances.length; i++) {
            InvalidInputException.require(variances[i] > 0 && Double.isFinite(variances[i]), "variance", i + 1, variances[i], "must be positive and finite");
            weights[i] = 1 / variances[i];
        }
    }

    /** The weighted least-squares cost at (x, y). */
    public double cost(double x, double y) {
        double s = 0;
        for (int i = 0; i < anchors.length; i++) {
            double dx = x - anchors[i][0];
            double dy = y - anchors[i][1];
            double dz = planeZ - anchors[i][2];
            double e = ranges[i] - Math.sqrt(dx * dx + dy * dy + dz * dz);
            s += weights[i] * e * e;
        }
        return s;
    }

    /** An estimate and the number of cost evaluations it took. */
    public record Estimate(double x, double y, double cost, long evaluations) {
    }

    /** The search square. */
    public record Square(double centreX, double centreY, double halfWidth) {
        public Square {
            InvalidInputException.positive("halfWidth", halfWidth);
        }

        boolean contains(double x, double y) {
            return Math.abs(x - centreX) <= halfWidth && Math.abs(y - centreY) <= halfWidth;
        }
    }

    /** Coarse grid, zoom, Gauss–Newton polish. */
    public Estimate zoomed(Square square, double coarseStep, double polishStep) {
        InvalidInputException.positive("coarseStep", coarseStep);
        InvalidInputException.positive("polishStep", polishStep);
        long[] count = {0};
        double[] best = grid(square.centreX, square.centreY, square.halfWidth, coarseStep, square, count);
        double step = coarseStep;
        while (step > polishStep) {
            double next = step / 4;
            best = grid(best[0], best[1], 2 * step, next, square, count);
            step = next;
        }
        double[] polished = gaussNewton(best, square, count);
        return new Estimate(polished[0], polished[1], polished[2], count[0]);
    }

    /** The reference two-stage grid: coarse step over the square, fine step over ±2 coarse steps. */
    public Estimate twoStage(Square square, double coarseStep, double fineStep) {
        InvalidInputException.positive("coarseStep", coarseStep);
        InvalidInputException.positive("fineStep", fineStep);
        long[] count = {0};
        double[] best = grid(square.centreX, square.centreY, square.halfWidth, coarseStep, square, count);
        best = grid(best[0], best[1], 2 * coarseStep, fineStep, square, count);
        return new Estimate(best[0], best[1], best[2], count[0]);
    }

    /** The best point of a grid of step h covering [c − w, c + w]² (clipped to the square); {x, y, cost}. */
    private double[] grid(double cx, double cy, double w, double h, Square square, long[] count) {
        int half = (int) Math.floor(w / h + 1e-9);
        double[] best = {cx, cy, Double.POSITIVE_INFINITY};
        for (int i = -half; i <= half; i++) {
            double x = cx + i * h;
            for (int j = -half; j <= half; j++) {
                double y = cy + j * h;
                if (!square.contains(x, y)) {
                    continue;
                }
                double c = cost(x, y);
                count[0]++;
                if (c < best[2]) {
                    best[0] = x;
                    best[1] = y;
                    best[2] = c;
                }
            }
        }
        return best;
    }

    private double[] gaussNewton(double[] start, Square square, long[] count) {
        double x = start[0];
        double y = start[1];
        double c = start[2];
        for (int it = 0; it < 20; it++) {
            double a11 = 0;
            double a12 = 0;
            double a22 = 0;
            double b1 = 0;
            double b2 = 0;
            for (int i = 0; i < anchors.length; i++) {
                double dx = x - anchors[i][0];
                double dy = y - anchors[i][1];
                double dz = planeZ - anchors[i][2];
                double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double gx = dx / d;
                double gy = dy / d;
                double e = ranges[i] - d;
                double w = weights[i];
                a11 += w * gx * gx;
                a12 += w * gx * gy;
                a22 += w * gy * gy;
                b1 += w * gx * e;
                b2 += w * gy * e;
            }
            double det = a11 * a22 - a12 * a12;
            if (!(det > 0)) {
                break;
            }
            double sx = (a22 * b1 - a12 * b2) / det;
            double sy = (a11 * b2 - a12 * b1) / det;
            double nx = x + sx;
            double ny = y + sy;
            if (!square.contains(nx, ny)) {
                break;
            }
            double nc = cost(nx, ny);
            count[0]++;
            if (!(nc <= c)) {
                break;
            }
            boolean done = Math.abs(sx) + Math.abs(sy) < 1e-12 * (1 + Math.abs(x) + Math.abs(y));
            x = nx;
            y = ny;
            c = nc;
            if (done) {
                break;
            }
        }
        return new double[] {x, y, c};
    }
}
