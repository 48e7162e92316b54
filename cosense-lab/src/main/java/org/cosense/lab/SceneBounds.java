package org.cosense.lab;

import org.cosense.InvalidInputException;
import org.cosense.geom.Vec3;

/**
 * The region a user-defined deployment may occupy: every coordinate within {@link #MAX_COORDINATE_M}
 * of the origin. The papers' scenes span tens of metres and IRS-assisted sensing is a short-range
 * technique, so 1000 km leaves every meaningful deployment in; far beyond it the squared distances
 * of the path-loss models overflow (about 1e154 m), and a point there is a typing error, not a scene.
 */
public final class SceneBounds {
    /** Largest allowed |x|, |y|, |z| in metres. */
    public static final double MAX_COORDINATE_M = 1e6;

    private SceneBounds() {
    }

    /** {@code p}, or an {@link InvalidInputException} for the parameter (index 0: not repeated) when it is out of range. */
    public static Vec3 require(String parameter, int index, Vec3 p) {
        InvalidInputException.require(p != null, parameter, index, null, "is required");
        boolean inside = Math.abs(p.x()) <= MAX_COORDINATE_M && Math.abs(p.y()) <= MAX_COORDINATE_M
                && Math.abs(p.z()) <= MAX_COORDINATE_M;
        InvalidInputException.require(inside, parameter, index, p,
                "every coordinate must lie within +-" + (long) MAX_COORDINATE_M + " m of the origin");
        return p;
    }
}
