package org.cosense.lab.dummy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cosense.lab.Check;
import org.cosense.lab.Experiment;
import org.cosense.lab.ExperimentProvider;
import org.cosense.lab.FigureResult;
import org.cosense.lab.LinePanel;
import org.cosense.lab.MapPanel;
import org.cosense.lab.Panel;
import org.cosense.lab.RunContext;
import org.cosense.lab.Series;
import org.cosense.lab.Stats;
import org.cosense.lab.Table;
import org.cosense.math.RandomStream;

/** A tiny system exercising the reproduction pipeline: a Monte Carlo line figure, a map, a table, several panels. */
public final class DummySystem implements ExperimentProvider {
    @Override
    public String system() {
        return "dummy";
    }

    @Override
    public String description() {
        return "Test system: sample-mean estimation against its bound";
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new Fig("fig1", "RMSE of the sample mean vs SNR", 200, 20),
                new Fig("fig2", "Pseudo-spectrum with true directions", 0, 0),
                new Fig("fig10", "Three panels", 50, 10),
                new Fig("table1", "Parameters table", 0, 0));
    }

    static final int SAMPLES = 10;
    static final double[] SNR_DB = {-10, -5, 0, 5, 10, 15, 20};

    private record Fig(String id, String title, int defaultTrials, int quickTrials) implements Experiment {
        @Override
        public String system() {
            return "dummy";
        }

        @Override
        public String paperBehaviour() {
            return "The RMSE decreases with SNR & meets the bound <sigma/sqrt(N)>.";
        }

        @Override
        public FigureResult run(RunContext ctx) {
            return switch (id) {
                case "fig1" -> new FigureResult("Sample mean of N = 10 noisy observations; ASSUMED unit signal.",
                        List.of(rmsePanel(ctx, "")), null, List.of(), params(ctx), checks(ctx));
                case "fig2" -> new FigureResult("Two-source spectrum on a 41 × 31 grid.", List.of(map(false)), null,
                        List.of(doas()), Map.of("grid", List.of(41, 31)), List.of(Check.paper("peaks-at-sources", "peaks at the sources", true, "2 of 2"),
                                Check.invariant("grid-covers-sources", "the grid covers both sources", true, "by construction")));
                case "fig10" -> new FigureResult("Line, map and log-map panels.",
                        List.of(rmsePanel(ctx, "(a) RMSE"), map(false), map(true)), null, null, params(ctx), null);
                default -> new FigureResult("A table.", List.of(), new Table("table1.csv", List.of("parameter", "value"),
                        List.of(List.of("N", "10"), List.of("note", "commas, \"quotes\""))), null, null,
                        List.of(Check.paper("always-fails", "always fails", false, "on purpose"),
                                Check.extension("table-written", "the table is written", true, "2 rows")));
            };
        }

        private static Map<String, Object> params(RunContext ctx) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("samples", SAMPLES);
            p.put("snrDb", SNR_DB);
            p.put("trials", ctx.trials());
            return p;
        }

        private static double[][][] simulate(RunContext ctx) {
            return ctx.monteCarlo().run("dummy", ctx.seed(), SNR_DB.length, ctx.trials(), (p, t, rng) -> {
                double sigma = Math.pow(10, -SNR_DB[p] / 20);
                double s = 0;
                for (int i = 0; i < SAMPLES; i++) {
                    s += 1 + sigma * rng.nextGaussian();
                }
                double err = s / SAMPLES - 1;
                return new double[] {err, Math.abs(err)};
            });
        }

        private static LinePanel rmsePanel(RunContext ctx, String title) {
            double[][][] r = simulate(ctx);
            double[] bound = new double[SNR_DB.length];
            double[] median = Stats.percentile(r, 1, 50);
            for (int p = 0; p < SNR_DB.length; p++) {
                bound[p] = Math.pow(10, -SNR_DB[p] / 20) / Math.sqrt(SAMPLES);
            }
            double[] broken = bound.clone();
            broken[3] = Double.POSITIVE_INFINITY;
            for (int p = 0; p < broken.length; p++) {
                broken[p] *= 3;
            }
            return new LinePanel(title, "SNR (dB)", "RMSE", false, true, List.of(
                    Stats.series("sample mean (MC)", SNR_DB, Stats.rmse(r, 0), Series.Style.LINE_MARKERS),
                    Series.of("CRB", SNR_DB, bound, Series.Style.DASHED),
                    Series.of("median |error|", SNR_DB, median, Series.Style.MARKERS),
                    Series.of("3 × CRB, unidentifiable at 5 dB", SNR_DB, broken, Series.Style.LINE)));
        }

        private static List<Check> checks(RunContext ctx) {
            Stats.Estimate[] e = Stats.rmse(simulate(ctx), 0);
            boolean decreasing = true;
            for (int p = 1; p < e.length; p++) {
                decreasing &= e[p].value() < e[p - 1].value();
            }
            return List.of(Check.paper("rmse-decreases", "RMSE decreases with SNR", decreasing, "RMSE " + e[0].value() + " → " + e[e.length - 1].value()));
        }

        private static MapPanel map(boolean logZ) {
            int nx = 41;
            int ny = 31;
            double[] xs = new double[nx];
            double[] ys = new double[ny];
            for (int i = 0; i < nx; i++) {
                xs[i] = -1 + 2.0 * i / (nx - 1);
            }
            for (int i = 0; i < ny; i++) {
                ys[i] = -0.75 + 1.5 * i / (ny - 1);
            }
            double[][] z = new double[ny][nx];
            RandomStream rng = new RandomStream(7);
            for (int iy = 0; iy < ny; iy++) {
                for (int ix = 0; ix < nx; ix++) {
                    double a = Math.exp(-(sq(xs[ix] - 0.3) + sq(ys[iy] + 0.2)) / 0.02);
                    double b = 0.5 * Math.exp(-(sq(xs[ix] + 0.5) + sq(ys[iy] - 0.4)) / 0.03);
                    double p = a + b + 1e-3 * (1 + rng.nextDouble());
                    z[iy][ix] = logZ ? p : 10 * Math.log10(p);
                }
            }
            return new MapPanel(logZ ? "(c) spectrum, log scale" : "spectrum (dB)", "μ", "ν", logZ ? "P" : "P (dB)", xs, ys, z,
                    logZ, List.of(new MapPanel.Marker("target 1", 0.3, -0.2), new MapPanel.Marker("target 2", -0.5, 0.4)));
        }

        private static Table doas() {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("1", "0.3", "-0.2"));
            rows.add(List.of("2", "-0.5", "0.4"));
            return new Table("fig2-doas.csv", List.of("target", "mu", "nu"), rows);
        }

        private static double sq(double v) {
            return v * v;
        }
    }
}
