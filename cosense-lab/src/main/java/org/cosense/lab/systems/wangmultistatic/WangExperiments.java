package org.cosense.lab.systems.wangmultistatic;

import java.util.List;
import org.cosense.lab.Experiment;
import org.cosense.lab.ExperimentProvider;

/** The figures of Wang et al., receiver selection and transmit beamforming for multi-static ISAC (system {@code wangmultistatic}). */
public final class WangExperiments implements ExperimentProvider {
    @Override
    public String system() {
        return "wangmultistatic";
    }

    @Override
    public String description() {
        return "multi-static ISAC (Wang et al.): receiver selection, LoS beamforming SDP, cooperative delay-Doppler CRB";
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(
                new SchemeSweepFigure("fig2", SchemeSweepFigure.Axis.RATE),
                new SchemeSweepFigure("fig3", SchemeSweepFigure.Axis.TRANSMIT),
                new SchemeSweepFigure("fig4", SchemeSweepFigure.Axis.RECEIVE),
                new Fig5SelectionTradeoff(),
                new Fig6GroupSize(),
                new Fig7MatchedFilter(),
                new PositionFigure());
    }
}
