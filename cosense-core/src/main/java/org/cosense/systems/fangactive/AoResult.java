package org.cosense.systems.fangactive;

import java.util.Map;
import java.util.TreeMap;

import org.cosense.optim.Status;

/**
 * The outcome of one design procedure (AO or a benchmark).
 *
 * @param design     the final design (exact CRBs)
 * @param trace      max_l CRB_l after each AO iteration (R-step and Psi-steps), nonincreasing
 * @param halfSteps  max_l CRB_l after every R-step and every Psi-step sweep, in order, nonincreasing
 *                   ([fangactive C27])
 * @param iterations AO iterations run
 * @param start      which start produced the design ("transmit-only", "reflective-only", "passive", …)
 * @param solverStatuses how many convex solves (R-steps and SDR solves) ended with each status; points of every
 *                   status that has one are used (also NEAR_OPTIMAL), since each step re-evaluates them exactly
 *                   and keeps its incumbent when they are worse
 */
public record AoResult(FangDesign design, double[] trace, double[] halfSteps, int iterations, String start,
        Map<Status, Integer> solverStatuses) {
    public AoResult {
        trace = trace.clone();
        halfSteps = halfSteps.clone();
        solverStatuses = java.util.Collections.unmodifiableMap(new TreeMap<>(solverStatuses));
    }

    /** A result without convex solves (or whose statuses are not tracked). */
    public AoResult(FangDesign design, double[] trace, double[] halfSteps, int iterations, String start) {
        this(design, trace, halfSteps, iterations, start, Map.of());
    }

    public double maxCrb() {
        return design.maxCrb();
    }
}
