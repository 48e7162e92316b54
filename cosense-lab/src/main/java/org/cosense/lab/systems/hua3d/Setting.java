package org.cosense.lab.systems.hua3d;

import java.util.List;

/** A (T1, T2, Nbar_r) setting of Figs. 9 and 12 (ASSUMED: the legend values are not printed, [hua3d E20]). */
record Setting(int t1, int t2, int nbarR) {
    static final List<Setting> PAPER = List.of(new Setting(24, 20, 20), new Setting(24, 20, 30), new Setting(60, 60, 30));

    /** Kebab-case identifier for check ids, e.g. "t1-24-t2-20-nbar-20". */
    String id() {
        return "t1-" + t1 + "-t2-" + t2 + "-nbar-" + nbarR;
    }

    String label() {
        return "T1 = " + t1 + ", T2 = " + t2 + ", Nbar_r = " + nbarR;
    }
}
