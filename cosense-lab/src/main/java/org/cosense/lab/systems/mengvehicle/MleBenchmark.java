package org.cosense.lab.systems.mengvehicle;

import java.io.PrintStream;

import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.cosense.lab.Csdp;
import org.cosense.localization.RangeGridMle;
import org.cosense.math.RandomStream;
import org.cosense.systems.mengvehicle.Deployment;
import org.cosense.systems.mengvehicle.DwellAllocation;
import org.cosense.systems.mengvehicle.DwellTimeSolver;
import org.cosense.systems.mengvehicle.MengParameters;
import org.cosense.systems.mengvehicle.RangeLocalization;
import org.cosense.systems.mengvehicle.VehicleLinks;

/**
 * {@code cosense bench meng-mle}: the zoomed grid MLE (coarse 0.25 m grid, 9x9 zoom grids, Gauss-Newton polish) against the
 * two-stage full grid (the same coarse grid, then one 1e-3 m grid over +-2 coarse steps) on the same noisy ranges (Fig. 4's
 * setting at P = 0.5 W, B = 10 with the optimal allocation, r = 5 m), one thread. Estimates must agree within 1e-3 m.
 */
public final class MleBenchmark implements Benchmark {
    @Override
    public String name() {
        return "meng-mle";
    }

    @Override
    public String description() {
        return "mengvehicle range grid MLE: zoom + Gauss-Newton vs the two-stage 1e-3 m grid on the same ranges";
    }

    @Override
    public int defaultTrials() {
        return 30;
    }

    @Override
    public int minTrials() {
        return 3;
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        int trials = opts.trials();
        MengParameters p = MengParameters.defaults();
        Deployment d = Deployment.random(RandomStream.forTrial(opts.seed(), 0, 0), 10, 1, 5, Deployment.MIN_DISTANCE_M);
        VehicleLinks l = VehicleLinks.of(d, 0, p);
        DwellAllocation a = DwellTimeSolver.solve(l.rho(), l.azimuth());
        RangeLocalization.Setup s = RangeLocalization.setup(d, 0, l, a, p);
        RangeGridMle[] problems = new RangeGridMle[trials];
        for (int t = 0; t < trials; t++) {
            RandomStream rng = RandomStream.forTrial(opts.seed(), 1, t);
            double rad = s.radius() * Math.sqrt(rng.nextDouble());
            double ang = 2 * Math.PI * rng.nextDouble();
            double ux = s.centreX() + rad * Math.cos(ang);
            double uy = s.centreY() + rad * Math.sin(ang);
            double[] ranges = new double[s.anchors().length];
            for (int i = 0; i < ranges.length; i++) {
                double[] q = s.anchors()[i];
                ranges[i] = Math.sqrt((ux - q[0]) * (ux - q[0]) + (uy - q[1]) * (uy - q[1]) + q[2] * q[2])
                        + Math.sqrt(s.variances()[i]) * rng.nextGaussian();
            }
            problems[t] = new RangeGridMle(s.anchors(), 0, ranges, s.variances());
        }
        RangeGridMle.Square sq = new RangeGridMle.Square(s.centreX(), s.centreY(), s.halfWidth());
        for (int w = 0; w < 50; w++) {   // JIT warm-up, not timed
            problems[w % trials].zoomed(sq, RangeLocalization.COARSE_STEP_M, RangeLocalization.POLISH_STEP_M);
        }
        problems[0].twoStage(sq, RangeLocalization.COARSE_STEP_M, RangeLocalization.POLISH_STEP_M);
        double[] zMs = new double[trials];
        double[] fMs = new double[trials];
        double worst = 0;
        long zEval = 0;
        long fEval = 0;
        for (int t = 0; t < trials; t++) {
            long t0 = System.nanoTime();
            RangeGridMle.Estimate z = problems[t].zoomed(sq, RangeLocalization.COARSE_STEP_M, RangeLocalization.POLISH_STEP_M);
            long t1 = System.nanoTime();
            RangeGridMle.Estimate f = problems[t].twoStage(sq, RangeLocalization.COARSE_STEP_M, RangeLocalization.POLISH_STEP_M);
            long t2 = System.nanoTime();
            zMs[t] = (t1 - t0) / 1e6;
            fMs[t] = (t2 - t1) / 1e6;
            worst = Math.max(worst, Math.hypot(z.x() - f.x(), z.y() - f.y()));
            zEval += z.evaluations();
            fEval += f.evaluations();
        }
        double zm = Csdp.median(zMs);
        double fm = Csdp.median(fMs);
        out.printf("meng-mle: %d associated BSs, search square half-width %.2f m, coarse step %.2f m, %d noisy range sets, one thread%n",
                s.anchors().length, s.halfWidth(), RangeLocalization.COARSE_STEP_M, trials);
        out.printf("cosense: %.3f ms/estimate (zoom + Gauss-Newton, median of %d, %d cost evaluations on average)%n", zm, trials, zEval / trials);
        out.printf("full grid: %.1f ms/estimate (two-stage, 1e-3 m fine grid, median of %d, %d cost evaluations on average)%n", fm, trials,
                fEval / trials);
        out.printf("ratio: %.0fx%n", fm / zm);
        out.printf("same estimates: %s (largest distance %.2e m, tolerance 1e-3 m)%n", worst <= 1e-3 ? "yes" : "NO", worst);
    }
}
