package org.cosense.lab.systems.hua3d;

import java.util.List;
import org.cosense.lab.Experiment;
import org.cosense.lab.ExperimentProvider;

/** The figures and table of Hua et al., "3D multi-target localization via IRS" (system {@code hua3d}). */
public final class Hua3dExperiments implements ExperimentProvider {
    @Override
    public String system() {
        return "hua3d";
    }

    @Override
    public String description() {
        return "3D multi-target localization via IRS (Hua et al.): 2D MUSIC, IRS beam scanning, DoA CRBs, two-ray 3D construction";
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new Fig3BeamGain(), new Fig4ReceivedPower(), new Fig6MusicRmse(), new Fig7ScanRmsePower(),
                new Fig8ScanRmseT2(), new Fig9SingleTargetRmse(), new Fig10ErrorMap(), new Fig11MultiTargetSpectra(),
                new Fig12MultiTargetRmse(), new Table1BeamCount());
    }
}
