package org.cosense.systems.hua3d;

import org.cosense.array.Upa;
import org.cosense.geom.Vec3;

/** A passive IRS: a UPA (plane parallel to y–z, half-wavelength spacing) centred at {@code position}. */
public record Irs(Vec3 position, Upa array) {
    public Irs {
        if (position == null || array == null) {
            throw new IllegalArgumentException("IRS position and array are required");
        }
    }
}
