package org.cosense.lab.systems.mengvehicle;

import java.util.List;

import org.cosense.lab.Experiment;
import org.cosense.lab.ExperimentProvider;

/** The figures of Meng et al., cooperative cellular localization with vehicle-mounted IRSs (system {@code mengvehicle}). */
public final class MengExperiments implements ExperimentProvider {
    @Override
    public String system() {
        return "mengvehicle";
    }

    @Override
    public String description() {
        return "vehicle-mounted IRS localization (Meng et al.): beam flattening, range CRLB, dwell-time allocation, association and slot scheduling";
    }

    @Override
    public List<Experiment> experiments() {
        return List.of(new Table1Association(), new Fig3EchoMap(), new Fig4MsePower(), new SingleVehicleSweep(SingleVehicleSweep.Axis.ELEMENTS),
                new SingleVehicleSweep(SingleVehicleSweep.Axis.BS), new MultiVehicleSweep(MultiVehicleSweep.Axis.SLOTS_VS_BS),
                new MultiVehicleSweep(MultiVehicleSweep.Axis.CRLB_VS_VEHICLES), new MultiVehicleSweep(MultiVehicleSweep.Axis.CRLB_VS_RADIUS));
    }
}
