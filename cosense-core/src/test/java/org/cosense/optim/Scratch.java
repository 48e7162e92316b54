package org.cosense.optim;

public class Scratch {
    public static void main(String[] a) {
        FangRStep.RStep rs = FangRStep.rStep(FangRStepTest.rsA(), 1, 6, true);
        System.out.println(rs.program().solve());
        FangRStep.RStep rb = FangRStep.rStep(FangRStepTest.rsB(0.01, 1.0, 4), 2, 100, true);
        System.out.println(rb.program().solve());
    }
}
