package org.cosense.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cosense simulate <system>}: one user-defined deployment of a system. Each system has its
 * own subcommand class ({@link SimulateHua3dCommand}, {@link SimulateFangactiveCommand}); a new
 * system adds one class and one entry in {@code subcommands}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate one user-defined deployment of a system (a single run, before sweeping).",
        subcommands = {SimulateHua3dCommand.class, SimulateFangactiveCommand.class, SimulateWangmultistaticCommand.class,
            SimulateMengvehicleCommand.class, SimulateZhanghybridCommand.class})
final class SimulateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "system = (none) is not allowed: must be one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
