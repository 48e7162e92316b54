package org.cosense.lab;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis with a paper's ticks, chosen by the number of decades the data span:
 * <ul>
 * <li>three or more: JFreeChart's own ticks, 10^k at whole decades (superscript exponents) with
 * minor ticks between;</li>
 * <li>from about one to three: 1, 2 and 5 times each power of ten ({@code 2}, {@code 5},
 * {@code 10}, {@code 20}, or {@code 2e-5}, {@code 5e-5}, {@code 1e-4});</li>
 * <li>under about one: whole decades are too sparse to read a value off, and equal steps in log10
 * land on values such as 2.82e-5; ticks go at round values k·m·10^j (m = 1, 2, 2.5 or 5) inside
 * the range, labelled {@code 1.5e-5}, {@code 2e-5}.</li>
 * </ul>
 * Labels are written by {@link TickLabels}.
 */
final class LogTickAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final double[] STEPS = {1, 2, 2.5, 5, 10};
    /** How ticks are placed. */
    enum Ticks {
        DECADES, ONE_TWO_FIVE, ROUND_VALUES
    }

    private Ticks ticks = Ticks.DECADES;

    LogTickAxis(String label) {
        super(label);
    }

    void setTicks(Ticks ticks) {
        this.ticks = ticks;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        if (ticks == Ticks.DECADES) {
            return super.refreshTicks(g2, state, dataArea, edge);
        }
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        List out = new ArrayList();
        List<Double> values = ticks == Ticks.ONE_TWO_FIVE ? oneTwoFive(getLowerBound(), getUpperBound())
                : roundValues(getLowerBound(), getUpperBound());
        for (double v : values) {
            out.add(new NumberTick(TickType.MAJOR, v, TickLabels.of(v, 4), anchor, anchor, 0));
        }
        return out;
    }

    /** The values 1, 2 and 5 × 10^k in [lo, hi]. */
    static List<Double> oneTwoFive(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        if (!(lo > 0 && hi > lo && Double.isFinite(hi))) {
            return out;
        }
        for (int k = (int) StrictMath.floor(StrictMath.log10(lo)); k <= (int) StrictMath.ceil(StrictMath.log10(hi)); k++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = Double.parseDouble(m + "e" + k);
                if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /**
     * Round values k·step in [lo, hi], step = m·10^j the smallest of 1, 2, 2.5, 5 (×10^j) that gives
     * at most six ticks; at least two ticks whenever the range is positive.
     */
    static List<Double> roundValues(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        if (!(lo > 0 && hi > lo && Double.isFinite(hi))) {
            return out;
        }
        double raw = (hi - lo) / 6;
        double decade = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(raw)));
        double step = decade * 10;
        for (double m : STEPS) {
            if (m * decade >= raw) {
                step = m * decade;
                break;
            }
        }
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        for (long k = first; k <= last; k++) {
            // k·step rounded to the step's precision, so 3 × 0.1 prints as 0.3
            double v = Double.parseDouble(TickLabels.of(k * step, 12));
            if (v > 0) {
                out.add(v);
            }
        }
        return out;
    }
}
