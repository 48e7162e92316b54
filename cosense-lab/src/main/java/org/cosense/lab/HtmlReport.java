package org.cosense.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code DIR/report.html}: one self-contained page (inline CSS, no scripts, no external
 * resources) with a summary table and, per figure, its plot, caption, the paper's reported
 * behaviour, the checks, parameters and links to the data. Built from every sidecar
 * {@code DIR/<system>/<id>.json}, so figures reproduced by earlier runs stay in the report.
 */
public final class HtmlReport {
    private static final int MAX_TABLE_ROWS = 60;

    private HtmlReport() {
    }

    /** All sidecars under {@code dir}, ordered by system then figure (fig2 before fig10). */
    public static List<Sidecar> sidecars(Path dir) throws IOException {
        List<Sidecar> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> systems = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path sys : systems) {
                try (DirectoryStream<Path> jsons = Files.newDirectoryStream(sys, "*.json")) {
                    for (Path j : jsons) {
                        try {
                            Sidecar s = Sidecar.read(j);
                            if (s.qualifiedId() != null && s.system() != null && s.id() != null) {
                                out.add(s);
                            }
                        } catch (IOException notOurs) {
                            // Some other JSON file in the output directory: not a figure.
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Sidecar::system, HtmlReport::natural).thenComparing(Sidecar::id, HtmlReport::natural));
        return out;
    }

    /** Writes {@code dir/report.html} and returns its path. */
    public static Path write(Path dir) throws IOException {
        List<Sidecar> figs = sidecars(dir);
        Set<String> docs = DocsPages.publish(dir, figs.stream().map(Sidecar::system).toList());
        StringBuilder h = new StringBuilder(16384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>CoSense reproduction report</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>CoSense reproduction report</h1>\n");
        CheckTally all = figs.stream().map(Sidecar::tally).reduce(CheckTally.NONE, CheckTally::plus);
        h.append("<p class=\"meta\">").append(figs.size()).append(" figures. Paper claims: ").append(all.paperPassed())
                .append(" passed, ").append(all.paperFailed()).append(" failed (of ").append(all.paperTotal())
                .append("). Invariants (true by construction, not claims): ").append(all.invariantPassed()).append('/')
                .append(all.invariantTotal()).append(" hold. Extensions (our additions): ").append(all.extensionPassed())
                .append('/').append(all.extensionTotal()).append(" hold. Version ").append(esc(figs.isEmpty() ? Version.get() : figs.get(figs.size() - 1).cosenseVersion()))
                .append(".</p>\n");
        if (!docs.isEmpty()) {
            h.append("<p class=\"meta\">Corrections, ASSUMED values and readings of the papers:");
            docs.forEach(sys -> h.append(" <a href=\"").append(DocsPages.href(sys, null)).append("\">").append(esc(sys)).append("</a>"));
            h.append("</p>\n");
        }

        h.append("<table class=\"summary\">\n<tr><th>figure</th><th>title</th><th>paper claims</th><th>invariants</th><th>extensions</th><th>trials</th><th>runtime</th><th>run at (UTC)</th></tr>\n");
        for (Sidecar s : figs) {
            h.append("<tr><td><a href=\"#").append(anchor(s)).append("\">").append(esc(s.qualifiedId())).append("</a></td><td>")
                    .append(esc(s.title())).append("</td>").append(checkBadges(s)).append("<td>").append(s.trials())
                    .append(s.quick() ? " (quick)" : "").append("</td><td class=\"num\">").append(seconds(s.runtimeSeconds()))
                    .append("</td><td>").append(esc(s.timestamp())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        for (Sidecar s : figs) {
            section(h, dir, s, docs);
        }
        h.append("</body>\n</html>\n");
        Path file = dir.resolve("report.html");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static void section(StringBuilder h, Path dir, Sidecar s, Set<String> docs) {
        String base = s.system() + "/";
        h.append("<section id=\"").append(anchor(s)).append("\">\n<h2>").append(esc(s.qualifiedId())).append(" — ")
                .append(esc(s.title())).append("</h2>\n");
        if (s.error() != null) {
            h.append("<p class=\"error\"><span class=\"badge fail\">ERROR</span> ").append(esc(s.error())).append("</p>\n");
        }
        String image = s.files().contains(s.id() + ".svg") ? s.id() + ".svg" : s.files().contains(s.id() + ".png") ? s.id() + ".png" : null;
        if (image != null) {
            h.append("<figure><img src=\"").append(escAttr(base + image)).append("\" alt=\"").append(escAttr(s.qualifiedId()))
                    .append("\">");
        } else {
            h.append("<figure>");
        }
        if (s.mainTable() || (image == null && s.files().contains(s.id() + ".csv"))) {
            inlineTable(h, dir.resolve(s.system()).resolve(s.id() + ".csv"));
        }
        if (s.caption() != null) {
            h.append("<figcaption>").append(DocsPages.linkCitations(esc(s.caption()), docs));
            if (docs.contains(s.system())) {
                h.append(" <a class=\"docs\" href=\"").append(DocsPages.href(s.system(), null)).append("\">Corrections and assumptions of ")
                        .append(esc(s.system())).append("</a>");
            }
            h.append("</figcaption>");
        }
        h.append("</figure>\n");
        h.append("<p class=\"paper\"><strong>Paper reports:</strong> ").append(esc(s.paperBehaviour())).append("</p>\n");
        if (!s.checks().isEmpty()) {
            h.append("<table class=\"checks\">\n<tr><th></th><th>kind</th><th>id</th><th>behaviour</th><th>detail</th></tr>\n");
            for (Check.Kind kind : Check.Kind.values()) {
                for (Check c : s.checks()) {
                    if (c.kind() != kind) {
                        continue;
                    }
                    h.append("<tr><td>").append(c.passed() ? "<span class=\"badge pass\">PASS</span>" : "<span class=\"badge fail\">FAIL</span>")
                            .append("</td><td><span class=\"kind ").append(kind.label()).append("\">").append(kind.label())
                            .append("</span></td><td><code>").append(esc(c.id())).append("</code></td><td>").append(esc(c.behaviour()))
                            .append("</td><td>").append(esc(c.detail())).append("</td></tr>\n");
                }
            }
            h.append("</table>\n");
        }
        if (!s.parameters().isEmpty()) {
            h.append("<details open><summary>Parameters</summary>\n<table class=\"params\">\n");
            for (Map.Entry<String, Object> p : s.parameters().entrySet()) {
                h.append("<tr><td>").append(DocsPages.linkCitations(esc(p.getKey()), docs)).append("</td><td>").append(esc(value(p.getValue()))).append("</td></tr>\n");
            }
            h.append("</table>\n</details>\n");
        }
        h.append("<p class=\"meta\">trials ").append(s.trials()).append(s.quick() ? " (quick)" : "").append(" · seed ").append(s.seed())
                .append(s.engine() == null || s.engine().equals(EmbeddedEngine.NAME) ? " · threads " + s.threads() : " · engine " + esc(s.engine()))
                .append(" · runtime ").append(seconds(s.runtimeSeconds()))
                .append(" · CoSense ").append(esc(s.cosenseVersion())).append(" on Java ").append(esc(s.javaVersion()))
                .append(" · ").append(esc(s.timestamp())).append("<br>files:");
        for (String f : s.files()) {
            h.append(" <a href=\"").append(escAttr(base + f)).append("\">").append(esc(f)).append("</a>");
        }
        h.append("</p>\n</section>\n");
    }

    private static void inlineTable(StringBuilder h, Path csv) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            h.append("<p class=\"error\">cannot read ").append(esc(csv.getFileName().toString())).append("</p>");
            return;
        }
        if (rows.isEmpty()) {
            return;
        }
        h.append("<table class=\"data\">\n<tr>");
        for (String c : rows.get(0)) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        int n = Math.min(rows.size(), MAX_TABLE_ROWS + 1);
        for (int i = 1; i < n; i++) {
            h.append("<tr>");
            for (String c : rows.get(i)) {
                h.append("<td>").append(esc(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        if (rows.size() > n) {
            h.append("<p class=\"meta\">").append(rows.size() - n).append(" more rows in the CSV.</p>\n");
        }
    }

    /** Three cells: paper claims, invariants, extensions, each passed/total (an error spans all three). */
    private static String checkBadges(Sidecar s) {
        if (s.error() != null) {
            return "<td colspan=\"3\"><span class=\"badge fail\">ERROR</span></td>";
        }
        CheckTally t = s.tally();
        return badgeCell(t.paperPassed(), t.paperTotal()) + badgeCell(t.invariantPassed(), t.invariantTotal())
                + badgeCell(t.extensionPassed(), t.extensionTotal());
    }

    private static String badgeCell(int passed, int total) {
        String cls = total == 0 ? "none" : passed == total ? "pass" : "fail";
        return "<td><span class=\"badge " + cls + "\">" + passed + "/" + total + "</span></td>";
    }

    private static String value(Object v) {
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(value(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append(": ").append(value(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, s < 10 ? "%.2f s" : "%.1f s", s);
    }

    private static String anchor(Sidecar s) {
        return s.qualifiedId().replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String escAttr(String s) {
        return esc(s).replace("'", "&#39;");
    }

    /** Orders "fig2" before "fig10": runs of digits compare by value. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 1320px;
                   margin: 2em auto; padding: 0 1.5em; color: #222; line-height: 1.45; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { font-size: 1.3em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 2.2em; }
            table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f4f4f4; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.data td { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
            table.params td:first-child { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
            figure { margin: 1em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { margin-top: 0.5em; font-size: 0.95em; color: #333; }
            .badge { display: inline-block; min-width: 3em; text-align: center; border-radius: 3px; padding: 0 0.4em;
                     font-weight: bold; font-size: 0.85em; color: #fff; }
            .pass { background: #2e7d32; }
            .fail { background: #c62828; }
            .none { background: #9e9e9e; }
            .kind { font-size: 0.85em; font-variant: small-caps; }
            .kind.paper { font-weight: bold; }
            .paper { background: #f7f7fb; border-left: 3px solid #5c6bc0; padding: 0.4em 0.8em; }
            .meta { color: #666; font-size: 0.88em; }
            .error { color: #c62828; }
            summary { cursor: pointer; font-weight: bold; }
            a { color: #1a5fb4; }
            """;
}
