package org.cosense.systems.fangactive;

/**
 * The outcome of one design procedure (AO or a benchmark).
 *
 * @param design     the final design (exact CRBs)
 * @param trace      max_l CRB_l after each AO iteration (R-step and Psi-steps), nonincreasing
 * @param halfSteps  max_l CRB_l after every R-step and every Psi-step sweep, in order, nonincreasing
 *                   (property 27)
 * @param iterations AO iterations run
 * @param start      which start produced the design ("transmit-only", "reflective-only", "passive", …)
 */
public record AoResult(FangDesign design, double[] trace, double[] halfSteps, int iterations, String start) {
    public AoResult {
        trace = trace.clone();
        halfSteps = halfSteps.clone();
    }

    public double maxCrb() {
        return design.maxCrb();
    }
}
