package org.cosense.lab.dummy;

import java.util.ArrayList;
import java.util.List;
import org.cosense.lab.Experiment;
import org.cosense.lab.ExperimentProvider;
import org.cosense.lab.FigureResult;
import org.cosense.lab.RunContext;
import org.cosense.lab.Table;

/**
 * A catalog system of the tests (registered in the test class path only): one figure whose second
 * Monte Carlo call is set up from the results of the first (its noise level is the first call's
 * mean absolute value), so a worker can rebuild the second call's trials only from the shipped
 * earlier results. Cheap enough to run in a few hundred milliseconds.
 */
public final class ChainedCallsSystem implements ExperimentProvider {
    public static final String SYSTEM = "sparkchain";

    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public String description() {
        return "test system: two Monte Carlo calls, the second set up from the first's results";
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new Chained());
    }

    private record Chained() implements Experiment {
        @Override
        public String system() {
            return SYSTEM;
        }

        @Override
        public String id() {
            return "fig1";
        }

        @Override
        public String title() {
            return "Two chained Monte Carlo calls";
        }

        @Override
        public String paperBehaviour() {
            return "none (a test figure)";
        }

        @Override
        public int defaultTrials() {
            return 40;
        }

        @Override
        public int quickTrials() {
            return 40;
        }

        @Override
        public FigureResult run(RunContext ctx) {
            double[][][] first = ctx.monteCarlo().run(qualifiedId() + "-first", ctx.seed(), 3, ctx.trials(),
                    (p, t, rng) -> new double[] {(p + 1) * rng.nextGaussian()});
            double level = 0;
            for (double[][] point : first) {
                for (double[] trial : point) {
                    level += Math.abs(trial[0]);
                }
            }
            double sigma = level / (3.0 * ctx.trials());
            double[][][] second = ctx.monteCarlo().run(qualifiedId() + "-second", ctx.seed() + 1, 2, ctx.trials(),
                    (p, t, rng) -> new double[] {sigma * rng.nextGaussian(), p + rng.nextDouble()});
            List<List<String>> rows = new ArrayList<>();
            for (int p = 0; p < second.length; p++) {
                for (int t = 0; t < second[p].length; t++) {
                    rows.add(List.of(Integer.toString(p), Integer.toString(t), Double.toString(second[p][t][0]),
                            Double.toString(second[p][t][1])));
                }
            }
            return new FigureResult("Second call's draws, scaled by the first call's mean absolute value " + sigma + ".", List.of(),
                    new Table("fig1.csv", List.of("point", "trial", "scaled", "offset"), rows), null, null, null);
        }
    }
}
