package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs pages next to the report: the minimal Markdown rendering, citation links, and the report's links. */
class DocsPagesTest {

    @Test
    void rendersHeadingsAnchorsListsTablesCodeAndLinks() {
        String md = """
                # Title

                ### <a id="E4"></a>E4 — (21) is the cross term

                Printed: `f_nunu` without **T1**; see [E9](#E9) and [the index](README.md#top).
                A second line of the same paragraph.

                    f_munu = (2 |beta|^2 T1 / sigma^2) Re tr(X < Y)

                - one
                - two `a|b`

                | id | default |
                |---|---|
                | A1 | x \\| y |
                """;
        String html = DocsPages.toHtml(md, "t");
        assertTrue(html.contains("<h1>Title</h1>"), html);
        assertTrue(html.contains("<h3><a id=\"E4\"></a>E4 — (21) is the cross term</h3>"), html);
        assertTrue(html.contains("<p>Printed: <code>f_nunu</code> without <strong>T1</strong>; see <a href=\"#E9\">E9</a> and "
                + "<a href=\"README.html#top\">the index</a>. A second line of the same paragraph.</p>"), html);
        assertTrue(html.contains("<pre><code>f_munu = (2 |beta|^2 T1 / sigma^2) Re tr(X &lt; Y)\n</code></pre>"), html);
        assertTrue(html.contains("<ul>\n<li>one</li>\n<li>two <code>a|b</code></li>\n</ul>"), html);
        assertTrue(html.contains("<tr><th>id</th><th>default</th></tr>\n<tr><td>A1</td><td>x | y</td></tr>"), html);
        assertFalse(html.contains("---"), html);
    }

    @Test
    void rawHtmlOtherThanAnchorsIsEscaped() {
        String html = DocsPages.toHtml("<script>x</script> <a href=\"y\">z</a>", "t");
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt; &lt;a href=&quot;y&quot;&gt;z&lt;/a&gt;"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void citationsOfPublishedSystemsBecomeLinks() {
        String linked = DocsPages.linkCitations("grid [hua3d E9], budget [fangactive S3.14], other [dummy E1]", Set.of("hua3d", "fangactive"));
        assertEquals("grid <a href=\"docs/hua3d.html#E9\">[hua3d E9]</a>, budget <a href=\"docs/fangactive.html#S3.14\">"
                + "[fangactive S3.14]</a>, other [dummy E1]", linked);
    }

    @Test
    void publishWritesMarkdownAndHtmlOnlyForSystemsWithAPage(@TempDir Path dir) throws Exception {
        Set<String> published = DocsPages.publish(dir, List.of("hua3d", "dummy", "fangactive", "hua3d"));
        assertEquals(Set.of("hua3d", "fangactive"), published);
        for (String name : List.of("hua3d", "fangactive", "README")) {
            assertTrue(Files.exists(dir.resolve("docs/" + name + ".md")), name);
            assertTrue(Files.exists(dir.resolve("docs/" + name + ".html")), name);
        }
        assertFalse(Files.exists(dir.resolve("docs/dummy.html")));
        assertEquals(DocsPages.markdown("hua3d").orElseThrow(), Files.readString(dir.resolve("docs/hua3d.md"), StandardCharsets.UTF_8));
        assertTrue(Files.readString(dir.resolve("docs/hua3d.html"), StandardCharsets.UTF_8).contains("<a id=\"E4\"></a>"));
        assertTrue(DocsPages.publish(dir.resolve("none"), List.of("dummy")).isEmpty());
        assertFalse(Files.exists(dir.resolve("none/docs")));
    }

    @Test
    void theReportLinksEachSystemsPageFromTheHeaderAndFromEveryCaption(@TempDir Path dir) throws Exception {
        Reproducer.run(dir, List.of(Catalog.figure("dummy.fig2")), new Reproducer.Options(1, 1, 1, true, null));
        // the same figure filed under hua3d, with a citation in its caption (a real hua3d figure takes too long here)
        ObjectNode json = (ObjectNode) Sidecar.JSON.readTree(dir.resolve("dummy/fig2.json").toFile());
        json.put("system", "hua3d").put("qualifiedId", "hua3d.fig2").put("caption", "Grid of the scan [hua3d E9].");
        Files.createDirectories(dir.resolve("hua3d"));
        Sidecar.JSON.writeValue(dir.resolve("hua3d/fig2.json").toFile(), json);
        HtmlReport.write(dir);

        String report = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(report.contains("Corrections, ASSUMED values and readings of the papers: <a href=\"docs/hua3d.html\">hua3d</a></p>"),
                report);
        int caption = report.indexOf("<figcaption>", report.indexOf("id=\"hua3d.fig2\""));
        String hua3dCaption = report.substring(caption, report.indexOf("</figcaption>", caption));
        assertEquals("<figcaption>Grid of the scan <a href=\"docs/hua3d.html#E9\">[hua3d E9]</a>. <a class=\"docs\" "
                + "href=\"docs/hua3d.html\">Corrections and assumptions of hua3d</a>", hua3dCaption);
        assertFalse(report.contains("docs/dummy.html"));
        assertTrue(Files.exists(dir.resolve("docs/hua3d.html")));
        assertFalse(Files.exists(dir.resolve("docs/fangactive.html")));
    }
}
