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
 * A base-10 log axis with a paper's ticks. Over more than about a decade JFreeChart's own ticks
 * are used: 10^k at whole decades (superscript exponents) with minor ticks between. Over less,
 * whole decades are too sparse to read a value off, and equal steps in log10 land on values such
 * as 2.82e-5; this axis then places ticks at round values m·10^j (m = 1, 2, 2.5 or 5) inside the
 * range and labels them {@code 1.5e-5}, {@code 2e-5} ({@link TickLabels}).
 */
final class LogTickAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final double[] STEPS = {1, 2, 2.5, 5, 10};
    private boolean roundValueTicks;

    LogTickAxis(String label) {
        super(label);
    }

    /** Round-value ticks (for a range under about a decade) instead of decade ticks. */
    void setRoundValueTicks(boolean on) {
        this.roundValueTicks = on;
    }

    boolean roundValueTicks() {
        return roundValueTicks;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        if (!roundValueTicks) {
            return super.refreshTicks(g2, state, dataArea, edge);
        }
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        List ticks = new ArrayList();
        for (double v : roundValues(getLowerBound(), getUpperBound())) {
            ticks.add(new NumberTick(TickType.MAJOR, v, TickLabels.of(v, 4), anchor, anchor, 0));
        }
        return ticks;
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
