package org.cosense.lab.systems.fangactive;

import java.util.List;
import org.cosense.lab.Experiment;
import org.cosense.lab.ExperimentProvider;

/** The figures of Fang et al., "Multi-active-IRS-assisted cooperative sensing" (system {@code fangactive}). */
public final class FangExperiments implements ExperimentProvider {
    @Override
    public String system() {
        return "fangactive";
    }

    @Override
    public String description() {
        return "multi-active-IRS cooperative sensing (Fang et al.): active-IRS FIMs, min-max CRB design by AO (SDP + SCA/SDR)";
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new PowerSweepFigure("fig3", true), new BudgetSweepFigure("fig4", true), new PowerSweepFigure("fig5", false),
                new BudgetSweepFigure("fig6", false), new Fig7Antennas());
    }
}
