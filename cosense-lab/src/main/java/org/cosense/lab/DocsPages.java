package org.cosense.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's {@code docs/<system>.md} pages (errata, ASSUMED values, readings; packaged into
 * this module's jar) next to a report: copied as {@code docs/<system>.md} and rendered as
 * {@code docs/<system>.html}, so a citation such as {@code [hua3d E4]} in a caption becomes a link
 * to {@code docs/hua3d.html#E4}.
 *
 * <p>The renderer covers what the pages use and nothing more: headings, paragraphs, lists, tables,
 * indented and fenced code, inline code, bold, links (to {@code .md} pages rewritten to {@code .html})
 * and the explicit anchors {@code <a id="E4"></a>}; every other character is escaped.
 */
public final class DocsPages {
    /** A citation of a docs entry: {@code [hua3d E4]}, {@code [fangactive S3.14]}. */
    public static final Pattern CITATION = Pattern.compile("\\[([a-z][a-z0-9]*) ([EPCAS]\\d+(?:\\.\\d+)*)\\]");
    /** The folder of the pages inside the report's output directory. */
    public static final String FOLDER = "docs";

    private static final Pattern ANCHOR = Pattern.compile("&lt;a id=&quot;([A-Za-z0-9_.-]+)&quot;&gt;&lt;/a&gt;");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

    private DocsPages() {
    }

    /** The Markdown page of {@code system}, if the jar carries one. */
    public static Optional<String> markdown(String system) {
        if (!system.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        try (InputStream in = DocsPages.class.getResourceAsStream("docs/" + system + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the docs page of " + system, ex);
        }
    }

    /**
     * Writes {@code dir/docs/<system>.md} and {@code .html} (and the index README) for every system
     * that has a page; returns those systems.
     */
    public static Set<String> publish(Path dir, Collection<String> systems) throws IOException {
        Set<String> published = new TreeSet<>();
        for (String system : new TreeSet<>(systems)) {
            Optional<String> md = markdown(system);
            if (md.isEmpty()) {
                continue;
            }
            write(dir, system, md.get());
            published.add(system);
        }
        if (!published.isEmpty()) {
            Optional<String> index = markdown("README");
            if (index.isPresent()) {
                write(dir, "README", index.get());
            }
        }
        return published;
    }

    private static void write(Path dir, String name, String md) throws IOException {
        Path folder = dir.resolve(FOLDER);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name + ".md"), md, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(name + ".html"), toHtml(md, name), StandardCharsets.UTF_8);
    }

    /** Relative link from the report to a page or entry: {@code docs/hua3d.html#E4}. */
    public static String href(String system, String id) {
        return FOLDER + "/" + system + ".html" + (id == null ? "" : "#" + id);
    }

    /**
     * Turns every citation of a published system in already escaped HTML text into a link to its
     * entry; citations of other systems stay text.
     */
    public static String linkCitations(String escapedHtml, Set<String> published) {
        Matcher m = CITATION.matcher(escapedHtml);
        StringBuilder sb = new StringBuilder(escapedHtml.length() + 64);
        while (m.find()) {
            String rep = published.contains(m.group(1))
                    ? "<a href=\"" + href(m.group(1), m.group(2)) + "\">" + m.group() + "</a>"
                    : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(rep));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A standalone HTML page for Markdown text. */
    public static String toHtml(String md, String title) {
        StringBuilder h = new StringBuilder(md.length() * 2);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(HtmlReport.esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        String[] lines = md.replace("\r\n", "\n").split("\n", -1);
        List<String> para = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (line.isBlank()) {
                flush(h, para);
                i++;
            } else if (line.startsWith("```")) {
                flush(h, para);
                StringBuilder code = new StringBuilder();
                for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                    code.append(lines[i]).append('\n');
                }
                h.append("<pre><code>").append(HtmlReport.esc(code.toString())).append("</code></pre>\n");
                i++;
            } else if (line.startsWith("    ") && para.isEmpty()) {
                StringBuilder code = new StringBuilder();
                for (; i < lines.length && (lines[i].startsWith("    ") || lines[i].isBlank() && i + 1 < lines.length
                        && lines[i + 1].startsWith("    ")); i++) {
                    code.append(lines[i].length() >= 4 ? lines[i].substring(4) : "").append('\n');
                }
                h.append("<pre><code>").append(HtmlReport.esc(code.toString())).append("</code></pre>\n");
            } else if (line.matches("#{1,6} .*")) {
                flush(h, para);
                int level = line.indexOf(' ');
                h.append("<h").append(level).append('>').append(inline(line.substring(level + 1).trim())).append("</h")
                        .append(level).append(">\n");
                i++;
            } else if (line.startsWith("|")) {
                flush(h, para);
                h.append("<table>\n");
                boolean header = true;
                for (; i < lines.length && lines[i].startsWith("|"); i++) {
                    List<String> cells = cells(lines[i]);
                    if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                        header = false;
                        continue;
                    }
                    String tag = header && i + 1 < lines.length && lines[i + 1].matches("\\|[\\s:|-]+\\|\\s*") ? "th" : "td";
                    h.append("<tr>");
                    for (String c : cells) {
                        h.append('<').append(tag).append('>').append(inline(c)).append("</").append(tag).append('>');
                    }
                    h.append("</tr>\n");
                }
                h.append("</table>\n");
            } else if (line.startsWith("- ") || line.startsWith("* ")) {
                flush(h, para);
                h.append("<ul>\n");
                for (; i < lines.length && (lines[i].startsWith("- ") || lines[i].startsWith("* ")); i++) {
                    h.append("<li>").append(inline(lines[i].substring(2).trim())).append("</li>\n");
                }
                h.append("</ul>\n");
            } else {
                para.add(line.trim());
                i++;
            }
        }
        flush(h, para);
        return h.append("</body>\n</html>\n").toString();
    }

    private static void flush(StringBuilder h, List<String> para) {
        if (!para.isEmpty()) {
            h.append("<p>").append(inline(String.join(" ", para))).append("</p>\n");
            para.clear();
        }
    }

    private static List<String> cells(String row) {
        String r = row.trim().replace("\\|", "\u0000");
        r = r.substring(1, r.endsWith("|") && r.length() > 1 ? r.length() - 1 : r.length());
        List<String> out = new ArrayList<>();
        for (String c : r.split("\\|", -1)) {
            out.add(c.trim().replace('\u0000', '|'));
        }
        return out;
    }

    /** Inline Markdown: code spans first (their content is literal), then anchors, links and bold. */
    static String inline(String text) {
        String[] parts = text.split("`", -1);
        StringBuilder sb = new StringBuilder(text.length() + 32);
        for (int k = 0; k < parts.length; k++) {
            boolean code = k % 2 == 1 && k < parts.length - 1;
            String esc = HtmlReport.esc(parts[k]);
            if (code) {
                sb.append("<code>").append(esc).append("</code>");
                continue;
            }
            if (k % 2 == 1) {
                sb.append('`'); // an unmatched backtick stays literal
            }
            esc = ANCHOR.matcher(esc).replaceAll("<a id=\"$1\"></a>");
            Matcher m = LINK.matcher(esc);
            StringBuilder linked = new StringBuilder();
            while (m.find()) {
                String url = m.group(2).replaceFirst("\\.md(#|$)", ".html$1");
                m.appendReplacement(linked, Matcher.quoteReplacement("<a href=\"" + url + "\">" + m.group(1) + "</a>"));
            }
            m.appendTail(linked);
            sb.append(BOLD.matcher(linked).replaceAll("<strong>$1</strong>"));
        }
        return sb.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 980px;
                   margin: 2em auto; padding: 0 1.5em; color: #222; line-height: 1.45; }
            h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
            h3 { margin-top: 1.6em; }
            code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; background: #f4f4f4; }
            pre { background: #f4f4f4; padding: 0.6em 0.8em; overflow-x: auto; }
            pre code { background: none; }
            table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f4f4f4; }
            :target { background: #fff3c4; }
            a { color: #1a5fb4; }
            """;
}
