package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    @TempDir
    Path dir;

    @Test
    void tickLabelsArePowersOfTenNeverRunsOfZeros() {
        assertEquals("2.82e-5", TickLabels.of(2.82e-5, 3));
        assertEquals("1.5e-5", TickLabels.of(1.5000000000000002e-5, 4));
        assertEquals("2e-5", TickLabels.of(2e-5, 4));
        assertEquals("0.05", TickLabels.of(0.05, 3));
        assertEquals("250", TickLabels.of(250, 3));
        assertEquals("1.2e4", TickLabels.of(12000, 3));
        assertEquals("-3e-7", TickLabels.of(-3e-7, 3));
        assertEquals("1e-5", TickLabels.powerOfTen(-5));
        assertEquals("0.001", TickLabels.powerOfTen(-3));
        assertEquals("100", TickLabels.powerOfTen(2));
    }

    @Test
    void shortLogRangesGetRoundValueTicks() {
        // the range of fangactive fig5's quick run: under a decade
        List<Double> v = LogTickAxis.roundValues(8.9e-6, 2.82e-5);
        assertEquals(List.of(1e-5, 1.5e-5, 2e-5, 2.5e-5), v);
        // a nearly flat curve still gets at least two ticks
        List<Double> flat = LogTickAxis.roundValues(1.1131e-5, 1.1135e-5);
        assertTrue(flat.size() >= 2, flat.toString());
        for (double t : flat) {
            assertTrue(t >= 1.1131e-5 && t <= 1.1135e-5, flat.toString());
        }
        assertTrue(LogTickAxis.roundValues(0, 1).isEmpty(), "no positive range, no ticks");
        // one to three decades: 1, 2, 5 per decade (table1's beam counts 2 … 60)
        assertEquals(List.of(2.0, 5.0, 10.0, 20.0, 50.0), LogTickAxis.oneTwoFive(1.8, 66));
        assertEquals(List.of(2e-5, 5e-5, 1e-4, 2e-4), LogTickAxis.oneTwoFive(1.5e-5, 3e-4));
    }

    @Test
    void logAxisLabelsInTheSvgReadAsPowersOfTen() throws Exception {
        double[] x = {10, 20, 30};
        LinePanel p = new LinePanel("", "P_t (W)", "CRB", false, true, List.of(
                Series.of("proposed", x, new double[] {1.1131e-5, 1.1131e-5, 1.1131e-5}, Series.Style.LINE_MARKERS),
                Series.of("passive", x, new double[] {2.82e-5, 1.4e-5, 8.9e-6}, Series.Style.DASHED)));
        Plots.write(dir, "short", List.of(p));
        List<String> texts = texts(Files.readString(dir.resolve("short.svg")));
        assertTrue(texts.containsAll(List.of("1e-5", "1.5e-5", "2e-5", "2.5e-5")), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.startsWith("0.0000")), texts.toString());
    }

    @Test
    void heatMapIsOneEmbeddedImageWithTheCellsInPlace() throws Exception {
        int n = 201;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = -1 + 0.01 * i;
        }
        double[][] z = new double[n][n];
        for (int iy = 0; iy < n; iy++) {
            for (int ix = 0; ix < n; ix++) {
                z[iy][ix] = Math.abs(Math.sin(7 * g[ix]) * Math.cos(5 * g[iy])) * 0.5;
            }
        }
        z[n - 1][n - 1] = 1;   // top right: the maximum (yellow)
        z[0][0] = 0;           // bottom left: the minimum (dark violet)
        MapPanel m = new MapPanel("map", "μ", "ν", "f", g, g, z, false, List.of(new MapPanel.Marker("BS", 1.0, 0.0)));
        Plots.write(dir, "map", List.of(m, m));
        String svg = Files.readString(dir.resolve("map.svg"));
        assertTrue(Files.size(dir.resolve("map.svg")) < 1_000_000, "two 201 × 201 maps: " + Files.size(dir.resolve("map.svg")));
        Matcher img = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(svg);
        List<BufferedImage> images = new ArrayList<>();
        while (img.find()) {
            images.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1)))));
        }
        assertEquals(2, images.size(), "one raster per map");
        // 2 × 201² cells; what rectangles remain are the colour bars' 256 steps and the frames
        assertTrue(count(svg, "<rect") < 2 * 300, "no rectangle per cell: " + count(svg, "<rect"));
        BufferedImage raster = images.get(0);
        assertNotNull(raster);
        Color top = new Color(raster.getRGB(raster.getWidth() - 1, 0));
        Color bottom = new Color(raster.getRGB(0, raster.getHeight() - 1));
        assertEquals(new Color(0xFDE725), top, "the maximum at (1, 1) is the top right pixel, viridis yellow");
        assertEquals(new Color(0x440154), bottom, "the minimum at (-1, -1) is the bottom left pixel, viridis violet");
        assertTrue(raster.getWidth() >= n && raster.getWidth() % n == 0, "whole pixels per cell: " + raster.getWidth());

        // The marker on the right edge keeps its label inside the plot (left of the colour bar).
        Matcher bs = Pattern.compile("<text[^>]*x=['\"]([0-9.]+)['\"][^>]*>\\s*BS\\s*<").matcher(svg);
        assertTrue(bs.find(), "the BS marker is labelled");
        assertTrue(Double.parseDouble(bs.group(1)) < 500, "label x " + bs.group(1));
    }

    @Test
    void everyMarkerIsLabelled() {
        assertThrows(IllegalArgumentException.class, () -> new MapPanel.Marker("", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MapPanel.Marker(null, 0, 0));
    }

    private static List<String> texts(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    private static int count(String s, String what) {
        int c = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            c++;
        }
        return c;
    }
}
