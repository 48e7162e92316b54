package org.cosense.lab;

import java.util.List;

/** An x–y plot with one or more series; log axes where the paper uses them. */
public record LinePanel(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series)
        implements Panel {
    public LinePanel {
        series = List.copyOf(series);
    }
}
