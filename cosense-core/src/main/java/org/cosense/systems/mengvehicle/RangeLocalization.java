package org.cosense.systems.mengvehicle;

import org.cosense.bounds.MeasurementRows;
import org.cosense.localization.RangeGridMle;
import org.cosense.math.RandomStream;
import org.ejml.data.DMatrixRMaj;

/**
 * One localization trial of Section V-A (Fig. 4): the true IRS position is uniform in the prior disk,
 * every associated BS (τ_b ≥ τ_th) measures d̂_b = d_b(u) + e_b with e_b ~ N(0, σ_b²), σ_b² = a / SNR_b
 * (12) with the SNR (21) of the design, and the grid MLE searches the prior square plus a margin of
 * 5 √CRLB [mengvehicle A6], [mengvehicle P4].
 */
public final class RangeLocalization {
    private RangeLocalization() {
    }

    /** The ASSUMED coarse grid step (m) and the zoom's last grid step before Gauss–Newton [mengvehicle A6]. */
    public static final double COARSE_STEP_M = 0.25;
    public static final double POLISH_STEP_M = 1e-3;

    /**
     * @param squaredError ‖û − u‖² (m²)
     * @param crlb         tr J⁻¹ at the true u with the trial's variances (m²)
     * @param evaluations  cost evaluations of the search
     */
    public record Outcome(double squaredError, double crlb, long evaluations) {
    }

    /** The measurement setup of one vehicle under an allocation: anchors and variances of the associated BSs. */
    public record Setup(double[][] anchors, double[] variances, double centreX, double centreY, double radius, double halfWidth) {
    }

    public static Setup setup(Deployment dep, int k, VehicleLinks links, DwellAllocation alloc, MengParameters p) {
        int[] assoc = alloc.associated(p.associationThreshold());
        double[] tau = alloc.tau();
        double sum = 0;
        for (int b : assoc) {
            sum += tau[b];
        }
        double[][] anchors = new double[assoc.length][];
        double[] var = new double[assoc.length];
        double[] tt = new double[tau.length];
        for (int i = 0; i < assoc.length; i++) {
            int b = assoc[i];
            anchors[i] = new double[] {dep.bs()[b][0], dep.bs()[b][1], p.heightM()};
            var[i] = links.rangeVariance(b, tau[b] / sum, p);
            tt[b] = tau[b] / sum;
        }
        double crlb = DwellCrlb.of(tt, links.rho(), links.azimuth());
        double r = dep.radii()[k];
        return new Setup(anchors, var, dep.centres()[k][0], dep.centres()[k][1], r, r + 5 * Math.sqrt(crlb) + COARSE_STEP_M);
    }

    /** The range-model FIM of the horizontal position at (x, y) (known height 0), by the generic measurement rows. */
    public static double crlbAt(Setup s, double x, double y) {
        DMatrixRMaj f = MeasurementRows.rangeFisher(new double[] {x, y, 0}, s.anchors(), s.variances(), 2);
        double det = f.get(0, 0) * f.get(1, 1) - f.get(0, 1) * f.get(1, 0);
        return (f.get(0, 0) + f.get(1, 1)) / det;
    }

    /** One trial; {@code fullGrid} selects the two-stage reference search instead of the zoomed one. */
    public static Outcome trial(Setup s, RandomStream rng, boolean fullGrid) {
        double rad = s.radius() * Math.sqrt(rng.nextDouble());
        double ang = 2 * Math.PI * rng.nextDouble();
        double ux = s.centreX() + rad * Math.cos(ang);
        double uy = s.centreY() + rad * Math.sin(ang);
        double[] ranges = new double[s.anchors().length];
        for (int i = 0; i < ranges.length; i++) {
            double[] a = s.anchors()[i];
            double d = Math.sqrt((ux - a[0]) * (ux - a[0]) + (uy - a[1]) * (uy - a[1]) + a[2] * a[2]);
            ranges[i] = d + Math.sqrt(s.variances()[i]) * rng.nextGaussian();
        }
        RangeGridMle mle = new RangeGridMle(s.anchors(), 0, ranges, s.variances());
        RangeGridMle.Square sq = new RangeGridMle.Square(s.centreX(), s.centreY(), s.halfWidth());
        RangeGridMle.Estimate e = fullGrid ? mle.twoStage(sq, COARSE_STEP_M, POLISH_STEP_M) : mle.zoomed(sq, COARSE_STEP_M, POLISH_STEP_M);
        double ex = e.x() - ux;
        double ey = e.y() - uy;
        return new Outcome(ex * ex + ey * ey, crlbAt(s, ux, uy), e.evaluations());
    }
}
