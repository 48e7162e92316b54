package org.cosense.lab.systems.mengvehicle;

import java.io.PrintStream;

import org.cosense.lab.BenchOptions;
import org.cosense.lab.Benchmark;
import org.cosense.lab.Csdp;
import org.cosense.math.RandomStream;
import org.cosense.optim.Polyblock;
import org.cosense.systems.mengvehicle.DwellPolyblock;
import org.cosense.systems.mengvehicle.DwellProgram;
import org.cosense.systems.mengvehicle.DwellTimeSolver;
import org.cosense.systems.mengvehicle.MengParameters;
import org.cosense.systems.mengvehicle.VehicleLinks;

/**
 * {@code cosense bench meng-dwell}: the exact single-vehicle dwell-time solver (pairs in closed form, triples by Newton)
 * against the interior-point program (the {@code ConvexProgram} traceInverse term) and against the paper's polyblock, on the
 * same random layouts (B = 10, r = 5 m), one thread. The optima must agree (interior point to 1e-7 relative; the polyblock
 * is reported with its excess and certified gap, it is not expected to converge).
 */
public final class DwellBenchmark implements Benchmark {
    @Override
    public String name() {
        return "meng-dwell";
    }

    @Override
    public String description() {
        return "mengvehicle dwell-time allocation (B = 10): exact solver vs interior-point program vs polyblock on the same layouts";
    }

    @Override
    public int defaultTrials() {
        return 100;
    }

    @Override
    public int minTrials() {
        return 5;
    }

    @Override
    public void run(BenchOptions opts, PrintStream out) {
        int layouts = opts.trials();
        MengParameters p = MengParameters.defaults();
        VehicleLinks[] l = new VehicleLinks[layouts];
        for (int t = 0; t < layouts; t++) {
            l[t] = VehicleLinks.of(org.cosense.systems.mengvehicle.Deployment.random(RandomStream.forTrial(opts.seed(), 0, t), 10, 1, 5,
                    org.cosense.systems.mengvehicle.Deployment.MIN_DISTANCE_M), 0, p);
        }
        for (int w = 0; w < 3; w++) {   // JIT warm-up, not timed
            for (int t = 0; t < Math.min(layouts, 20); t++) {
                DwellTimeSolver.solve(l[t].rho(), l[t].azimuth());
                DwellProgram.solve(l[t].rho(), l[t].azimuth());
            }
        }
        double[] exactMs = new double[layouts];
        double[] ipMs = new double[layouts];
        double[] exact = new double[layouts];
        double worst = 0;
        for (int t = 0; t < layouts; t++) {
            long t0 = System.nanoTime();
            exact[t] = DwellTimeSolver.solve(l[t].rho(), l[t].azimuth()).crlb();
            long t1 = System.nanoTime();
            double ip = DwellProgram.solve(l[t].rho(), l[t].azimuth()).crlb();
            long t2 = System.nanoTime();
            exactMs[t] = (t1 - t0) / 1e6;
            ipMs[t] = (t2 - t1) / 1e6;
            worst = Math.max(worst, Math.abs(exact[t] - ip) / ip);
        }
        int pbLayouts = Math.min(layouts, 10);
        double[] pbMs = new double[pbLayouts];
        double excess = 0;
        double gap = 0;
        for (int t = 0; t < pbLayouts; t++) {
            long t0 = System.nanoTime();
            Polyblock.Result r = DwellPolyblock.solve(l[t].rho(), l[t].azimuth(), Polyblock.Options.of(1e-3, 20_000), null);
            pbMs[t] = (System.nanoTime() - t0) / 1e6;
            excess = Math.max(excess, 1 / r.lower() / exact[t] - 1);
            gap = Math.max(gap, r.gap());
        }
        double e = Csdp.median(exactMs);
        double ip = Csdp.median(ipMs);
        double pb = Csdp.median(pbMs);
        out.printf("meng-dwell: B = 10, r = 5 m, %d random layouts (polyblock on the first %d, 20000 iterations, tolerance 1e-3), one thread%n",
                layouts, pbLayouts);
        out.printf("cosense: %.4f ms/allocation (exact solver, median of %d)%n", e, layouts);
        out.printf("interior point: %.2f ms/allocation (ConvexProgram traceInverse, median of %d, same layouts)%n", ip, layouts);
        out.printf("polyblock: %.2f ms/allocation (median of %d)%n", pb, pbLayouts);
        out.printf("ratio: %.0fx (interior point / exact); polyblock / exact %.0fx%n", ip / e, pb / e);
        out.printf("same optimum: %s (largest relative CRLB difference exact vs interior point %.2e, tolerance 1e-7); polyblock CRLB above "
                + "the exact optimum by at most %.2e, certified gap at most %.2f%n", worst <= 1e-7 ? "yes" : "NO", worst, excess, gap);
    }
}
