package org.cosense.lab.systems.fangactive;

import java.util.List;
import java.util.Locale;

import org.cosense.lab.RunContext;
import org.cosense.systems.fangactive.AoSettings;
import org.junit.jupiter.api.Test;

/** Scratch: which part of the figures' loop moves fig7's BS designs (not part of the suite). */
class LoopDiagnosisScratch {
    @Test
    void fig7Bs() {
        String figId = System.getProperty("fig", "fig7");
        FangFigure f = FangFiguresBenchmark.figures(List.of(figId)).get(0);
        RunContext ctx = new RunContext(1, 1, 1, false, null);
        FangFigure.Plan full = f.plan(ctx);
        String only = System.getProperty("curves", "0,1");
        List<FangFigure.Curve> cs = java.util.Arrays.stream(only.split(",")).map(k -> full.curves().get(Integer.parseInt(k))).toList();
        FangFigure.Plan plan = new FangFigure.Plan(full.axis(), full.x(), cs, full.budget(), full.antennas());
        DesignLoop ref = DesignLoop.reference();
        DesignLoop fig = DesignLoop.FIGURES;
        List<DesignLoop> loops = List.of(ref, new DesignLoop("ref-rules+new-solver", AoSettings.reference(), fig.solver()),
                new DesignLoop("fast-rules+ref-solver", AoSettings.fast(), ref.solver()), fig,
                new DesignLoop("ref-rules-but-rank-one+ref-solver", AoSettings.reference().withSkipRankOneRandomization(true), ref.solver()));
        double[][][] out = new double[loops.size()][][];
        for (int i = 0; i < loops.size(); i++) {
            long c0 = FangFigure.cpuNanos();
            out[i] = f.realization(ctx, plan, 0, loops.get(i), null);
            System.out.printf(Locale.ROOT, "%s: %.1f CPU-s%n", loops.get(i).name(), (FangFigure.cpuNanos() - c0) / 1e9);
        }
        for (int p = 0; p < plan.x().length; p++) {
            for (int c = 0; c < cs.size(); c++) {
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "x=%s %-40s ref %.10e", plan.x()[p], cs.get(c).label(), out[0][p][c]));
                for (int i = 1; i < loops.size(); i++) {
                    sb.append(String.format(Locale.ROOT, " | %s %+.2e", loops.get(i).name(), (out[i][p][c] - out[0][p][c]) / out[0][p][c]));
                }
                System.out.println(sb);
            }
        }
    }
}
