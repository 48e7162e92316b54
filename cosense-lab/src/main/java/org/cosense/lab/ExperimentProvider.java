package org.cosense.lab;

import java.util.List;

/**
 * The figures of one system (one paper), found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/org.cosense.lab.ExperimentProvider}.
 */
public interface ExperimentProvider {
    /** System id, e.g. {@code hua3d}; every experiment's {@link Experiment#system()} equals it. */
    String system();

    /** One line: the paper and what the system does. */
    String description();

    /** The figures and tables, in the paper's order. */
    List<Experiment> experiments();
}
