package org.cosense.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.cosense.geom.Vec3;

/** Number and table formatting shared by the simulate commands' text output. */
final class Formats {
    private Formats() {
    }

    /** Four significant digits; non-finite as inf / nan. */
    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : nonFinite(v);
    }

    /** A CRB with four significant digits in scientific notation; non-finite as inf / nan. */
    static String crb(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3e", v) : nonFinite(v);
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }

    /** A number as typed: no exponent, no trailing zeros. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String point(Vec3 p) {
        return "[" + plain(p.x()) + ", " + plain(p.y()) + ", " + plain(p.z()) + "]";
    }

    /** Left-aligned columns, two spaces apart, indented by two. */
    static void table(PrintStream o, List<List<String>> rows) {
        int cols = rows.get(0).size();
        int[] w = new int[cols];
        for (List<String> row : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder b = new StringBuilder(" ");
            for (int i = 0; i < cols; i++) {
                b.append(' ').append(i == cols - 1 ? row.get(i) : String.format(Locale.ROOT, "%-" + (w[i] + 1) + "s", row.get(i)));
            }
            o.println(b.toString().stripTrailing());
        }
    }
}
