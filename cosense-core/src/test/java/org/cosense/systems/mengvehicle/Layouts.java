package org.cosense.systems.mengvehicle;

import org.cosense.math.RandomStream;

/** Random single-vehicle layouts with the ASSUMED defaults, for tests. */
final class Layouts {
    private Layouts() {
    }

    static VehicleLinks single(long seed, int bs, double radius) {
        Deployment d = Deployment.random(new RandomStream(seed), bs, 1, radius, Deployment.MIN_DISTANCE_M);
        return VehicleLinks.of(d, 0, MengParameters.defaults());
    }

    static Deployment deployment(long seed, int bs, int vehicles, double radius) {
        return Deployment.random(new RandomStream(seed), bs, vehicles, radius, Deployment.MIN_DISTANCE_M);
    }
}
