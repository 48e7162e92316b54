package org.cosense.lab;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;

/**
 * The cells of a heat map as one raster image, drawn under the plot's vector axes. In the SVG it
 * becomes one embedded PNG (a data URI) instead of one rectangle per cell, which kept a 201 × 201
 * map at tens of megabytes.
 *
 * <p>Each cell is {@code scale} × {@code scale} pixels, so that a viewer that smooths images when
 * it scales them (browsers do, for SVG images) still shows sharp cell edges.
 */
final class HeatMapRaster extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    /** About the width of a plot's data area in pixels: cells then map to whole pixel blocks. */
    private static final int TARGET_PIXELS = 560;

    private final transient BufferedImage image;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    /**
     * @param xs, ys cell centres on a uniform grid (either order)
     * @param v      values v[iy][ix] on the paint scale's axis (NaN: no colour)
     */
    HeatMapRaster(double[] xs, double[] ys, double[][] v, PaintScale scale, Color missing) {
        int nx = xs.length;
        int ny = ys.length;
        double dx = nx > 1 ? Math.abs(xs[nx - 1] - xs[0]) / (nx - 1) : 1;
        double dy = ny > 1 ? Math.abs(ys[ny - 1] - ys[0]) / (ny - 1) : 1;
        this.xMin = Math.min(xs[0], xs[nx - 1]) - dx / 2;
        this.xMax = Math.max(xs[0], xs[nx - 1]) + dx / 2;
        this.yMin = Math.min(ys[0], ys[ny - 1]) - dy / 2;
        this.yMax = Math.max(ys[0], ys[ny - 1]) + dy / 2;
        int sx = Math.max(1, Math.round((float) TARGET_PIXELS / nx));
        int sy = Math.max(1, Math.round((float) TARGET_PIXELS / ny));
        boolean xUp = nx < 2 || xs[nx - 1] > xs[0];
        boolean yUp = ny < 2 || ys[ny - 1] > ys[0];
        image = new BufferedImage(nx * sx, ny * sy, BufferedImage.TYPE_INT_RGB);
        for (int iy = 0; iy < ny; iy++) {
            int row = yUp ? ny - 1 - iy : iy;               // image rows run top (largest y) down
            for (int ix = 0; ix < nx; ix++) {
                int col = xUp ? ix : nx - 1 - ix;
                double z = v[iy][ix];
                int rgb = (Double.isNaN(z) ? missing : (Color) scale.getPaint(z)).getRGB();
                for (int py = row * sy; py < (row + 1) * sy; py++) {
                    for (int px = col * sx; px < (col + 1) * sx; px++) {
                        image.setRGB(px, py, rgb);
                    }
                }
            }
        }
    }

    BufferedImage image() {
        return image;
    }

    /** The map's extent: cell edges, half a cell beyond the outer centres. */
    double xMin() {
        return xMin;
    }

    double xMax() {
        return xMax;
    }

    double yMin() {
        return yMin;
    }

    double yMax() {
        return yMax;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        double left = domainAxis.valueToJava2D(xMin, dataArea, plot.getDomainAxisEdge());
        double right = domainAxis.valueToJava2D(xMax, dataArea, plot.getDomainAxisEdge());
        double top = rangeAxis.valueToJava2D(yMax, dataArea, plot.getRangeAxisEdge());
        double bottom = rangeAxis.valueToJava2D(yMin, dataArea, plot.getRangeAxisEdge());
        AffineTransform at = AffineTransform.getTranslateInstance(Math.min(left, right), Math.min(top, bottom));
        at.scale(Math.abs(right - left) / image.getWidth(), Math.abs(bottom - top) / image.getHeight());
        Object old = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.drawImage(image, at, null);
        if (old != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
        }
    }
}
