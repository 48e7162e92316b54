package org.cosense.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cosense.cli.MainTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code cosense simulate wangmultistatic}, in-process, at small sizes (M = 64, 4 trials). */
class SimulateWangmultistaticTest {
    private static final String SMALL = "simulate wangmultistatic --pulses 64 --trials 4 --threads 2";

    private static Result cosense(String line) {
        return MainTest.cosense(line.trim().split(" +"));
    }

    @Test
    void randomLayoutPrintsTheDesignTheMatchedFilterAndThePosition() {
        Result r = cosense(SMALL + " --receivers 5");
        System.out.print(r.out());
        assertEquals(0, r.code(), r.err());
        String o = r.out();
        for (String s : new String[] {"wangmultistatic simulation: 5 REs, 4 trials, seed 1", "selected REs G", "U (EXACT bound)",
            "transmit power", "cooperation cost Omega", "rate (bit/s/Hz)", "Matched filter (fused over G) against the EXACT bound",
            "Position (Prop. 5.1 on the estimates)", "position CRB"}) {
            assertTrue(o.contains(s), "missing '" + s + "' in:\n" + o);
        }
    }

    @Test
    void userLayoutAsJson() throws Exception {
        Result r = cosense(SMALL + " --receiver 50,0 --receiver -30,20 --receiver 10,70 --selection all --rate 0.5 --json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("ok", j.get("status").asText());
        assertEquals(3, j.get("selected").size());
        assertEquals(3, j.get("rates").size());
        for (JsonNode rate : j.get("rates")) {
            assertTrue(rate.asDouble() >= 0.5 - 1e-6, "rate " + rate);
        }
        assertTrue(j.get("power").asDouble() <= 1.0 * (1 + 1e-6));
        assertTrue(j.get("mfMse").asDouble() > 0 && j.get("mfBound").asDouble() > 0);
        assertTrue(j.get("positionRmse").asDouble() > 0 && j.get("positionCrb").asDouble() > 0);
    }

    @Test
    void costLimitBelowEveryPriceGivesNoSelection() {
        Result r = cosense(SMALL + " --cost-limit 0.001");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("No selection: no candidate set within the cost limit."), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--receiver 0,0 --receiver 50,0|--receiver",
        "--receiver 20,40 --receiver 50,0|--receiver",
        "--receiver 50,0 --receiver 50,0|duplicates receiver 1",
        "--nt 0|--nt",
        "--nr 0|--nr",
        "--rate -1|--rate",
        "--speed 299792458|--speed",
        "--speed 3e9|--speed",
        "--pulse gauss|--pulse",
        "--receiver 1,2,3|--receiver"})
    void badInputIsOneLineAndExitTwo(String args, String mentions) {
        Result r = cosense(SMALL + " " + args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains(mentions), r.err());
        assertEquals("", r.out());
    }
}
