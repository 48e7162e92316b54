package org.cosense.lab;

import java.util.List;

/**
 * A heat map z[iy][ix] over the grid xs × ys, with optional point markers (e.g. true DoAs).
 * In the tidy CSV each map row becomes one series named {@code "<title>|<yLabel>=<y>"} with
 * x = xs and y = z.
 *
 * @param zLabel colour-bar label (with unit)
 * @param logZ   colour scale in log10 (values must be positive)
 */
public record MapPanel(String title, String xLabel, String yLabel, String zLabel, double[] xs, double[] ys,
        double[][] z, boolean logZ, List<Marker> markers) implements Panel {
    public MapPanel {
        if (z.length != ys.length) {
            throw new IllegalArgumentException("map " + title + ": z rows " + z.length + " != ys " + ys.length);
        }
        for (double[] row : z) {
            if (row.length != xs.length) {
                throw new IllegalArgumentException("map " + title + ": z columns != xs");
            }
        }
        markers = markers == null ? List.of() : List.copyOf(markers);
    }

    /** A labelled point drawn over the map; every marker says what it marks. */
    public record Marker(String label, double x, double y) {
        public Marker {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("map marker at (" + x + ", " + y + ") has no label");
            }
        }
    }
}
