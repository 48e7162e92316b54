package org.cosense.lab;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV files of figures: the tidy series file ({@code series,x,y} plus optional
 * {@code y_lo,y_hi,trials}) and plain tables. Output depends only on the data, so equal results
 * give byte-identical files.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * The shortest decimal that reads back as exactly {@code d}, laid out like
     * {@link Double#toString(double)} ({@code 0.001}, {@code 1.0}, {@code 1.0E7}, {@code 1.5E-5});
     * non-finite values as {@code inf}, {@code -inf}, {@code nan}.
     *
     * <p>Computed with {@link BigDecimal} instead of calling {@code Double.toString}, whose digits
     * changed in JDK 19: the same results give the same CSV on every JDK.
     */
    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        // From two digits, as Double.toString: 4.9E-324 rather than 5.0E-324 (the nearest of the
        // shortest round-tripping decimals, with at least two significant digits).
        for (int p = 2; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                shortest = r;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        // value = 0.digits × 10^exp10 … expressed as d.ddd × 10^sci
        int sci = digits.length() - 1 - shortest.scale();
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
        }
        if (sci >= -3 && sci < 7) {
            if (sci < 0) {
                sb.append("0.");
                sb.append("0".repeat(-sci - 1));
                sb.append(digits);
            } else if (digits.length() <= sci + 1) {
                sb.append(digits).append("0".repeat(sci + 1 - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, sci + 1).append('.').append(digits, sci + 1, digits.length());
            }
        } else {
            sb.append(digits.charAt(0)).append('.');
            sb.append(digits.length() > 1 ? digits.substring(1) : "0");
            sb.append('E').append(sci);
        }
        return sb.toString();
    }

    /** Quotes a cell when it holds a comma, quote or line break (RFC 4180). */
    public static String cell(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** One CSV line (with trailing newline). */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        return sb.append('\n').toString();
    }

    /** The table as CSV text. */
    public static String table(Table t) {
        StringBuilder sb = new StringBuilder(line(t.header()));
        for (List<String> r : t.rows()) {
            sb.append(line(r));
        }
        return sb.toString();
    }

    /**
     * The tidy table of all panels: one row per point. Map rows become series named
     * {@code <title>|<yLabel>=<y>}. When a figure has several panels, line series are named
     * {@code <panel title>|<series>} so that names stay unique. The columns
     * {@code y_lo,y_hi,trials} appear only when some series has them.
     */
    public static Table tidy(String fileName, List<Panel> panels) {
        List<Series> all = new ArrayList<>();
        boolean prefix = panels.size() > 1;
        for (Panel p : panels) {
            if (p instanceof LinePanel lp) {
                for (Series s : lp.series()) {
                    all.add(prefix ? new Series(lp.title() + "|" + s.name(), s.x(), s.y(), s.yLo(), s.yHi(), s.trials(), s.style()) : s);
                }
            } else if (p instanceof MapPanel mp) {
                for (int iy = 0; iy < mp.ys().length; iy++) {
                    all.add(Series.of(mp.title() + "|" + mp.yLabel() + "=" + number(mp.ys()[iy]), mp.xs(), mp.z()[iy],
                            Series.Style.LINE));
                }
            }
        }
        boolean lo = all.stream().anyMatch(s -> s.yLo() != null);
        boolean hi = all.stream().anyMatch(s -> s.yHi() != null);
        boolean tr = all.stream().anyMatch(s -> s.trials() != null);
        boolean extra = lo || hi || tr;
        List<String> header = extra ? List.of("series", "x", "y", "y_lo", "y_hi", "trials") : List.of("series", "x", "y");
        List<List<String>> rows = new ArrayList<>();
        for (Series s : all) {
            for (int i = 0; i < s.x().length; i++) {
                List<String> r = new ArrayList<>(6);
                r.add(s.name());
                r.add(number(s.x()[i]));
                r.add(number(s.y()[i]));
                if (extra) {
                    r.add(s.yLo() == null ? "" : number(s.yLo()[i]));
                    r.add(s.yHi() == null ? "" : number(s.yHi()[i]));
                    r.add(s.trials() == null ? "" : Integer.toString(s.trials()[i]));
                }
                rows.add(r);
            }
        }
        return new Table(fileName, header, rows);
    }

    /** Writes the text with '\n' line ends in UTF-8. */
    public static void write(Path file, Table t) throws IOException {
        Files.writeString(file, table(t), StandardCharsets.UTF_8);
    }

    /** Parses CSV text written by this class (RFC 4180 quoting) into rows of cells. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
