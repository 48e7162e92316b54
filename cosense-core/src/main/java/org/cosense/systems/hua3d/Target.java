package org.cosense.systems.hua3d;

import org.cosense.InvalidInputException;
import org.cosense.geom.Vec3;

/** A point target with radar cross section {@code rcs} in m^2. */
public record Target(Vec3 position, double rcs) {
    public Target {
        InvalidInputException.positive("target RCS (m^2)", rcs);
    }

    /** RCS given in dBsm (kappa[m^2] = 10^(dBsm/10)). */
    public static Target ofDbsm(Vec3 position, double rcsDbsm) {
        return new Target(position, Math.pow(10, InvalidInputException.finite("target RCS (dBsm)", rcsDbsm) / 10));
    }
}
