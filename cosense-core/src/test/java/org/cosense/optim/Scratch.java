package org.cosense.optim;

public class Scratch {
    public static void main(String[] a) {
        FangRStep.RStep rs = PaperSizeTest.paperSize(7);
        System.out.println(rs.program().solve());
    }
}
