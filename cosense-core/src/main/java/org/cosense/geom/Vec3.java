package org.cosense.geom;

import org.cosense.InvalidInputException;

/** A point or vector in the global frame [x, y, z] (metres); x and y horizontal, z up. */
public record Vec3(double x, double y, double z) {
    public Vec3 {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new InvalidInputException("point", "[" + x + ", " + y + ", " + z + "]", "coordinates must be finite");
        }
    }

    public static Vec3 of(double x, double y, double z) {
        return new Vec3(x, y, z);
    }

    /** Parses "x,y,z" (as typed on a command line); {@code name} labels errors. */
    public static Vec3 parse(String name, String text) {
        String[] p = text.split(",");
        if (p.length != 3) {
            throw new InvalidInputException(name, text, "expected three comma-separated numbers x,y,z");
        }
        try {
            return new Vec3(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()), Double.parseDouble(p[2].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, text, "expected three numbers x,y,z");
        }
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public double distance(Vec3 o) {
        return minus(o).norm();
    }

    /** Unit vector; fails for the zero vector. */
    public Vec3 unit() {
        double n = norm();
        if (n == 0) {
            throw new IllegalArgumentException("zero vector has no direction");
        }
        return times(1.0 / n);
    }

    public double[] toArray() {
        return new double[] {x, y, z};
    }

    @Override
    public String toString() {
        return "[" + x + ", " + y + ", " + z + "]";
    }
}
