package org.cosense.geom;

/**
 * Spatial frequencies (mu, nu) of a direction seen by an array whose plane is parallel to the
 * global y–z plane (normal along x), with half-wavelength spacing so 2d/lambda = 1 in
 * Hua et al. (4)–(5): mu = e_y and nu = e_z, the direction cosines of the unit vector from the
 * array towards the far node.
 *
 * <p>Effective (cascaded) frequencies, e.g. the IRS scan frequency mu_B2I^A + mu_I2T of (38), live
 * in [-2, 2] and may have no physical angle.
 */
public record SpatialFrequency(double mu, double nu) {

    /** Direction cosines (e_y, e_z) of the unit vector from {@code from} to {@code to}; (4)–(5), (60). */
    public static SpatialFrequency between(Vec3 from, Vec3 to) {
        Vec3 d = to.minus(from);
        double n = d.norm();
        if (n == 0) {
            throw new IllegalArgumentException("coincident points " + from + " and " + to + " have no direction");
        }
        return new SpatialFrequency(d.y() / n, d.z() / n);
    }

    /** From physical angles (radians): mu = cos(el) sin(az), nu = sin(el); (4)–(5). */
    public static SpatialFrequency fromAngles(double azimuth, double elevation) {
        return new SpatialFrequency(Math.cos(elevation) * Math.sin(azimuth), Math.sin(elevation));
    }

    public SpatialFrequency plus(SpatialFrequency o) {
        return new SpatialFrequency(mu + o.mu, nu + o.nu);
    }

    public SpatialFrequency minus(SpatialFrequency o) {
        return new SpatialFrequency(mu - o.mu, nu - o.nu);
    }

    /** True if (mu, nu) is a physical direction: mu^2 + nu^2 <= 1 (the visible region). */
    public boolean isVisible() {
        return mu * mu + nu * nu <= 1.0 + 1e-12;
    }

    /** Elevation from the horizontal plane, asin(nu) (inverse of (5)); radians. */
    public double elevation() {
        return Math.asin(clamp(nu));
    }

    /** Azimuth from the array normal in the horizontal plane, asin(mu / sqrt(1 - nu^2)) (inverse of (4)); radians. */
    public double azimuth() {
        double c = Math.sqrt(Math.max(0.0, 1.0 - nu * nu));
        return c == 0 ? 0.0 : Math.asin(clamp(mu / c));
    }

    public double azimuthDeg() {
        return Math.toDegrees(azimuth());
    }

    public double elevationDeg() {
        return Math.toDegrees(elevation());
    }

    private static double clamp(double v) {
        return Math.max(-1.0, Math.min(1.0, v));
    }
}
