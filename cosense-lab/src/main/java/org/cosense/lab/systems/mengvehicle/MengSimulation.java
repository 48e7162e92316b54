package org.cosense.lab.systems.mengvehicle;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.lab.MonteCarlo;
import org.cosense.lab.Progress;
import org.cosense.lab.SimulationJson;
import org.cosense.math.RandomStream;
import org.cosense.optim.Polyblock;
import org.cosense.systems.mengvehicle.Association;
import org.cosense.systems.mengvehicle.Deployment;
import org.cosense.systems.mengvehicle.DwellAllocation;
import org.cosense.systems.mengvehicle.DwellBenchmarks;
import org.cosense.systems.mengvehicle.DwellPolyblock;
import org.cosense.systems.mengvehicle.DwellTimeSolver;
import org.cosense.systems.mengvehicle.InterferenceGraph;
import org.cosense.systems.mengvehicle.MengParameters;
import org.cosense.systems.mengvehicle.MultiVehicleScheduler;
import org.cosense.systems.mengvehicle.RangeLocalization;
import org.cosense.systems.mengvehicle.SlotSchedule;
import org.cosense.systems.mengvehicle.VehicleLinks;

/**
 * One user-defined deployment of the vehicle-IRS system ({@code cosense simulate mengvehicle}): spans and flattening
 * partitions, each vehicle's dwell-time allocation per scheme with its CRLB, the polyblock's certified gap, the multi-vehicle
 * slot schedules, and the grid MLE's MSE against the CRLB by Monte Carlo.
 */
public final class MengSimulation {
    private MengSimulation() {
    }

    public static final List<String> SCHEMES = List.of("proposed", "average", "closest");
    /** The polyblock budget of the simulation (ASSUMED [mengvehicle A5]). */
    public static final int POLYBLOCK_ITERATIONS = 20_000;

    /**
     * @param bs       BS positions; empty for a random layout of {@code bsCount} BSs from the seed
     * @param vehicles prior centres
     */
    public record Config(List<double[]> bs, int bsCount, List<double[]> vehicles, double radius, MengParameters parameters,
            List<String> schemes, int trials, long seed) {
        public Config {
            bs = bs.stream().map(double[]::clone).toList();
            vehicles = vehicles.stream().map(double[]::clone).toList();
            InvalidInputException.require(!vehicles.isEmpty(), "vehicle count", 0, "must be at least 1");
            InvalidInputException.require(radius >= 0 && Double.isFinite(radius), "radius", radius, "must be finite and ≥ 0");
            InvalidInputException.require(!schemes.isEmpty(), "schemes", "", "must name at least one of " + SCHEMES);
            for (String s : schemes) {
                InvalidInputException.require(SCHEMES.contains(s), "schemes", s, "must be one of " + SCHEMES);
            }
            schemes = List.copyOf(schemes);
            InvalidInputException.positive("trials", trials);
        }
    }

    public record BsLink(int bs, double x, double y, double distanceM, double azimuthRad, double spanX, double spanY, int lx, int ly,
            double rho) {
    }

    public record Allocation(String scheme, int[] associated, double[] tau, double crlb, double mleMse, double mleCrlb) {
    }

    public record VehicleReport(int vehicle, double x, double y, List<BsLink> links, List<Allocation> allocations, double polyblockCrlb,
            double polyblockCertifiedGap, int polyblockIterations) {
    }

    public record Slot(int slot, double share, List<String> associations) {
    }

    public record Schedule(String scheme, int slots, double maxCrlb, double[] crlb, List<Slot> schedule) {
    }

    public record Result(Config config, double[][] bs, List<VehicleReport> vehicles, int interferingTriples, List<Schedule> schedules,
            int threads, double runtimeSeconds) {
    }

    public static Deployment deployment(Config c) {
        double[][] centres = c.vehicles().toArray(new double[0][]);
        double[] radii = new double[centres.length];
        java.util.Arrays.fill(radii, c.radius());
        if (!c.bs().isEmpty()) {
            return new Deployment(c.bs().toArray(new double[0][]), centres, radii);
        }
        InvalidInputException.require(c.bsCount() >= 2, "bs count", c.bsCount(), "must be at least 2 (a position needs two ranges)");
        RandomStream rng = new RandomStream(c.seed());
        double[][] q = new double[c.bsCount()][];
        for (int b = 0; b < q.length; b++) {
            while (q[b] == null) {
                double x = 250 * (2 * rng.nextDouble() - 1);
                double y = 250 * (2 * rng.nextDouble() - 1);
                boolean ok = true;
                for (double[] ck : centres) {
                    ok &= Math.hypot(x - ck[0], y - ck[1]) >= c.radius() + Deployment.MIN_DISTANCE_M;
                }
                if (ok) {
                    q[b] = new double[] {x, y};
                }
            }
        }
        return new Deployment(q, centres, radii);
    }

    public static Result run(Config c, int threads, Progress progress) {
        long t0 = System.nanoTime();
        MengParameters p = c.parameters();
        Deployment d = deployment(c);
        int kk = d.vehicleCount();
        VehicleLinks[] links = new VehicleLinks[kk];
        for (int k = 0; k < kk; k++) {
            links[k] = VehicleLinks.of(d, k, p);
        }
        List<VehicleReport> reports = new ArrayList<>();
        MonteCarlo mc = new MonteCarlo(threads, progress);
        for (int k = 0; k < kk; k++) {
            VehicleLinks l = links[k];
            List<BsLink> bl = new ArrayList<>();
            for (int b = 0; b < d.bsCount(); b++) {
                bl.add(new BsLink(b + 1, d.bs()[b][0], d.bs()[b][1], l.distance()[b], l.azimuth()[b], l.spans()[b].widthX(), l.spans()[b].widthY(),
                        l.flattening()[b].lx(), l.flattening()[b].ly(), l.rho()[b]));
            }
            List<Allocation> allocs = new ArrayList<>();
            for (int s = 0; s < c.schemes().size(); s++) {
                String name = c.schemes().get(s);
                DwellAllocation a = switch (name) {
                    case "proposed" -> DwellTimeSolver.solve(l.rho(), l.azimuth());
                    case "average" -> DwellBenchmarks.average(l.rho(), l.azimuth());
                    default -> DwellBenchmarks.closest(l.rho(), l.azimuth(), l.distance());
                };
                RangeLocalization.Setup setup = RangeLocalization.setup(d, k, l, a, p);
                double[][][] r = mc.run("mengvehicle vehicle " + (k + 1) + " " + name, c.seed() + 31L * k + s, 1, c.trials(), (pt, t, rng) -> {
                    RangeLocalization.Outcome o = RangeLocalization.trial(setup, rng, false);
                    return new double[] {o.squaredError(), o.crlb()};
                });
                double mse = 0;
                double crlb = 0;
                for (double[] t : r[0]) {
                    mse += t[0] / c.trials();
                    crlb += t[1] / c.trials();
                }
                int[] assoc = java.util.Arrays.stream(a.associated(p.associationThreshold())).map(x -> x + 1).toArray();
                allocs.add(new Allocation(name, assoc, a.tau(), a.crlb(), mse, crlb));
            }
            Polyblock.Result pb = DwellPolyblock.solve(l.rho(), l.azimuth(), Polyblock.Options.of(1e-3, POLYBLOCK_ITERATIONS), null);
            reports.add(new VehicleReport(k + 1, d.centres()[k][0], d.centres()[k][1], bl, allocs, 1 / pb.lower(), pb.gap(), pb.iterations()));
        }
        InterferenceGraph g = InterferenceGraph.of(links);
        List<Schedule> schedules = new ArrayList<>();
        schedules.add(schedule("proposed", MultiVehicleScheduler.proposed(links, g)));
        schedules.add(schedule("closest", MultiVehicleScheduler.closest(links, g)));
        schedules.add(schedule("timedivision", MultiVehicleScheduler.timeDivision(links)));
        return new Result(c, d.bs(), reports, g.count(), schedules, threads, (System.nanoTime() - t0) / 1e9);
    }

    static Schedule schedule(String name, SlotSchedule s) {
        List<Slot> slots = new ArrayList<>();
        for (int n = 0; n < s.slotCount(); n++) {
            List<String> a = new ArrayList<>();
            for (Association x : s.slots().get(n)) {
                a.add("BS " + (x.bs() + 1) + " -> vehicle " + (x.vehicle() + 1));
            }
            slots.add(new Slot(n + 1, s.tau()[n], a));
        }
        return new Schedule(name, s.slotCount(), s.maxCrlb(), s.crlb(), slots);
    }

    public static String toJson(Result r) {
        return SimulationJson.write(r);
    }
}
