package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's docs pages against the code: every citation {@code [system id]} in main
 * sources (all modules) resolves to an anchor of {@code docs/<system>.md}; every entry names a test
 * that exists (or says it is not pinned); links inside the pages resolve; and no citation in the
 * older forms ({@code spec 3.14}, a bare {@code E15}, {@code property 27}) is left.
 */
class DocsCitationsTest {
    private static final List<String> MODULES = List.of("cosense-core", "cosense-lab", "cosense-cli");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"></a>");
    private static final Pattern ENTRY = Pattern.compile("^### <a id=\"([EPCS][0-9.]+)\"></a>", Pattern.MULTILINE);
    private static final Pattern PINNED = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");
    private static final Pattern PAGE_LINK = Pattern.compile("\\]\\((?:([a-z0-9]+)\\.md)?#([^)]+)\\)");

    /** Older citation forms; what the rewrite script converts. */
    private static final List<Pattern> LEGACY = List.of(
            Pattern.compile("\\b[Ss]pec (?:hua3d |fangactive )?(?:table |section |property |P)?\\d"),
            Pattern.compile("\\bpropert(?:y|ies) \\d"),
            Pattern.compile("\\bthe spec\\b"),
            Pattern.compile("(?<![#\"])\\b[EP]\\d+\\b(?!\\.\\d)"));
    /** The paper's own labels that look like citations: design problems (P1), (P2.1). */
    private static final Pattern PAPER_LABEL = Pattern.compile("\\(P\\d+(?:\\.\\d+)?\\)(?:/\\(P\\d+(?:\\.\\d+)?\\))?");

    @Test
    void everyCitationInMainSourcesResolvesToAnAnchorOfItsPage() {
        Map<String, Set<String>> anchors = new HashMap<>();
        List<String> unresolved = new ArrayList<>();
        int citations = 0;
        for (Path src : mainSources()) {
            String text = read(src);
            Matcher m = DocsPages.CITATION.matcher(text);
            while (m.find()) {
                citations++;
                String system = m.group(1);
                Set<String> ids = anchors.computeIfAbsent(system, DocsCitationsTest::anchorsOf);
                if (!ids.contains(m.group(2))) {
                    unresolved.add(root().relativize(src) + ":" + line(text, m.start()) + ": " + m.group()
                            + (ids.isEmpty() ? " (no page docs/" + system + ".md)" : ""));
                }
            }
        }
        assertTrue(unresolved.isEmpty(), citations + " citations, unresolved:\n" + String.join("\n", unresolved));
    }

    @Test
    void everyEntryNamesATestThatExistsOrSaysItIsNotPinned() {
        Map<String, String> testSources = testSources();
        List<String> problems = new ArrayList<>();
        for (String system : List.of("hua3d", "fangactive")) {
            String page = read(docs().resolve(system + ".md"));
            Matcher e = ENTRY.matcher(page);
            List<int[]> spans = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            while (e.find()) {
                spans.add(new int[] {e.start(), 0});
                ids.add(e.group(1));
            }
            assertTrue(ids.size() > 20, system + ": entries " + ids);
            for (int k = 0; k < spans.size(); k++) {
                int end = k + 1 < spans.size() ? spans.get(k + 1)[0] : page.length();
                String body = page.substring(spans.get(k)[0], end).replaceAll("\\s+", " ");
                String where = system + " " + ids.get(k);
                boolean unpinned = body.toLowerCase().contains("not pinned by a test");
                Matcher p = PINNED.matcher(body.substring(Math.max(0, body.indexOf("Pinned by:"))));
                boolean named = false;
                while (body.contains("Pinned by:") && p.find()) {
                    named = true;
                    String src = testSources.get(p.group(1));
                    if (src == null) {
                        problems.add(where + ": no test class " + p.group(1));
                    } else if (!Pattern.compile("\\bvoid " + p.group(2) + "\\(").matcher(src).find()) {
                        problems.add(where + ": no method " + p.group(1) + "#" + p.group(2));
                    }
                }
                if (named == unpinned) {
                    problems.add(where + (named ? ": names a test and says it is not pinned" : ": names no test"));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void linksInsideThePagesResolve() {
        List<String> broken = new ArrayList<>();
        for (String name : List.of("README", "hua3d", "fangactive")) {
            String page = read(docs().resolve(name + ".md"));
            Set<String> own = anchorsOf(name);
            assertEquals(own.size(), ANCHOR.matcher(page).results().count(), name + ": duplicate anchors");
            Matcher m = PAGE_LINK.matcher(page);
            while (m.find()) {
                Set<String> target = m.group(1) == null ? own : anchorsOf(m.group(1));
                if (!target.contains(m.group(2))) {
                    broken.add(name + ".md: " + m.group());
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    @Test
    void thePagesCarryTheirExplicitAnchorsIntoTheHtmlRendering() {
        for (String system : List.of("hua3d", "fangactive")) {
            String html = DocsPages.toHtml(DocsPages.markdown(system).orElseThrow(), system);
            Set<String> rendered = new TreeSet<>();
            ANCHOR.matcher(html).results().forEach(r -> rendered.add(r.group(1)));
            assertEquals(anchorsOf(system), rendered, system);
            assertFalse(html.contains("&lt;a id="), system);
        }
    }

    @Test
    void noLegacyCitationRemainsInMainSources() {
        List<String> legacy = new ArrayList<>();
        for (Path src : mainSources()) {
            String[] lines = read(src).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = PAPER_LABEL.matcher(DocsPages.CITATION.matcher(lines[i]).replaceAll(" ")).replaceAll(" ");
                for (Pattern p : LEGACY) {
                    Matcher m = p.matcher(line);
                    if (m.find()) {
                        legacy.add(root().relativize(src) + ":" + (i + 1) + ": " + m.group() + "   | " + lines[i].trim());
                        break;
                    }
                }
            }
        }
        assertTrue(legacy.isEmpty(), legacy.size() + " legacy citations:\n" + String.join("\n", legacy));
    }

    private static Set<String> anchorsOf(String system) {
        Path page = docs().resolve(system + ".md");
        Set<String> ids = new HashSet<>();
        if (Files.exists(page)) {
            ANCHOR.matcher(read(page)).results().forEach(r -> ids.add(r.group(1)));
        }
        return ids;
    }

    private static List<Path> mainSources() {
        List<Path> out = new ArrayList<>();
        for (String module : MODULES) {
            Path main = root().resolve(module).resolve("src/main");
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(out::add);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        assertTrue(out.size() > 50, "main sources found: " + out.size());
        return out;
    }

    private static Map<String, String> testSources() {
        Map<String, String> out = new HashMap<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(root().resolve(module).resolve("src/test"))) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .forEach(f -> out.merge(f.getFileName().toString().replace(".java", ""), read(f), String::concat));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return out;
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Path docs() {
        return root().resolve("docs");
    }

    /** The repository root: the nearest ancestor of the working directory with docs/ and cosense-core/. */
    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isDirectory(p.resolve("cosense-core"))) {
                return p;
            }
        }
        throw new AssertionError("no repository root with docs/ above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
