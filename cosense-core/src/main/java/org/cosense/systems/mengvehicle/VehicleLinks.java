package org.cosense.systems.mengvehicle;

/**
 * The BS–IRS links of one vehicle, evaluated at its prior centre: azimuths φ_b, elevation factors
 * cos²θ_b, 3-D distances d_b (4), angular spans, flattening partitions and the per-unit-time
 * equivalent SNR ρ_b of (22).
 *
 * <p>ρ_b = cos²θ_b (T/T_s) P β0² (M'_x M'_y)² / (a σ² d_b⁴) [m⁻²] [mengvehicle E5], [mengvehicle E7]: with dwell share
 * τ_b the range variance is σ_b² = a / SNR_b = cos²θ_b / (τ_b ρ_b), (12) with (21).
 */
public record VehicleLinks(double[] azimuth, double[] cos2Elevation, double[] distance, AngularSpan[] spans, BeamFlattening[] flattening,
        double[] rho) {

    public VehicleLinks {
        azimuth = azimuth.clone();
        cos2Elevation = cos2Elevation.clone();
        distance = distance.clone();
        spans = spans.clone();
        flattening = flattening.clone();
        rho = rho.clone();
    }

    public int bsCount() {
        return rho.length;
    }

    /** The links of vehicle k of a deployment. */
    public static VehicleLinks of(Deployment dep, int k, MengParameters p) {
        int nb = dep.bsCount();
        double[] phi = new double[nb];
        double[] cos2 = new double[nb];
        double[] d = new double[nb];
        AngularSpan[] spans = new AngularSpan[nb];
        BeamFlattening[] fl = new BeamFlattening[nb];
        double[] rho = new double[nb];
        double cx = dep.centres()[k][0];
        double cy = dep.centres()[k][1];
        double h = p.heightM();
        double scale = p.snrScale() / p.rangeConstantM2();
        for (int b = 0; b < nb; b++) {
            double bx = dep.bs()[b][0];
            double by = dep.bs()[b][1];
            double horiz2 = (bx - cx) * (bx - cx) + (by - cy) * (by - cy);
            phi[b] = Math.atan2(by - cy, bx - cx);
            d[b] = Math.sqrt(horiz2 + h * h);
            cos2[b] = horiz2 / (horiz2 + h * h);
            spans[b] = AngularSpan.of(bx, by, cx, cy, dep.radii()[k], h);
            fl[b] = BeamFlattening.of(spans[b], p.mx(), p.my(), p.kappa());
            rho[b] = cos2[b] * scale * fl[b].gain() / (d[b] * d[b] * d[b] * d[b]);
        }
        return new VehicleLinks(phi, cos2, d, spans, fl, rho);
    }

    /** The same links for another array size or power (spans are kept; partitions and ρ recomputed). */
    public VehicleLinks with(MengParameters p) {
        int nb = bsCount();
        BeamFlattening[] fl = new BeamFlattening[nb];
        double[] r = new double[nb];
        double scale = p.snrScale() / p.rangeConstantM2();
        for (int b = 0; b < nb; b++) {
            fl[b] = BeamFlattening.of(spans[b], p.mx(), p.my(), p.kappa());
            double d2 = distance[b] * distance[b];
            r[b] = cos2Elevation[b] * scale * fl[b].gain() / (d2 * d2);
        }
        return new VehicleLinks(azimuth, cos2Elevation, distance, spans, fl, r);
    }

    /** The links of the first n BSs only (nested layouts in sweeps over B). */
    public VehicleLinks firstBs(int n) {
        return new VehicleLinks(java.util.Arrays.copyOf(azimuth, n), java.util.Arrays.copyOf(cos2Elevation, n), java.util.Arrays.copyOf(distance, n),
                java.util.Arrays.copyOf(spans, n), java.util.Arrays.copyOf(flattening, n), java.util.Arrays.copyOf(rho, n));
    }

    /** Post-matched-filter echo SNR (21) of BS b with dwell share τ_b. */
    public double snr(int b, double tau, MengParameters p) {
        double d2 = distance[b] * distance[b];
        return tau * p.snrScale() * flattening[b].gain() / (d2 * d2);
    }

    /** Range-error variance σ_b² = a / SNR_b, (12). */
    public double rangeVariance(int b, double tau, MengParameters p) {
        return p.rangeConstantM2() / snr(b, tau, p);
    }
}
