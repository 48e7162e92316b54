package org.cosense.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headline numbers of repeated runs of one benchmark, summarized: a machine whose speed drifts between runs (other
 * jobs, a shared host) makes one run's time a sample, not a measurement. A headline line is one a benchmark prints as
 * {@code cosense: <number> …}, {@code ratio: <number>x …} or {@code projected wall time …: <number> h}; the k-th such line
 * with the same label and unit in each run is one quantity, summarized by its median, smallest and largest value.
 */
public final class BenchRepeats {
    /** label, the number, then the unit: the text up to the first parenthesis, digit or semicolon. */
    private static final Pattern HEADLINE = Pattern.compile(
            "^(cosense|ratio|projected wall time[^:]*): ([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)([^(0-9;]*)");

    private BenchRepeats() {
    }

    /** One headline quantity of a run: its key (label, unit and occurrence) and value. */
    record Headline(String key, String label, String unit, double value) {
    }

    /** The headline quantities of one run's output, in order. */
    static List<Headline> headlines(String output) {
        List<Headline> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            Matcher m = HEADLINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String label = m.group(1);
            String unit = m.group(3).strip();
            String shape = label + ": _" + unit;
            int k = seen.merge(shape, 1, Integer::sum);
            out.add(new Headline(shape + "#" + k, label, unit, Double.parseDouble(m.group(2))));
        }
        return out;
    }

    /**
     * Summary lines, one per headline quantity found in every run ({@code runs.size() ≥ 2}): "repeat: label (k-th)
     * median M unit (min A, max B; values …)". Quantities missing from some run are named as such, not summarized.
     */
    public static List<String> summarize(List<String> runs) {
        Map<String, List<Headline>> byKey = new LinkedHashMap<>();
        for (String run : runs) {
            for (Headline h : headlines(run)) {
                byKey.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(h);
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<Headline>> e : byKey.entrySet()) {
            List<Headline> hs = e.getValue();
            Headline first = hs.get(0);
            String occurrence = e.getKey().substring(e.getKey().lastIndexOf('#') + 1);
            String name = first.label() + (occurrence.equals("1") ? "" : " (line " + occurrence + ")");
            if (hs.size() != runs.size()) {
                lines.add(String.format(Locale.ROOT, "repeat: %s %s: in %d of %d runs only, not summarized", name, first.unit(), hs.size(),
                        runs.size()));
                continue;
            }
            double[] v = hs.stream().mapToDouble(Headline::value).toArray();
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            StringBuilder values = new StringBuilder();
            for (double x : v) {
                values.append(values.length() == 0 ? "" : ", ").append(format(x));
            }
            lines.add(String.format(Locale.ROOT, "repeat: %s: median %s%s (min %s, max %s over %d runs: %s)", name, format(median),
                    first.unit().isEmpty() ? "" : " " + first.unit(), format(sorted[0]), format(sorted[n - 1]), n, values));
        }
        return lines;
    }

    private static String format(double x) {
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
