package org.cosense.geom;

import org.cosense.InvalidInputException;

/**
 * A planar array's local right-handed orthonormal frame (h, v, n = h × v): h the horizontal array
 * axis, v the vertical array axis, n the surface normal (Fang et al.; [fangactive S2.2]).
 *
 * <p>Angles of a direction u leaving the array (reconstructed from (3)–(4)):
 * u·v = cos(theta), u·h = sin(theta) cos(phi), u·n = sin(theta) sin(phi); theta ∈ [0, pi] from v,
 * phi = atan2(u·n, u·h) in the h–n plane from h (in [0, pi] for directions in front, u·n ≥ 0).
 */
public record LocalFrame(Vec3 h, Vec3 v) {
    private static final double TOL = 1e-9;

    public LocalFrame {
        InvalidInputException.require(Math.abs(dot(h, h) - 1) < TOL, "frame axis h", h, "must be a unit vector");
        InvalidInputException.require(Math.abs(dot(v, v) - 1) < TOL, "frame axis v", v, "must be a unit vector");
        InvalidInputException.require(Math.abs(dot(h, v)) < TOL, "frame axes h·v", dot(h, v), "must be 0 (orthogonal axes)");
    }

    /** The surface normal n = h × v. */
    public Vec3 normal() {
        return cross(h, v);
    }

    /** (theta, phi) of the direction from {@code origin} towards {@code point}. */
    public double[] angles(Vec3 origin, Vec3 point) {
        return angles(point.minus(origin));
    }

    /** (theta, phi) of a direction (any non-zero length). */
    public double[] angles(Vec3 direction) {
        Vec3 u = direction.unit();
        double cv = Math.max(-1, Math.min(1, dot(u, v)));
        return new double[] {Math.acos(cv), Math.atan2(dot(u, normal()), dot(u, h))};
    }

    /** u·n of the unit direction from {@code origin} to {@code point}: positive in front of the surface. */
    public double frontness(Vec3 origin, Vec3 point) {
        return dot(point.minus(origin).unit(), normal());
    }

    public static double dot(Vec3 a, Vec3 b) {
        return a.x() * b.x() + a.y() * b.y() + a.z() * b.z();
    }

    public static Vec3 cross(Vec3 a, Vec3 b) {
        return new Vec3(a.y() * b.z() - a.z() * b.y(), a.z() * b.x() - a.x() * b.z(), a.x() * b.y() - a.y() * b.x());
    }
}
