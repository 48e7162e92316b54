package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a reader sees it: opened in headless Chromium, every figure loads. Runs on a small
 * reproduction (the dummy system's line plots and maps, and hua3d's two heat-map figures, whose
 * rasters are the heaviest images); skipped when Chromium is not installed ({@code .ci/run}
 * installs Debian's {@code chromium}).
 */
class ReportInChromiumTest {
    @TempDir
    static Path tmp;
    static Path out;
    static HeadlessChromium chromium;

    @BeforeAll
    static void reproduce() throws Exception {
        Optional<HeadlessChromium> c = HeadlessChromium.find(tmp);
        Assumptions.assumeTrue(c.isPresent(), "Chromium not installed (apt-get install chromium): report rendering not checked");
        chromium = c.get();
        out = tmp.resolve("out");
        List<Experiment> figures = new ArrayList<>(Catalog.system("dummy").experiments());
        figures.add(Catalog.figure("hua3d.fig3"));
        figures.add(Catalog.figure("hua3d.fig11"));
        Reproducer.run(out, figures, new Reproducer.Options(null, 1, 1, true, null));
    }

    @Test
    void everyFigureOfTheReportLoads() throws Exception {
        String report = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        int expected = count(report, "<img ");
        assertTrue(expected >= 5, "the reproduction has figures with plots: " + expected);
        // A copy of the report with a script that records, after the load event, which images
        // decoded (complete and with a natural width) and which did not.
        String script = """
                <script>
                window.addEventListener('load', () => {
                  const imgs = Array.from(document.images);
                  const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));
                  document.body.setAttribute('data-images', String(imgs.length));
                  document.body.setAttribute('data-broken', broken.length ? broken.join(' ') : '-');
                });
                </script>
                """;
        Path probe = out.resolve("report-probe.html");
        Files.writeString(probe, report.replace("</body>", script + "</body>"), StandardCharsets.UTF_8);
        String dom = chromium.dumpDom(probe);
        assertEquals(Integer.toString(expected), attribute(dom, "data-images"), "images the page holds");
        assertEquals("-", attribute(dom, "data-broken"), "images that did not load");
    }

    @Test
    void theHeatMapRasterRendersInsideTheSvg() throws Exception {
        // hua3d fig3: f(0, 0) = 1 at the centre of each panel, the top of the colour map (yellow).
        Path png = chromium.screenshot(out.resolve("hua3d/fig3.svg"), tmp.resolve("fig3-chromium.png"), Plots.width(2),
                Plots.height(2));
        BufferedImage shot = ImageIO.read(png.toFile());
        int yellow = 0;
        int w = shot.getWidth() / 2;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < w - 120; x++) {     // the left panel without its colour bar
                int rgb = shot.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (r > 200 && g > 200 && b < 90) {
                    yellow++;
                }
            }
        }
        // the main lobe of Nbar_BS = 5 covers a few thousand pixels; none if the raster is missing
        assertTrue(yellow > 500, "yellow pixels in the left map: " + yellow);
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : "(no " + name + ": the probe script did not run)";
    }

    private static int count(String s, String what) {
        int c = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            c++;
        }
        return c;
    }
}
