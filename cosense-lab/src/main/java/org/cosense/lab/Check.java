package org.cosense.lab;

/**
 * One reported behaviour of the paper, checked against the computed data.
 *
 * @param behaviour what the paper reports, e.g. "MUSIC RMSE decreases with power"
 * @param passed    whether the computed data show it
 * @param detail    the numbers behind the verdict
 */
public record Check(String behaviour, boolean passed, String detail) {
}
