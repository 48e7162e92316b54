package org.cosense.bounds;

import org.ejml.data.DMatrixRMaj;

/**
 * Rows of the measurement Jacobian ∂h/∂p of common geometric measurements of a point p ∈ R³ taken
 * by a sensor at a known point a, for {@link RealGaussianFisher}. Rows are with respect to the three
 * Cartesian coordinates of p; drop columns for known coordinates (a known height keeps x and y).
 */
public final class MeasurementRows {
    private MeasurementRows() {
    }

    /** Range ‖p − a‖: the unit vector (p − a)/‖p − a‖. */
    public static double[] range(double[] p, double[] a) {
        double dx = p[0] - a[0];
        double dy = p[1] - a[1];
        double dz = p[2] - a[2];
        double d = Math.sqrt(dx * dx + dy * dy + dz * dz);
        return new double[] {dx / d, dy / d, dz / d};
    }

    /** Horizontal bearing atan2(p_y − a_y, p_x − a_x): (−Δy, Δx, 0)/ρ_h². */
    public static double[] bearing(double[] p, double[] a) {
        double dx = p[0] - a[0];
        double dy = p[1] - a[1];
        double h2 = dx * dx + dy * dy;
        return new double[] {-dy / h2, dx / h2, 0};
    }

    /**
     * Range rows of n anchors with respect to the first {@code columns} coordinates of p (2: the
     * horizontal position with a known height; 3: the full position).
     */
    public static DMatrixRMaj rangeJacobian(double[] p, double[][] anchors, int columns) {
        DMatrixRMaj g = new DMatrixRMaj(anchors.length, columns);
        for (int i = 0; i < anchors.length; i++) {
            double[] row = range(p, anchors[i]);
            for (int j = 0; j < columns; j++) {
                g.set(i, j, row[j]);
            }
        }
        return g;
    }

    /** The FIM of the first {@code columns} coordinates of p from independent ranges with variances σ_i². */
    public static DMatrixRMaj rangeFisher(double[] p, double[][] anchors, double[] variances, int columns) {
        return RealGaussianFisher.of(rangeJacobian(p, anchors, columns), variances);
    }
}
