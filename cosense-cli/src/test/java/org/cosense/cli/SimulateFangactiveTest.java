package org.cosense.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cosense.cli.MainTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code cosense simulate fangactive}, in-process: the paper's geometry and budget with the quick AO,
 * 2 x 2 IRSs and M = 4 (one realization), so a run of both modes and all four schemes takes seconds.
 */
class SimulateFangactiveTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMALL = "simulate fangactive --ao quick --irs-size 2x2 --bs-antennas 4";
    private static final String[] MODES = {"Sensing at the BS (Prop. 1)", "Sensing at the IRSs (Prop. 2)"};
    private static final String[] SCHEMES = {"proposed", "transmit-only", "reflective-only", "passive"};

    @TempDir
    static Path tmp;

    /** The default run (table and JSON file), shared by the tests that read it. */
    private static Result paper;
    private static Path paperJson;

    private static Result cosense(String line) {
        return MainTest.cosense(line.trim().split(" +"));
    }

    @BeforeAll
    static void runThePaperSceneOnce() {
        paperJson = tmp.resolve("fang.json");
        paper = cosense(SMALL + " --json " + paperJson);
    }

    /** The rows of each mode's table: mode title → (scheme → cells). */
    static Map<String, Map<String, String[]>> tables(String out) {
        Map<String, Map<String, String[]>> t = new LinkedHashMap<>();
        Map<String, String[]> current = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("Sensing at ")) {
                current = new LinkedHashMap<>();
                t.put(line.strip(), current);
            } else if (line.isBlank()) {
                current = null;
            } else if (current != null) {
                String[] cells = line.strip().split("  +");
                current.put(cells[0], cells);
            }
        }
        return t;
    }

    @Test
    void defaultSceneWithQuickAoPrintsTheTableAndTheProposedDesignIsBest() {
        assertEquals(0, paper.code(), paper.err());
        assertEquals("", paper.err());
        String o = paper.out();
        for (String s : new String[] {"fangactive design: 2 IRSs, M = 4, 1 realization, seed 1, quick AO (K_AO = 3, eps_AO = 0.01, "
                + "I_SCA = 3, Q = 64, two starts)", "Scene", "BS       [0, 0, 0]        ULA, M = 4 along +x",
            "IRS 1    [-5, 10, 0]      2 x 2 reflector, 2 x 2 sensors, normal +x", "IRS 2    [-5, 20, 0]", "target   [5, 15, 0]",
            "P_t = 20 W (BS, average over the 2 slots), P_s = 20 dBm = 0.1 W (each IRS), a_max = 8", MODES[0], MODES[1],
            "BS power = (1/L) sum_l tr R_l", "Runtime ", "Values are CRBs: CRB_l = tr F_l^-1", "rad^2", "C_BI = -20 dB",
            "alpha_BI = 2.2", "h = +y, v = +z, n = +x", "JSON: " + paperJson}) {
            assertTrue(o.contains(s), "missing '" + s + "' in:\n" + o);
        }
        Map<String, Map<String, String[]>> t = tables(o);
        assertEquals(List.of(MODES), new ArrayList<>(t.keySet()));
        for (String mode : MODES) {
            Map<String, String[]> rows = t.get(mode);
            assertEquals(List.of("scheme", "proposed", "transmit-only", "reflective-only", "passive"), new ArrayList<>(rows.keySet()),
                    o);
            assertEquals(List.of("scheme", "max-CRB", "CRB IRS 1", "CRB IRS 2", "iter.", "winning start", "BS power", "P IRS 1",
                    "P IRS 2", "time"), List.of(rows.get("scheme")));
            double proposed = Double.parseDouble(rows.get("proposed")[1]);
            double tx = Double.parseDouble(rows.get("transmit-only")[1]);
            double rf = Double.parseDouble(rows.get("reflective-only")[1]);
            assertTrue(proposed > 0 && proposed <= tx && proposed <= rf, mode + ":\n" + o);
            String start = rows.get("proposed")[5];
            assertTrue(start.equals("transmit-only") || start.equals("reflective-only"), start);
            assertEquals("-", rows.get("transmit-only")[5]);
            assertEquals("n/a", rows.get("passive")[7]);
            assertEquals("n/a", rows.get("passive")[8]);
            for (String s : SCHEMES) {
                double bs = Double.parseDouble(rows.get(s)[6].replace(" W", ""));
                assertTrue(bs > 0 && bs <= 20.0005, s + " BS power " + bs);
                if (!s.equals("passive")) {
                    for (int k = 7; k <= 8; k++) {
                        double p = Double.parseDouble(rows.get(s)[k].replace(" W", ""));
                        assertTrue(p > 0 && p <= 0.10005, s + " IRS power " + p);
                    }
                }
            }
        }
    }

    @Test
    void jsonFileParsesAndHasTheNumbersOfTheTable() throws Exception {
        assertEquals(0, paper.code(), paper.err());
        JsonNode j = JSON.readTree(Files.readString(paperJson));
        assertEquals("quick", j.get("config").get("ao").asText());
        assertEquals("[-5.0,10.0,0.0]", j.get("config").get("irss").get(0).toString());
        assertEquals(0.1, j.get("budget").get("irsPower").asDouble(), 1e-12);
        assertTrue(j.get("crbUnits").asText().contains("rad^2"));
        Map<String, Map<String, String[]>> t = tables(paper.out());
        JsonNode results = j.get("results");
        assertEquals(8, results.size());
        for (JsonNode r : results) {
            String mode = r.get("mode").asText().equals("bs") ? MODES[0] : MODES[1];
            String[] row = t.get(mode).get(r.get("scheme").asText());
            assertEquals(row[1], Formats.crb(r.get("meanMaxCrb").asDouble()), "mean max-CRB");
            JsonNode d = r.get("designs").get(0);
            assertEquals(row[2], Formats.crb(d.get("crbs").get(0).asDouble()), "CRB IRS 1");
            assertEquals(row[3], Formats.crb(d.get("crbs").get(1).asDouble()), "CRB IRS 2");
            assertEquals(row[4], d.get("iterations").asText());
            assertEquals(row[6], String.format(java.util.Locale.ROOT, "%.4g W", r.get("maxBsPower").asDouble()));
            if (r.get("scheme").asText().equals("proposed")) {
                assertEquals(row[5] + " start", d.get("start").asText());
            }
            if (r.get("scheme").asText().equals("passive")) {
                assertTrue(r.get("maxIrsPowers").isNull() && d.get("irsPowers").isNull());
            } else {
                assertEquals(row[7], String.format(java.util.Locale.ROOT, "%.4g W", r.get("maxIrsPowers").get(0).asDouble()));
            }
        }
    }

    @Test
    void jsonDashPrintsOnlyTheJsonAndOptionsSelectModesSchemesAndRealizations() throws Exception {
        Result r = cosense(SMALL + " --mode irs --schemes transmit-only,passive --realizations 2 --seed 3 --pt 10 --json -");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("[\"irs\"]", j.get("config").get("modes").toString());
        assertEquals("[\"transmit-only\",\"passive\"]", j.get("config").get("schemes").toString());
        assertEquals(3, j.get("config").get("seed").asLong());
        JsonNode tx = j.get("results").get(0);
        assertEquals(2, tx.get("designs").size());
        double mean = (tx.get("designs").get(0).get("maxCrb").asDouble() + tx.get("designs").get(1).get("maxCrb").asDouble()) / 2;
        assertEquals(mean, tx.get("meanMaxCrb").asDouble(), 1e-12 * mean);
        assertTrue(tx.get("maxBsPower").asDouble() <= 10 * (1 + 1e-6));
        // the table of several realizations shows the interval and the largest powers
        Result table = cosense(SMALL + " --mode bs --schemes transmit-only --realizations 2");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("mean max-CRB (95% CI)") && table.out().contains("2 realizations")
                && table.out().contains("powers are the largest over the realizations") && !table.out().contains("Sensing at the IRSs"),
                table.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--pt 0                    | --pt = 0 is not allowed: must be a positive finite number",
        "--pt abc                  | --pt = abc is not allowed: must be a positive finite number",
        "--amax -1                 | --amax = -1 is not allowed: must be a positive finite number",
        "--mode xyz                | --mode = xyz is not allowed: must be one of bs, irs, both",
        "--irs 5,15,0              | IRS 1 position (--irs/--target) = [5.0, 15.0, 0.0] is not allowed: must differ from the target",
        "--target -10,15,0         | IRS 1 position (--irs/--target) = [-5.0, 10.0, 0.0] is not allowed: the target [-10.0, 15.0, 0.0] is behind the surface",
        "--irs -5,10,0 --irs -5,20,0 --target -6,15,0 | IRS 1 position (--irs/--target) = [-5.0, 10.0, 0.0] is not allowed: the target [-6.0, 15.0, 0.0] is behind",
        "--irs -5,10,0 --irs 1,20,0 | IRS 2 position (--irs) = [1.0, 20.0, 0.0] is not allowed: the BS [0.0, 0.0, 0.0] is behind",
        "--irs 0,0,0               | IRS 1 position (--irs) = [0.0, 0.0, 0.0] is not allowed: must differ from the BS",
        "--irs-size 0x4            | --irs-size = 0x4 is not allowed: expected NvxNh, two positive integers",
        "--irs-size 4              | --irs-size = 4 is not allowed: expected NvxNh",
        "--irs-size 1x4            | IRS size Nv x Nh (--irs-size) = 1x4 is not allowed: must be at least 2x2",
        "--realizations 0          | --realizations = 0 is not allowed: must be a positive integer",
        "--schemes foo             | --schemes = foo is not allowed: must be a comma-separated list of proposed, transmit-only, reflective-only, passive",
        "--schemes proposed,foo    | --schemes = foo is not allowed",
        "--bs-antennas 0           | --bs-antennas = 0 is not allowed: must be a positive integer",
        "--bs-antennas 1           | BS antennas M (--bs-antennas) = 1 is not allowed: sensing at the BS needs M of at least 2",
        "--ps-dbm NaN              | --ps-dbm = NaN is not allowed: must be a finite number",
        "--cbi-db loud             | --cbi-db = loud is not allowed: must be a finite number",
        "--ao fast                 | --ao = fast is not allowed: must be one of quick, paper",
        "--seed 1.5                | --seed = 1.5 is not allowed: must be an integer",
        "--target 1,2              | --target = 1,2 is not allowed: expected three comma-separated",
        "--json /nonexistent-dir/x.json | --json = /nonexistent-dir/x.json is not allowed: must be a file in an existing directory",
        "--frobnicate              | option --frobnicate is not allowed",
    })
    void badInputGivesOneLineNamingTheOptionAndValue(String args, String expected) {
        String line = "simulate fangactive " + args;
        Result r = cosense(line);
        assertEquals(2, r.code(), line + " → " + r.err());
        assertEquals("", r.out());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line, no stack trace: " + r.err());
        assertTrue(lines[0].startsWith("cosense: error: " + expected), lines[0]);
    }

    @Test
    void mOfOneIsAllowedWhenSensingAtTheIrssOnlyAndTheMessageSaysSo() {
        String e = cosense("simulate fangactive --bs-antennas 1").err();
        assertTrue(e.contains("sensing at the IRSs alone (--mode irs) allows M = 1"), e);
        Result r = cosense("simulate fangactive --ao quick --irs-size 2x2 --bs-antennas 1 --mode irs --schemes transmit-only");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("M = 1") && r.out().contains("transmit-only"), r.out());
    }

    @Test
    void helpListsTheOptionsAndDefaults() {
        Result r = cosense("simulate fangactive --help");
        assertEquals(0, r.code());
        for (String s : new String[] {"--mode", "--pt", "--ps-dbm", "--amax", "--bs-antennas", "--irs", "--target", "--irs-size",
            "--cbi-db", "--realizations", "--seed", "--schemes", "--ao", "--json", "default: 5,15,0", "default: 4x4",
            "default: -5,10,0", "default: paper"}) {
            assertTrue(r.out().contains(s), "missing '" + s + "' in:\n" + r.out());
        }
        assertTrue(cosense("simulate nope").err().contains("must be one of hua3d, fangactive"));
    }
}
