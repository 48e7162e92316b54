package org.cosense.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void numbersLookLikeDoubleToString() {
        assertEquals("1.0", Csv.number(1));
        assertEquals("-2.5", Csv.number(-2.5));
        assertEquals("100.0", Csv.number(100));
        assertEquals("0.001", Csv.number(0.001));
        assertEquals("1.0E-4", Csv.number(1e-4));
        assertEquals("1234567.0", Csv.number(1234567));
        assertEquals("1.0E7", Csv.number(1e7));
        assertEquals("1.2345E-15", Csv.number(1.2345e-15));
        assertEquals("0.1", Csv.number(0.1));
        assertEquals("0.30000000000000004", Csv.number(0.1 + 0.2));
        assertEquals("0.002", Csv.number(0.002));
        assertEquals("1.0E23", Csv.number(1e23));     // JDK 17's Double.toString gives 1.0E23 too; 2e23 differs
        assertEquals("2.0E23", Csv.number(2e23));
        assertEquals("4.9E-324", Csv.number(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", Csv.number(Double.MAX_VALUE));
        assertEquals("0.0", Csv.number(0.0));
        assertEquals("-0.0", Csv.number(-0.0));
        assertEquals("inf", Csv.number(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Csv.number(Double.NEGATIVE_INFINITY));
        assertEquals("nan", Csv.number(Double.NaN));
    }

    @Property(tries = 2000)
    void numbersRoundTripAndAreNoLongerThanDoubleToString(@ForAll double d) {
        String s = Csv.number(d);
        if (Double.isFinite(d)) {
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.parseDouble(s)), s);
            assert s.length() <= Double.toString(d).length() : s + " vs " + Double.toString(d);
        }
    }

    @Test
    void quotesCellsThatNeedIt() {
        assertEquals("plain", Csv.cell("plain"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        String text = Csv.line(List.of("a,b", "c\"d", "")) + Csv.line(List.of("1", "2", "3"));
        assertEquals(List.of(List.of("a,b", "c\"d", ""), List.of("1", "2", "3")), Csv.parse(text));
    }

    @Test
    void tidyAddsIntervalColumnsOnlyWhenPresent() {
        Series a = Series.of("a", new double[] {1, 2}, new double[] {3, Double.POSITIVE_INFINITY}, Series.Style.LINE);
        Table plain = Csv.tidy("f.csv", List.of(new LinePanel("p", "x", "y", false, false, List.of(a))));
        assertEquals("series,x,y\na,1.0,3.0\na,2.0,inf\n", Csv.table(plain));

        Series b = new Series("b", new double[] {1}, new double[] {2}, new double[] {1}, new double[] {3}, new int[] {10},
                Series.Style.MARKERS);
        Table full = Csv.tidy("f.csv", List.of(new LinePanel("p", "x", "y", false, false, List.of(a, b))));
        assertEquals("series,x,y,y_lo,y_hi,trials\na,1.0,3.0,,,\na,2.0,inf,,,\nb,1.0,2.0,1.0,3.0,10\n", Csv.table(full));
    }

    @Test
    void mapRowsBecomeSeries() {
        MapPanel m = new MapPanel("spectrum", "mu", "nu", "P (dB)", new double[] {0, 1}, new double[] {-1, 1},
                new double[][] {{1, 2}, {3, 4}}, false, null);
        assertEquals("series,x,y\nspectrum|nu=-1.0,0.0,1.0\nspectrum|nu=-1.0,1.0,2.0\nspectrum|nu=1.0,0.0,3.0\n"
                + "spectrum|nu=1.0,1.0,4.0\n", Csv.table(Csv.tidy("f.csv", List.of(m))));
    }
}
