package org.cosense.lab.systems.zhanghybrid;

import java.util.List;

import org.cosense.lab.Experiment;
import org.cosense.lab.ExperimentProvider;

/** The figures of Zhang et al., multi-IRS collaborative hybrid time–angle localization (system {@code zhanghybrid}). */
public final class ZhangExperiments implements ExperimentProvider {
    @Override
    public String system() {
        return "zhanghybrid";
    }

    @Override
    public String description() {
        return "multi-IRS collaborative localization (Zhang et al.): cascaded delays, AOA/AOD, position CRBs, three-stage localizer";
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(
                new CrbSweepFigure("fig3", CrbSweepFigure.Axis.ELEMENTS),
                new CrbSweepFigure("fig4", CrbSweepFigure.Axis.SENSORS),
                new CrbSweepFigure("fig5", CrbSweepFigure.Axis.RADIUS),
                new AngleMseFigure(),
                new LocationMseFigure("fig7", LocationMseFigure.Axis.POWER),
                new LocationMseFigure("fig8", LocationMseFigure.Axis.IRS_X));
    }
}
