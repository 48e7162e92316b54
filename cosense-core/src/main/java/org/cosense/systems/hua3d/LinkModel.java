package org.cosense.systems.hua3d;

/**
 * Which IRS paths the stage-II echo contains after matched filtering (32a).
 */
public enum LinkModel {
    /** All three IRS paths, coherent sum: alpha q^2 + alphat b q ("True" in Fig. 4; default). */
    FULL,
    /** Only BS-IRS-target-IRS-BS: alpha q^2 (Case 1, (37); "Approx" in Fig. 4). */
    CASE1,
    /** Only the two single-bounce cross paths: alphat b q (Case 2, (54)). */
    CASE2
}
