package org.cosense.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cosense.cli.MainTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cosense simulate zhanghybrid}, in-process, with 200 trials. */
class SimulateZhanghybridTest {
    private static final String SMALL = "simulate zhanghybrid --trials 200 --estimator-trials 0 --threads 2";

    private static Result cosense(String line) {
        return MainTest.cosense(line.trim().split(" +"));
    }

    @Test
    void defaultDeploymentPrintsRankCasesBoundsAndLocalizers() {
        Result r = cosense(SMALL);
        assertEquals(0, r.code(), r.err());
        String o = r.out();
        for (String s : new String[] {"zhanghybrid simulation: 3 IRSs, 200 trials, seed 1", "rank Z_j", "proposed (all K^2 paths)",
            "angle only", "delay only", "no collaboration", "single IRS", "three-stage", "two-stage", "drawn from the bound",
            "not run (estimator trials 0)"}) {
            assertTrue(o.contains(s), "missing '" + s + "' in:\n" + o);
        }
    }

    /** The estimator rows at a power where the estimators work: four angle rows with ADMM counts, four localizer rows. */
    @Test
    void estimatorRowsAtHighPower() throws Exception {
        Result r = cosense("simulate zhanghybrid --trials 20 --estimator-trials 2 --threads 2 --power-dbm 90 --json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode a = j.get("angles");
        assertEquals(4, a.size());
        assertEquals("anm", a.get(0).get("estimator").asText());
        assertTrue(a.get(0).get("solves").asInt() >= 6, a.toString()); // the AOA of each of the 3 IRSs, 2 frames
        assertTrue(a.get(0).get("iterationsMax").asInt() > 0);
        // ANM on the joint data: within a factor 10 of its bound at 90 dBm
        assertTrue(a.get(0).get("aoaRmse").asDouble() < 10 * a.get(0).get("aoaBound").asDouble(), a.get(0).toString());
        JsonNode l = j.get("estimatedLocalizers");
        assertEquals(4, l.size());
        for (JsonNode x : l) {
            assertTrue(x.get("rmse").asDouble() > 0 && Double.isFinite(x.get("rmse").asDouble()));
        }
        Result text = cosense("simulate zhanghybrid --trials 20 --estimator-trials 1 --threads 2 --power-dbm 90");
        assertEquals(0, text.code(), text.err());
        for (String s : new String[] {"Estimators on 1 simulated frames", "ADMM iterations median/max", "music", "esprit", "capon",
            "from estimated delays and angles", "at the bound"}) {
            assertTrue(text.out().contains(s), "missing '" + s + "' in:\n" + text.out());
        }
    }

    @Test
    void userDeploymentAsJson() throws Exception {
        Result r = cosense(SMALL + " --irs 10,50 --irs 10,-50 --irs 50,0 --irs -20,30 --target 25,-8 --elements 8 --paths 4 --json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(4, j.get("cases").size());
        for (JsonNode c : j.get("cases")) {
            assertEquals(4, c.get("rank").asInt());
            assertEquals(2, c.get("rankCase").asInt());
        }
        double proposed = j.get("crbProposed").asDouble();
        assertTrue(proposed > 0 && proposed <= j.get("crbAngle").asDouble() && proposed <= j.get("crbDelay").asDouble()
                && proposed <= j.get("crbNoCollaboration").asDouble());
        assertEquals(4, j.get("localizers").size());
        for (JsonNode l : j.get("localizers")) {
            assertTrue(l.get("rmse").asDouble() > 0);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--irs 10,50|--irs",
        "--irs 10,50 --irs 10,50|duplicates IRS 1",
        "--target 50.3,0.2|--target",
        "--target 10,20|endfire",
        "--sensors 1|--sensors",
        "--elements 1|--elements",
        "--bandwidth-mhz -3|--bandwidth-mhz",
        "--rcs 0|--rcs",
        "--irs 1,2,3|--irs",
        "--estimator-trials -1|--estimator-trials"})
    void badInputIsOneLineAndExitTwo(String args, String mentions) {
        Result r = cosense(SMALL + " " + args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains(mentions), r.err());
        assertEquals("", r.out());
    }
}
