package org.cosense.estimation.doa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cosense.geom.SpatialFrequency;

/**
 * What a {@link DoaEstimator} returns: the sources it found, strongest first, each as
 * {@code dimension} numbers in the estimator's parameter space, and optionally the spectrum it searched.
 * {@link #resolved()} is false when fewer sources were found than were asked for; the missing ones
 * are absent, never filled in.
 *
 * @param requested the K the caller asked for
 * @param dimension numbers per source (2: (mu, nu); 1: one spatial frequency)
 * @param estimates the found sources, at most {@code requested}, strongest first
 * @param spectrum  the searched spectrum on the estimator's grid, when the estimator has one
 */
public record DoaResult(int requested, int dimension, List<double[]> estimates, Optional<Spectrum> spectrum) {

    public DoaResult {
        if (dimension < 1 || requested < 0 || estimates.size() > requested) {
            throw new IllegalArgumentException("dimension " + dimension + ", requested " + requested + ", found " + estimates.size());
        }
        List<double[]> copy = new ArrayList<>();
        for (double[] e : estimates) {
            if (e.length != dimension) {
                throw new IllegalArgumentException("an estimate has " + e.length + " numbers, expected " + dimension);
            }
            copy.add(e.clone());
        }
        estimates = List.copyOf(copy);
    }

    /** 2D estimates from spatial frequencies. */
    public static DoaResult ofFrequencies(int requested, List<SpatialFrequency> found, Optional<Spectrum> spectrum) {
        List<double[]> e = new ArrayList<>();
        for (SpatialFrequency f : found) {
            e.add(new double[] {f.mu(), f.nu()});
        }
        return new DoaResult(requested, 2, e, spectrum);
    }

    /** True when all requested sources were found. */
    public boolean resolved() {
        return estimates.size() == requested;
    }

    /** Number of sources found. */
    public int found() {
        return estimates.size();
    }

    /** Source i (strongest first); a copy. */
    public double[] estimate(int i) {
        return estimates.get(i).clone();
    }

    /** The 2D estimates as spatial frequencies (mu, nu). */
    public List<SpatialFrequency> frequencies() {
        if (dimension != 2) {
            throw new IllegalStateException("estimates have " + dimension + " parameters, not (mu, nu)");
        }
        List<SpatialFrequency> out = new ArrayList<>();
        for (double[] e : estimates) {
            out.add(new SpatialFrequency(e[0], e[1]));
        }
        return out;
    }

    /** The 1D estimates (one spatial frequency per source, e.g. sin theta for a ULA). */
    public double[] scalars() {
        if (dimension != 1) {
            throw new IllegalStateException("estimates have " + dimension + " parameters, not one");
        }
        return estimates.stream().mapToDouble(e -> e[0]).toArray();
    }

    /**
     * A spectrum on a rectangular grid: {@code axes[d]} holds the grid values of parameter d (ascending),
     * {@code values} the spectrum in row-major order (the last parameter varies fastest), so for 2D the
     * value at (axes[0][i], axes[1][j]) is values[i * axes[1].length + j].
     */
    public record Spectrum(double[][] axes, double[] values) {
        public Spectrum {
            int n = 1;
            for (double[] a : axes) {
                n *= a.length;
            }
            if (n != values.length) {
                throw new IllegalArgumentException("grid of " + n + " points, " + values.length + " values");
            }
        }

        /** The value at grid index (i, j) of a 2D spectrum. */
        public double at(int i, int j) {
            return values[i * axes[1].length + j];
        }
    }
}
