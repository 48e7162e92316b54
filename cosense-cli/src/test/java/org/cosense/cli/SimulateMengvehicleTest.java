package org.cosense.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cosense.cli.MainTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cosense simulate mengvehicle}, in-process, at small sizes (20 trials). */
class SimulateMengvehicleTest {
    private static final String SMALL = "simulate mengvehicle --trials 20 --threads 2";

    private static Result cosense(String line) {
        return MainTest.cosense(line.trim().split(" +"));
    }

    @Test
    void randomLayoutPrintsSpansAllocationsGapScheduleAndMle() {
        Result r = cosense(SMALL + " --bs-count 6 --vehicle 0,0 --vehicle 80,0");
        System.out.print(r.out());
        assertEquals(0, r.code(), r.err());
        String o = r.out();
        for (String s : new String[] {"mengvehicle simulation: 6 BSs, 2 vehicles", "span x", "sub-arrays", "BSs (dwell share)", "CRLB (m^2)",
            "MLE MSE (m^2)", "certified gap", "Slot schedules", "proposed: N = ", "timedivision: N = ", "closest: N = "}) {
            assertTrue(o.contains(s), "missing '" + s + "' in:\n" + o);
        }
    }

    @Test
    void userLayoutAsJson() throws Exception {
        Result r = cosense(SMALL + " --bs 100,0 --bs 0,100 --bs -80,-60 --radius 2 --schemes proposed,closest --json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode v = j.get("vehicles").get(0);
        assertEquals(3, v.get("links").size());
        assertEquals(2, v.get("allocations").size());
        double proposed = v.get("allocations").get(0).get("crlb").asDouble();
        double closest = v.get("allocations").get(1).get("crlb").asDouble();
        assertTrue(proposed <= closest * (1 + 1e-12));
        assertTrue(v.get("polyblockCrlb").asDouble() >= proposed * (1 - 1e-12));
        for (JsonNode s : j.get("schedules")) {
            assertTrue(s.get("slots").asInt() >= 2);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bs 100,0|--bs",
        "--bs-count 1|--bs-count",
        "--bs 1,1 --bs 100,0|outside the prior disk",
        "--vehicle 0,0 --vehicle 6,0|--vehicle",
        "--radius -1|--radius",
        "--height 0|--height",
        "--height -2|--height",
        "--schemes best|--schemes",
        "--bs 1,2,3 --bs 100,0|--bs"})
    void badInputIsOneLineAndExitTwo(String args, String mentions) {
        Result r = cosense(SMALL + " " + args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains(mentions), r.err());
        assertEquals("", r.out());
    }
}
