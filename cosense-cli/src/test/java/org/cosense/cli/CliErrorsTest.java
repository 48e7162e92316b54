package org.cosense.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cosense.cli.MainTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * User errors that used to escape as internal errors (unwritable output, absurd geometry), and the
 * options picocli converts itself (enums): one line, exit 2, naming the option as typed.
 */
class CliErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Result cosense(String line) {
        return MainTest.cosense(line.trim().split(" +"));
    }

    /** Exit 2, nothing on stdout, one line on stderr that starts like a user error and contains {@code expected}. */
    private static String userError(Result r, String line, String expected) {
        assertEquals(2, r.code(), line + " → " + r.err());
        assertEquals("", r.out());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line: " + r.err());
        assertTrue(lines[0].startsWith("cosense: error: ") && lines[0].contains(expected), lines[0]);
        return lines[0];
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simulate hua3d --target 1e300,0,0                 | target 1 position (--target) = [1.0E300, 0.0, 0.0] is not allowed",
        "simulate hua3d --target -20,2,1e308               | (--target) = ",
        "simulate hua3d --target -20,1e300,0               | (--target) = ",
        "simulate hua3d --target -20,2,0 --target 1e300,0,0 | target 2 position (--target) = [1.0E300, 0.0, 0.0]",
        "simulate hua3d --bs 1e300,0,5                     | BS position (--bs) = ",
        "simulate hua3d --irs -20,1e300,3                  | IRS 1 position (--irs) = ",
        "simulate hua3d --target 0,0,5                     | target 1 position (--target/--bs) = [0.0, 0.0, 5.0] is not allowed: must differ from the BS",
        "simulate hua3d --target -20,0,3                   | target 1 position (--target/--irs) = [-20.0, 0.0, 3.0] is not allowed: must differ from IRS 1",
        "simulate hua3d --bs -20,0,3                       | IRS 1 position (--irs/--bs) = [-20.0, 0.0, 3.0] is not allowed: must differ from the BS",
        "simulate hua3d --power-dbm 1e300                  | (--power-dbm) = Infinity is not allowed",
        "simulate hua3d --noise-dbm -1e300                 | (--noise-dbm) = 0.0 is not allowed",
        "simulate hua3d --rcs-dbsm 1e300                   | (--rcs-dbsm) = Infinity is not allowed",
        "simulate hua3d --target Infinity,0,0              | --target = Infinity,0,0 is not allowed",
        "simulate hua3d --target NaN,0,0                   | --target = NaN,0,0 is not allowed",
        "simulate hua3d --cross-beam Diagonal              | --cross-beam = Diagonal is not allowed: must be one of unsteered, focused, sequential",
        "simulate fangactive --target 1e300,15,0           | target position (--target) = [1.0E300, 15.0, 0.0] is not allowed",
        "simulate fangactive --irs -1e300,10,0             | IRS 1 position (--irs) = [-1.0E300, 10.0, 0.0] is not allowed",
        "simulate fangactive --irs -5,10,0 --irs -5,1e300,0 | IRS 2 position (--irs) = ",
        "simulate fangactive --mode Sideways               | --mode = Sideways is not allowed: must be one of bs, irs, both",
        "simulate fangactive --ao Fast                     | --ao = Fast is not allowed: must be one of quick, paper",
        "simulate fangactive --json /proc/x.json           | --json = /proc/x.json is not allowed",
        "reproduce dummy --out /proc/x                     | output folder (--out) = /proc/x is not allowed",
    })
    void userErrorsNameTheOptionAsTyped(String line, String expected) {
        userError(cosense(line), line, expected);
    }

    @Test
    void outputUnderARegularFileIsAUserError() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "not a folder");
        String line = "reproduce dummy --figure fig1 --out " + file.resolve("out");
        String e = userError(cosense(line), line, "output folder (--out) = " + file.resolve("out") + " is not allowed");
        assertTrue(e.contains("must be a folder that can be created and written"), e);
        line = "reproduce dummy --figure fig1 --out " + file;
        userError(cosense(line), line, "(--out) = " + file);
        line = "simulate fangactive --json " + file.resolve("x.json");
        userError(cosense(line), line, "--json = " + file.resolve("x.json") + " is not allowed");
    }

    @Test
    void writableOutputStillRuns() throws Exception {
        Result r = cosense("reproduce dummy --figure fig1 --trials 2 --out " + tmp.resolve("a/b"));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(tmp.resolve("a/b/dummy/fig1.csv")));
        try (var files = Files.list(tmp.resolve("a/b/dummy"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".probe")), "the write probe is removed");
        }
    }

    @Test
    void enumOptionsAreCaseInsensitive() throws Exception {
        Result r = cosense("simulate hua3d --trials 2 --threads 1 --cross-beam SEQUENTIAL");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("sequential cross beam"), r.out());
        r = cosense("simulate fangactive --ao Quick --mode IRS --schemes transmit-only --irs-size 2x2 --json -");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("quick", j.get("config").get("ao").asText());
        assertEquals("[\"irs\"]", j.get("config").get("modes").toString());
    }

    @Test
    void geometryAtTheEdgeOfTheAllowedRegionGivesFiniteResults() throws Exception {
        // a target 1000 km away: far below the noise, but a finite (large) error, not an internal error
        Result r = cosense("simulate hua3d --trials 2 --threads 1 --two-sided-irs --target -1e6,2,0 --json");
        assertEquals(0, r.code(), r.err());
        assertTrue(JSON.readTree(r.out()).get("position").has("rmse"), r.out());
        // a target within 1e-300 m of the origin, below the BS: an ordinary scene
        r = cosense("simulate hua3d --trials 2 --threads 1 --target 1e-300,1e-300,0 --json");
        assertEquals(0, r.code(), r.err());
        assertTrue(Double.isFinite(JSON.readTree(r.out()).get("position").get("rmse").asDouble()), r.out());
        // fangactive senses through the IRSs, so a target at the BS is a valid (if odd) scene
        r = cosense("simulate fangactive --ao quick --mode irs --schemes transmit-only --irs-size 2x2 --target 0,0,0 --json -");
        assertEquals(0, r.code(), r.err());
        double crb = JSON.readTree(r.out()).get("results").get(0).get("meanMaxCrb").asDouble();
        assertTrue(Double.isFinite(crb) && crb > 0, r.out());
    }
}
