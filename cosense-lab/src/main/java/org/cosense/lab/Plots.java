package org.cosense.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Figure plots in the style of a paper: white background, grid, 2 px lines, distinct colours and
 * markers, log axes where asked. One drawing path ({@link #draw}) renders both the SVG and the PNG,
 * so the two always agree. Panels are laid out side by side (a grid for more than two).
 */
public final class Plots {
    /** Size of one panel in pixels. */
    public static final int PANEL_WIDTH = 640;
    public static final int PANEL_HEIGHT = 480;

    static {
        // Plots are drawn off-screen; without this a machine without a display fails on first use.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Colour-blind-friendly palette (Okabe–Ito, black first as papers usually do). */
    private static final Color[] COLOURS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x000000), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x7F3C8D),
        new Color(0x8C564B), new Color(0x999933)
    };

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private Plots() {
    }

    /** Image width of a figure with {@code panels} panels. */
    public static int width(int panels) {
        return columns(panels) * PANEL_WIDTH;
    }

    public static int height(int panels) {
        int c = columns(panels);
        return ((Math.max(1, panels) + c - 1) / c) * PANEL_HEIGHT;
    }

    private static int columns(int panels) {
        return panels <= 2 ? Math.max(1, panels) : panels <= 4 ? 2 : 3;
    }

    /** Draws all panels of the figure into {@code g}, each in its own cell of the grid. */
    public static void draw(Graphics2D g, List<Panel> panels) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(panels.size()), height(panels.size())));
        int cols = columns(panels.size());
        for (int i = 0; i < panels.size(); i++) {
            Rectangle2D cell = new Rectangle2D.Double((i % cols) * PANEL_WIDTH, (i / cols) * PANEL_HEIGHT,
                    PANEL_WIDTH, PANEL_HEIGHT);
            chart(panels.get(i)).draw(g, cell);
        }
    }

    /** Writes {@code <base>.svg} and {@code <base>.png}; returns the two files. */
    public static List<Path> write(Path dir, String base, List<Panel> panels) throws IOException {
        int w = width(panels.size());
        int h = height(panels.size());
        SVGGraphics2D svg = new SVGGraphics2D(w, h);
        // The default prefix is time-based; a fixed one keeps the SVG a function of the data.
        svg.setDefsKeyPrefix("cosense-" + base);
        draw(svg, panels);
        Path svgFile = dir.resolve(base + ".svg");
        Files.writeString(svgFile, svg.getSVGDocument());

        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(g, panels);
        } finally {
            g.dispose();
        }
        Path pngFile = dir.resolve(base + ".png");
        ImageIO.write(img, "png", pngFile.toFile());
        return List.of(svgFile, pngFile);
    }

    /** The JFreeChart of one panel. */
    public static JFreeChart chart(Panel panel) {
        if (panel instanceof LinePanel lp) {
            return lineChart(lp);
        }
        return mapChart((MapPanel) panel);
    }

    // ---------------------------------------------------------------- line plots

    private static JFreeChart lineChart(LinePanel p) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Series s : p.series()) {
            YIntervalSeries ys = new YIntervalSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                boolean ok = Double.isFinite(x) && Double.isFinite(y) && (!p.logX() || x > 0) && (!p.logY() || y > 0);
                if (!ok) {
                    // A NaN point breaks the line instead of silently joining its neighbours.
                    ys.add(Double.isFinite(x) && (!p.logX() || x > 0) ? x : Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                    continue;
                }
                double lo = s.yLo() == null ? y : s.yLo()[i];
                double hi = s.yHi() == null ? y : s.yHi()[i];
                if (!Double.isFinite(lo) || lo > y || (p.logY() && lo <= 0)) {
                    lo = y; // no lower whisker where it is undefined or below a log axis
                }
                if (!Double.isFinite(hi) || hi < y) {
                    hi = y;
                }
                ys.add(x, y, lo, hi);
            }
            data.addSeries(ys);
        }
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(6);
        r.setErrorStroke(new BasicStroke(1.2f));
        r.setDefaultShapesFilled(false);
        r.setUseOutlinePaint(false);
        r.setDrawSeriesLineAsPath(true);
        for (int k = 0; k < p.series().size(); k++) {
            Series s = p.series().get(k);
            Color c = COLOURS[k % COLOURS.length];
            r.setSeriesPaint(k, c);
            boolean lines = s.style() != Series.Style.MARKERS;
            boolean shapes = s.style() == Series.Style.LINE_MARKERS || s.style() == Series.Style.MARKERS;
            r.setSeriesLinesVisible(k, lines);
            r.setSeriesShapesVisible(k, shapes);
            r.setSeriesShape(k, marker(k));
            r.setSeriesStroke(k, s.style() == Series.Style.DASHED
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 5f}, 0f)
                    : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        ValueAxis xAxis = axis(p.xLabel(), p.logX());
        ValueAxis yAxis = axis(p.yLabel(), p.logY());
        if (p.logX()) {
            decades((LogTickAxis) xAxis, data, true);
        }
        if (p.logY()) {
            decades((LogTickAxis) yAxis, data, false);
        }
        if (!p.logX()) {
            minimumSpan((NumberAxis) xAxis, data, true);
        }
        if (!p.logY()) {
            minimumSpan((NumberAxis) yAxis, data, false);
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        style(plot);
        JFreeChart chart = new JFreeChart(null, TITLE, plot, !p.series().isEmpty());
        finish(chart, p.title());
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setFrame(new BlockBorder(new Color(0xBBBBBB)));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setMargin(new RectangleInsets(4, 8, 4, 8));
        }
        return chart;
    }

    private static ValueAxis axis(String label, boolean log) {
        ValueAxis a;
        if (log) {
            LogTickAxis la = new LogTickAxis(label);
            la.setBase(10);
            la.setSmallestValue(1e-300);
            la.setMinorTickCount(9);
            la.setMinorTickMarksVisible(true);
            a = la;
        } else {
            NumberAxis na = new NumberAxis(label);
            na.setAutoRangeIncludesZero(false);
            a = na;
        }
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setLabelPaint(Color.BLACK);
        a.setTickLabelPaint(Color.BLACK);
        a.setAxisLinePaint(Color.BLACK);
        a.setTickMarkPaint(Color.BLACK);
        return a;
    }

    /**
     * Paper-style log ticks: labels 10^k at whole decades (with minor ticks between) when the data
     * span three decades or more; 1, 2, 5 × 10^k from about one decade; round values such as
     * 1.5e-5, 2e-5 below (see {@link LogTickAxis}), which fractional exponents would hide.
     */
    private static void decades(LogTickAxis axis, YIntervalSeriesCollection data, boolean domain) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int sIdx = 0; sIdx < data.getSeriesCount(); sIdx++) {
            for (int i = 0; i < data.getItemCount(sIdx); i++) {
                double a = domain ? data.getXValue(sIdx, i) : data.getStartYValue(sIdx, i);
                double b = domain ? a : data.getEndYValue(sIdx, i);
                if (a > 0 && Double.isFinite(a)) {
                    lo = Math.min(lo, a);
                }
                if (b > 0 && Double.isFinite(b)) {
                    hi = Math.max(hi, b);
                }
            }
        }
        if (!(lo <= hi)) {
            return;
        }
        double span = Math.log10(hi / lo);
        if (span >= 3) {
            int step = (int) Math.max(1, Math.ceil(span / 10));
            axis.setAutoTickUnitSelection(false);
            axis.setTickUnit(new NumberTickUnit(step, new WholeNumber()));
            axis.setMinorTickCount(step == 1 ? 9 : step);
        } else {
            axis.setTicks(span >= 1.2 ? LogTickAxis.Ticks.ONE_TWO_FIVE : LogTickAxis.Ticks.ROUND_VALUES);
            axis.setMinorTickMarksVisible(false);
        }
    }

    /**
     * Constant data (a flat bound, a single point) would otherwise get a 1e-8 wide axis whose
     * ticks all read the same; a span of 0.1% of the magnitude keeps labels distinct.
     */
    private static void minimumSpan(NumberAxis axis, YIntervalSeriesCollection data, boolean domain) {
        double mag = 0;
        for (int sIdx = 0; sIdx < data.getSeriesCount(); sIdx++) {
            for (int i = 0; i < data.getItemCount(sIdx); i++) {
                double v = domain ? data.getXValue(sIdx, i) : data.getYValue(sIdx, i);
                if (Double.isFinite(v)) {
                    mag = Math.max(mag, Math.abs(v));
                }
            }
        }
        axis.setAutoRangeMinimumSize(mag > 0 ? mag * 1e-3 : 1);
    }

    /** Exponent labels of decade ticks: rounds away the -0 and 2.9999 of log10. */
    static final class WholeNumber extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            long k = Math.round(v);
            return to.append(k);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return to.append(v);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(1f));
        Stroke grid = new BasicStroke(0.7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f);
        plot.setDomainGridlinePaint(new Color(0xB0B0B0));
        plot.setRangeGridlinePaint(new Color(0xB0B0B0));
        plot.setDomainGridlineStroke(grid);
        plot.setRangeGridlineStroke(grid);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private static void finish(JFreeChart chart, String title) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        if (title != null && !title.isBlank()) {
            TextTitle t = new TextTitle(title, TITLE);
            t.setPaint(Color.BLACK);
            chart.setTitle(t);
        }
    }

    /** Open circle, square, triangle, diamond, down-triangle, cross…: distinguishable in greyscale. */
    private static Shape marker(int k) {
        double s = 9;
        double h = s / 2;
        switch (k % 7) {
            case 0:
                return new Ellipse2D.Double(-h, -h, s, s);
            case 1:
                return new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
            case 2:
                return polygon(0, -h * 1.1, h, h * 0.8, -h, h * 0.8);
            case 3:
                return polygon(0, -h * 1.2, h, 0, 0, h * 1.2, -h, 0);
            case 4:
                return polygon(0, h * 1.1, h, -h * 0.8, -h, -h * 0.8);
            case 5: {
                Path2D.Double x = new Path2D.Double();
                x.append(new Line2D.Double(-h, -h, h, h), false);
                x.append(new Line2D.Double(-h, h, h, -h), false);
                return x;
            }
            default:
                return polygon(-h, 0, 0, -h, h, 0, 0, h, -h, 0);
        }
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    // ---------------------------------------------------------------- heat maps

    private static JFreeChart mapChart(MapPanel m) {
        int nx = m.xs().length;
        int ny = m.ys().length;
        double[][] v = new double[ny][nx];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                double z = m.z()[iy][ix];
                // On a log colour scale, plot log10(z); non-positive values have no colour.
                double c = m.logZ() ? (z > 0 ? Math.log10(z) : Double.NaN) : z;
                if (!Double.isFinite(c)) {
                    c = Double.NaN;
                } else {
                    lo = Math.min(lo, c);
                    hi = Math.max(hi, c);
                }
                v[iy][ix] = c;
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        Viridis scale = new Viridis(lo, hi);

        NumberAxis xAxis = (NumberAxis) axis(m.xLabel(), false);
        NumberAxis yAxis = (NumberAxis) axis(m.yLabel(), false);
        // No data set: the cells are one raster image under the axes (the grid is assumed
        // uniform, as all sweeps are), so the SVG holds one embedded PNG, not a shape per cell.
        XYPlot plot = new XYPlot(null, xAxis, yAxis, new XYBlockRenderer());
        if (nx > 0 && ny > 0) {
            HeatMapRaster raster = new HeatMapRaster(m.xs(), m.ys(), v, scale, MISSING);
            xAxis.setRange(raster.xMin(), raster.xMax());
            yAxis.setRange(raster.yMin(), raster.yMax());
            plot.getRenderer().addAnnotation(raster, Layer.BACKGROUND);
        }
        style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(MISSING);

        double xSpan = xAxis.getUpperBound() - xAxis.getLowerBound();
        double ySpan = yAxis.getUpperBound() - yAxis.getLowerBound();
        double sx = xSpan * 0.018;
        double sy = ySpan * 0.024;
        for (MapPanel.Marker mk : m.markers()) {
            Path2D.Double cross = new Path2D.Double();
            cross.append(new Line2D.Double(mk.x() - sx, mk.y() - sy, mk.x() + sx, mk.y() + sy), false);
            cross.append(new Line2D.Double(mk.x() - sx, mk.y() + sy, mk.x() + sx, mk.y() - sy), false);
            // White under black: visible on both the dark and the bright end of the colour map.
            plot.addAnnotation(new XYShapeAnnotation(cross, new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND), Color.WHITE));
            plot.addAnnotation(new XYShapeAnnotation(cross, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND), Color.BLACK));
            // The label goes above right of the marker, or to the other side near the right or
            // top edge, so that it stays inside the plot (a marker on the edge keeps its label).
            boolean left = mk.x() > xAxis.getLowerBound() + 0.88 * xSpan;
            boolean below = mk.y() > yAxis.getLowerBound() + 0.88 * ySpan;
            XYTextAnnotation t = new XYTextAnnotation(" " + mk.label() + " ", mk.x() + (left ? -1.3 : 1.3) * sx,
                    mk.y() + (below ? -1.3 : 1.3) * sy);
            t.setFont(LEGEND);
            t.setPaint(Color.BLACK);
            t.setBackgroundPaint(new Color(255, 255, 255, 200));
            t.setTextAnchor(below ? (left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT)
                    : (left ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT));
            plot.addAnnotation(t);
        }

        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        finish(chart, m.title());
        NumberAxis zAxis = new NumberAxis(m.zLabel());
        zAxis.setRange(lo, hi);
        zAxis.setLabelFont(LABEL);
        zAxis.setTickLabelFont(TICK);
        zAxis.setAutoRangeIncludesZero(false);
        if (m.logZ()) {
            zAxis.setNumberFormatOverride(new PowerOfTen());
            if (hi - lo >= 2) {
                zAxis.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil((hi - lo) / 10))));
            }
        }
        PaintScaleLegend bar = new PaintScaleLegend(scale, zAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(16);
        bar.setStripOutlineVisible(true);
        bar.setSubdivisionCount(256);
        bar.setAxisOffset(4);
        bar.setMargin(new RectangleInsets(4, 10, 4, 4));
        bar.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(bar);
        return chart;
    }

    /** Colour of a cell without a value (NaN, or not positive on a log scale). */
    private static final Color MISSING = new Color(0xDDDDDD);

    /** The viridis colour map (matplotlib), 256 steps: perceptually uniform and greyscale-safe. */
    static final class Viridis implements PaintScale {
        // Viridis at i/7 for i = 0..7; linear interpolation between them stays within a few
        // RGB units of matplotlib's full table, which is too long to carry here.
        private static final int[] RGB = {
            0x440154, 0x46327E, 0x365C8D, 0x277F8E, 0x1FA187, 0x4AC16D, 0x9FDA3A, 0xFDE725
        };
        private final double lo;
        private final double hi;
        private final Color[] table = new Color[256];

        Viridis(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
            for (int i = 0; i < 256; i++) {
                double t = i / 255.0 * (RGB.length - 1);
                int k = Math.min(RGB.length - 2, (int) t);
                double f = t - k;
                table[i] = new Color(lerp(RGB[k] >> 16, RGB[k + 1] >> 16, f), lerp(RGB[k] >> 8, RGB[k + 1] >> 8, f),
                        lerp(RGB[k], RGB[k + 1], f));
            }
        }

        private static int lerp(int a, int b, double f) {
            a &= 0xFF;
            b &= 0xFF;
            return (int) Math.round(a + f * (b - a));
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return MISSING;
            }
            double t = (v - lo) / (hi - lo);
            int i = (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
            return table[i];
        }
    }

    /** Labels a log10 colour axis with the values themselves (10^v). */
    static final class PowerOfTen extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            double k = Math.rint(v);
            if (Math.abs(v - k) < 1e-9) {
                return to.append(TickLabels.powerOfTen((int) k));
            }
            return to.append(TickLabels.of(Math.pow(10, v), 3));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    }
}
