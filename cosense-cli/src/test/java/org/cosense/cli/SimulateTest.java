package org.cosense.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cosense.cli.MainTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cosense simulate hua3d}, in-process. Small trial counts keep it fast. */
class SimulateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Result cosense(String line) {
        return MainTest.cosense(line.split(" "));
    }

    @Test
    void defaultRunPrintsEverySection() {
        Result r = cosense("simulate hua3d --trials 20");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String o = r.out();
        for (String s : new String[] {"hua3d single-target simulation: 20 trials, seed 1", "Scene", "BS       [0, 0, 5]",
            "IRS      [-20, 0, 3]", "target   [-20, 2, 0]", "P_BS 30 dBm, noise -80 dBm", "T1 = 60", "focused cross beam",
            "True DoAs (from the geometry)", "BS -> target            mu = +0.096561  nu = -0.241402",
            "Stage I: MUSIC", "sqrt CRB (Lemma 1)", "sqrt CRB (receive-only)", "Stage II: IRS beam scan, 30 + 30 beams",
            "grid step", "Position error (m)", "RMSE ", "(95% CI ", "median ", "p90 ", "Runtime "}) {
            assertTrue(o.contains(s), "missing '" + s + "' in:\n" + o);
        }
    }

    @Test
    void jsonHasThePositionRmse() throws Exception {
        Result r = cosense("simulate hua3d --trials 10 --json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("single-target", j.get("protocol").asText());
        double rmse = j.get("position").get("rmse").asDouble();
        assertTrue(rmse > 0 && rmse < 100, r.out());
        assertTrue(j.get("position").has("rmseLo") && j.get("position").has("p90"));
        assertTrue(j.get("stageOne").get("sqrtCrbMu").asDouble() > 0);
        assertEquals(60, j.get("config").get("t2").asInt());
    }

    @Test
    void threadCountDoesNotChangeTheNumbers() throws Exception {
        String args = "simulate hua3d --trials 16 --t1 24 --t2 20 --seed 7 --json --threads ";
        ObjectNode one = (ObjectNode) JSON.readTree(cosense(args + "1").out());
        ObjectNode two = (ObjectNode) JSON.readTree(cosense(args + "2").out());
        assertEquals(1, one.get("threads").asInt());
        assertEquals(2, two.get("threads").asInt());
        for (ObjectNode n : new ObjectNode[] {one, two}) {
            n.remove("threads");
            n.remove("runtimeSeconds");
        }
        assertEquals(one, two);
    }

    @Test
    void severalIrssAndTargetsRunTheMultiTargetProtocol() throws Exception {
        Result r = cosense("simulate hua3d --irs -20,0,3 --irs -10,0,3 --target -20,2,0 --target -10,10,0 --two-sided-irs "
                + "--nbar-bs 12 --nbar-irs 12 --t1 24 --t2 20 --trials 4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("hua3d multi-target simulation: 2 IRSs, 2 targets") && r.out().contains("unsteered cross beam")
                && r.out().contains("Per-trial position RMSE") && r.out().contains("p90"), r.out());
        JsonNode j = JSON.readTree(cosense("simulate hua3d --irs -20,0,3 --irs -10,0,3 --two-sided-irs --nbar-bs 12 --nbar-irs 12 --t1 24 "
                + "--t2 20 --trials 2 --json").out());
        assertEquals("multi-target", j.get("protocol").asText());
        assertTrue(j.get("rmsePerTrial").has("rmse"));
    }

    @Test
    void otherReadingsAreOptions() throws Exception {
        Result r = cosense("simulate hua3d --probing RANDOM --t1 24 --trials 4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("T1 = 24 (random probing)") && r.out().contains("random-probing snapshots"), r.out());
        JsonNode j = JSON.readTree(cosense("simulate hua3d --irs -20,0,3 --irs -10,0,3 --target -20,2,0 --target -10,10,0 "
                + "--two-sided-irs --nbar-bs 12 --nbar-irs 12 --t1 24 --t2 20 --trials 2 --scan joint --json").out());
        assertEquals("multi-target", j.get("protocol").asText());
        assertEquals("JOINT", j.get("config").get("scan").asText().toUpperCase(java.util.Locale.ROOT));
        String e = cosense("simulate hua3d --scan joint").err();
        assertTrue(e.contains("scan (--scan) = joint is not allowed: needs several IRSs or targets"), e);
        e = cosense("simulate hua3d --probing sobol").err();
        assertTrue(e.contains("--probing = sobol is not allowed: must be one of dft, random"), e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simulate hua3d --trials 0                      | --trials",
        "simulate hua3d --threads 0                     | --threads",
        "simulate hua3d --nbar-bs 0                     | --nbar-bs",
        "simulate hua3d --nbar-irs -3                   | --nbar-irs",
        "simulate hua3d --nbar-bs 1                     | --nbar-bs",
        "simulate hua3d --t1 0                          | --t1",
        "simulate hua3d --trials many                   | --trials",
        "simulate hua3d --power-dbm loud                | --power-dbm",
        "simulate hua3d --noise-dbm NaN                 | --noise-dbm",
        "simulate hua3d --rcs-dbsm 7dB                  | --rcs-dbsm",
        "simulate hua3d --seed 1.5                      | --seed",
        "simulate hua3d --target 1,2                    | --target",
        "simulate hua3d --irs a,b,c                     | --irs",
        "simulate hua3d --bs 0,0                        | --bs",
        "simulate hua3d --target -25,2,0                | --two-sided-irs",
        "simulate hua3d --irs 0,0,5                     | --irs",
        "simulate hua3d --irs 10,0,5                    | --irs",
        "simulate hua3d --bs -20,5,3                    | effective IRS frequency",
        "simulate hua3d --t2 7                          | --t2",
        "simulate hua3d --t2 2                          | --t2",
        "simulate hua3d --cross-beam diagonal           | --cross-beam",
        "simulate hua3d --target -20,2,0 --target -10,10,0 | --irs",
        "simulate hua3d --irs -20,0,3 --irs -10,0,3 --cross-beam focused | --cross-beam",
        "simulate hua3d --probing sobol                 | --probing",
        "simulate hua3d --scan spiral                   | --scan",
        "simulate hua3d --scan joint                    | --scan",
        "simulate hua3d --frobnicate                    | --frobnicate",
        "simulate nope                                  | system = nope",
        "simulate                                       | system",
    })
    void badInputGivesOneLineNamingTheParameter(String line, String name) {
        Result r = cosense(line);
        assertEquals(2, r.code(), line + " → " + r.err());
        assertEquals("", r.out());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line: " + r.err());
        assertTrue(lines[0].startsWith("cosense: error: ") && lines[0].contains(name), lines[0]);
        assertTrue(lines[0].contains("is not allowed"), lines[0]);
    }

    @Test
    void messagesSayWhatIsAllowed() {
        String e = cosense("simulate nope").err();
        assertTrue(e.contains("system = nope is not allowed: must be one of hua3d"), e);
        e = cosense("simulate hua3d --target -25,2,0").err();
        assertTrue(e.contains("target 1 position (--target) = [-25.0, 2.0, 0.0] is not allowed: is behind IRS 1")
                && e.contains("pass --two-sided-irs"), e);
        e = cosense("simulate hua3d --t2 7").err();
        assertTrue(e.contains("T2 (--t2) = 7 is not allowed: must be an even number of at least 4"), e);
        e = cosense("simulate hua3d --cross-beam diagonal").err();
        assertTrue(e.contains("--cross-beam = diagonal is not allowed: must be one of unsteered, focused, sequential"), e);
        e = cosense("simulate hua3d --target 1,2").err();
        assertTrue(e.contains("--target = 1,2 is not allowed: expected three comma-separated"), e);
    }

    @Test
    void helpListsTheOptions() {
        Result r = cosense("simulate hua3d --help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--two-sided-irs") && r.out().contains("--cross-beam") && r.out().contains("default: 0,0,5"),
                r.out());
        assertTrue(cosense("--help").out().contains("simulate"));
    }
}
