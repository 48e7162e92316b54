package org.cosense.systems.hua3d;

/**
 * The factor of a separable IRS scan beam in the dimension NOT being scanned ([hua3d E10]: not specified
 * by the paper).
 */
public enum CrossBeam {
    /** All-ones (broadside) factor: genie-free, but its pattern has nulls at 2k/Nbar (pitfall [hua3d P6]). */
    UNSTEERED,
    /** Points at the true frequency of the other dimension: the best case of (44) (ASSUMED default, single target). */
    FOCUSED,
    /** y-scan with an unsteered z factor, then z-scan with the best y-beam as the y factor. */
    SEQUENTIAL
}
