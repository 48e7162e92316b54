package org.cosense.lab;

/**
 * One curve. {@code yLo}, {@code yHi} (confidence interval) and {@code trials} may be null.
 * Non-finite y values (e.g. an infinite bound) are written to CSV as {@code inf}/{@code nan} and
 * left out of the plot.
 */
public record Series(String name, double[] x, double[] y, double[] yLo, double[] yHi, int[] trials, Style style) {
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": x and y lengths differ");
        }
        if ((yLo != null && yLo.length != x.length) || (yHi != null && yHi.length != x.length)
                || (trials != null && trials.length != x.length)) {
            throw new IllegalArgumentException("series " + name + ": interval/trial lengths differ from x");
        }
        if (style == null) {
            style = Style.LINE_MARKERS;
        }
    }

    public static Series of(String name, double[] x, double[] y, Style style) {
        return new Series(name, x, y, null, null, null, style);
    }

    /** How a curve is drawn. Simulations use markers, bounds use plain or dashed lines. */
    public enum Style {
        LINE_MARKERS, LINE, DASHED, MARKERS
    }
}
