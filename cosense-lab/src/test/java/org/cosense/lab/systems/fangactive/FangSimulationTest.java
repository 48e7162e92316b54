package org.cosense.lab.systems.fangactive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cosense.InvalidInputException;
import org.cosense.geom.Vec3;
import org.cosense.lab.Progress;
import org.cosense.lab.systems.fangactive.FangSimulation.Ao;
import org.cosense.lab.systems.fangactive.FangSimulation.Config;
import org.cosense.lab.systems.fangactive.FangSimulation.Design;
import org.cosense.lab.systems.fangactive.FangSimulation.Mode;
import org.cosense.lab.systems.fangactive.FangSimulation.Scheme;
import org.cosense.lab.systems.fangactive.FangSimulation.SchemeResult;
import org.cosense.systems.fangactive.Scenario;
import org.junit.jupiter.api.Test;

/** The paper's geometry with 2 x 2 IRSs, M = 4 and the quick AO keeps every design to a fraction of a second. */
class FangSimulationTest {
    static final List<Vec3> PAPER_IRSS = List.of(Vec3.of(-5, 10, 0), Vec3.of(-5, 20, 0));
    static final Vec3 PAPER_TARGET = Vec3.of(5, 15, 0);

    static Config config(List<Mode> modes, List<Scheme> schemes, int m, List<Vec3> irss, Vec3 target, int nv, int nh, int r) {
        return new Config(modes, schemes, 20, 20, 8, m, irss, target, nv, nh, -20, r, 1, Ao.QUICK);
    }

    static Config small(List<Vec3> irss, Vec3 target) {
        return config(List.of(Mode.values()), List.of(Scheme.values()), 4, irss, target, 2, 2, 1);
    }

    @Test
    void everySchemeIsDesignedWithinTheBudgetAndTheProposedDesignIsBest() {
        AtomicLong last = new AtomicLong();
        FangSimulation.Result r = FangSimulation.run(small(PAPER_IRSS, PAPER_TARGET), (label, done, total) -> {
            assertEquals(8, total);
            last.set(done);
        });
        assertEquals(8, last.get(), "one progress unit per mode and scheme");
        assertEquals(8, r.results().size());
        for (Mode m : Mode.values()) {
            SchemeResult p = r.get(m, Scheme.PROPOSED);
            SchemeResult tx = r.get(m, Scheme.TRANSMIT_ONLY);
            SchemeResult rf = r.get(m, Scheme.REFLECTIVE_ONLY);
            // the two-start AO starts from both benchmarks and never increases the objective (spec property 28)
            assertTrue(p.meanMaxCrb() <= tx.meanMaxCrb() && p.meanMaxCrb() <= rf.meanMaxCrb(),
                    m + ": proposed " + p.meanMaxCrb() + ", transmit-only " + tx.meanMaxCrb() + ", reflective-only " + rf.meanMaxCrb());
            assertTrue(List.of("transmit-only start", "reflective-only start").containsAll(p.starts().keySet()), p.starts().toString());
            for (SchemeResult s : List.of(p, tx, rf, r.get(m, Scheme.PASSIVE))) {
                Design d = s.designs().get(0);
                assertEquals(2, d.crbs().length);
                assertEquals(Arrays.stream(d.crbs()).max().orElseThrow(), d.maxCrb(), 0);
                assertEquals(d.maxCrb(), s.meanMaxCrb(), 0);
                assertTrue(Double.isFinite(d.maxCrb()) && d.maxCrb() > 0, s.scheme() + " " + d.maxCrb());
                for (int l = 0; l < 2; l++) {
                    assertTrue(d.angleCrbs()[l] > 0 && d.angleCrbs()[l] <= d.crbs()[l], "the angle part is part of the trace");
                }
                assertTrue(d.bsPower() > 0 && d.bsPower() <= 20 * (1 + 1e-6), s.scheme() + " BS power " + d.bsPower());
                if (s.scheme() == Scheme.PASSIVE) {
                    assertNull(d.irsPowers(), "the passive IRS has no amplification budget");
                    assertNull(s.maxIrsPowers());
                } else {
                    for (double pl : d.irsPowers()) {
                        assertTrue(pl > 0 && pl <= 0.1 * (1 + 1e-6), s.scheme() + " IRS power " + pl);
                    }
                }
            }
            assertEquals(1, tx.designs().get(0).iterations(), "transmit-only is one R-step");
        }
        // the active IRSs beat the passive one when sensing at the BS (Fig. 3)
        assertTrue(r.get(Mode.BS, Scheme.PASSIVE).meanMaxCrb() > 10 * r.get(Mode.BS, Scheme.PROPOSED).meanMaxCrb());
        assertTrue(r.assumptions().contains("C_BI = -20 dB") && r.crbUnits().contains("rad^2"), r.assumptions());
    }

    @Test
    void realizationsAreAveragedWithCommonRandomNumbers() {
        List<Scheme> tx = List.of(Scheme.TRANSMIT_ONLY);
        SchemeResult three = FangSimulation.run(config(List.of(Mode.IRS), tx, 4, PAPER_IRSS, PAPER_TARGET, 2, 2, 3), null)
                .get(Mode.IRS, Scheme.TRANSMIT_ONLY);
        assertEquals(3, three.designs().size());
        double mean = three.designs().stream().mapToDouble(Design::maxCrb).average().orElseThrow();
        assertEquals(mean, three.meanMaxCrb(), 1e-12 * mean);
        assertTrue(three.meanMaxCrbLo() <= mean && mean <= three.meanMaxCrbHi());
        assertEquals(3, three.starts().get("transmit-only"));
        // realization 0 is the same whatever else is run (a function of (seed, t) only)
        FangSimulation.Result one = FangSimulation.run(config(List.of(Mode.values()), List.of(Scheme.PASSIVE, Scheme.TRANSMIT_ONLY),
                4, PAPER_IRSS, PAPER_TARGET, 2, 2, 1), Progress.SILENT);
        assertArrayEquals(three.designs().get(0).crbs(), one.get(Mode.IRS, Scheme.TRANSMIT_ONLY).designs().get(0).crbs());
        assertNull(one.get(Mode.IRS, Scheme.PROPOSED));
        assertEquals(List.of(Scheme.TRANSMIT_ONLY, Scheme.PASSIVE), one.config().schemes(), "reported in the canonical order");
    }

    @Test
    void theDefaultsAreThePaperScene() {
        Config c = Config.paper();
        Scenario s = c.scenario();
        Scenario p = Scenario.paper(16);
        assertEquals(p.irsPositions(), s.irsPositions());
        assertEquals(p.irsFrames(), s.irsFrames());
        assertEquals(p.target(), s.target());
        assertEquals(p.reflector(), s.reflector());
        assertEquals(p.sensors(), s.sensors());
        assertEquals(p.bsArray(), s.bsArray());
        assertEquals(p.bsIrsGainDb(), s.bsIrsGainDb());
        assertEquals(0.1, c.budget().irsPower(), 1e-15);
        assertEquals(Ao.PAPER, c.ao());
        assertEquals(List.of(Mode.BS, Mode.IRS), c.modes());
    }

    @Test
    void jsonNamesModesAndSchemesAsTheCommandLine() throws Exception {
        FangSimulation.Result r = FangSimulation.run(config(List.of(Mode.IRS), List.of(Scheme.TRANSMIT_ONLY, Scheme.PASSIVE), 4,
                PAPER_IRSS, PAPER_TARGET, 2, 2, 1), Progress.SILENT);
        JsonNode j = new ObjectMapper().readTree(FangSimulation.toJson(r));
        assertEquals("[\"irs\"]", j.get("config").get("modes").toString());
        assertEquals("quick", j.get("config").get("ao").asText());
        assertEquals("[5.0,15.0,0.0]", j.get("config").get("target").toString());
        assertEquals(64, j.get("aoOptions").get("randomizationDraws").asInt());
        JsonNode first = j.get("results").get(0);
        assertEquals("transmit-only", first.get("scheme").asText());
        assertEquals(r.results().get(0).meanMaxCrb(), first.get("meanMaxCrb").asDouble(), 0);
        assertTrue(j.get("results").get(1).get("maxIrsPowers").isNull());

        // the convex solves of the joint-AO passive design, counted by status (every solve ends with some status)
        JsonNode statuses = j.get("results").get(1).get("designs").get(0).get("solverStatuses");
        int solves = 0;
        for (var it = statuses.fields(); it.hasNext();) {
            var e = it.next();
            assertTrue(List.of("optimal", "near_optimal", "iteration_limit", "numerical_error", "infeasible", "unbounded")
                    .contains(e.getKey()), e.getKey());
            solves += e.getValue().asInt();
        }
        assertTrue(solves > 0, "the AO's solves are counted: " + statuses);

        // each realization's design (R_l, psi_l) and channels G_l, as the README promises
        JsonNode design = first.get("designs").get(0);
        FangSimulation.Design d = r.results().get(0).designs().get(0);
        assertEquals(2, design.get("covariances").size(), "one R_l per IRS");
        assertEquals(4, design.get("covariances").get(0).get("re").size(), "M x M");
        assertEquals(4, design.get("covariances").get(0).get("im").get(3).size());
        assertEquals(d.covariances().get(1).re()[2][3], design.get("covariances").get(1).get("re").get(2).get(3).asDouble(), 0);
        assertEquals(4, design.get("reflections").get(0).get("re").size(), "N = 2 x 2 reflection coefficients");
        double amp = Math.hypot(design.get("reflections").get(0).get("re").get(0).asDouble(),
                design.get("reflections").get(0).get("im").get(0).asDouble());
        assertTrue(amp > 0 && amp <= 8 * (1 + 1e-12), "|psi_0| within a_max: " + amp);
        JsonNode g = j.get("realizations").get(0);
        assertEquals(0, g.get("index").asInt());
        assertEquals(2, g.get("channels").size(), "one G_l per IRS");
        assertEquals(4, g.get("channels").get(0).get("re").size(), "N rows");
        assertEquals(4, g.get("channels").get(0).get("re").get(0).size(), "M columns");
        // the reported design reproduces the reported CRB on the reported channel
        assertEquals(r.realizations().get(0).channels().get(0).re()[1][2], g.get("channels").get(0).get("re").get(1).get(2).asDouble(), 0);
    }

    @Test
    void badDeploymentsAreUserErrors() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> small(List.of(Vec3.of(5, 15, 0)), PAPER_TARGET));
        assertTrue(e.getMessage().startsWith("IRS 1 position = [5.0, 15.0, 0.0] is not allowed: must differ from the target"),
                e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> small(List.of(Vec3.of(-5, 10, 0), Vec3.of(10, 15, 0)), PAPER_TARGET));
        assertTrue(e.getMessage().startsWith("IRS 2 position = [10.0, 15.0, 0.0] is not allowed: the BS [0.0, 0.0, 0.0] is behind"),
                e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> small(PAPER_IRSS, Vec3.of(-10, 15, 0)));
        assertTrue(e.getMessage().startsWith("IRS 1 position = [-5.0, 10.0, 0.0] is not allowed: the target [-10.0, 15.0, 0.0] is "
                + "behind the surface"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> config(List.of(Mode.values()), List.of(Scheme.values()), 4, PAPER_IRSS,
                PAPER_TARGET, 1, 4, 1));
        assertTrue(e.getMessage().startsWith("IRS size Nv x Nh = 1x4 is not allowed: must be at least 2x2"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> config(List.of(Mode.values()), List.of(Scheme.values()), 1, PAPER_IRSS,
                PAPER_TARGET, 2, 2, 1));
        assertTrue(e.getMessage().startsWith("BS antennas M = 1 is not allowed: sensing at the BS needs M of at least 2"),
                e.getMessage());
        // M = 1 is fine when sensing at the IRSs only
        config(List.of(Mode.IRS), List.of(Scheme.values()), 1, PAPER_IRSS, PAPER_TARGET, 2, 2, 1);
        e = assertThrows(InvalidInputException.class, () -> config(List.of(Mode.values()), List.of(), 4, PAPER_IRSS, PAPER_TARGET,
                2, 2, 1));
        assertTrue(e.getMessage().startsWith("schemes = [] is not allowed"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> config(List.of(Mode.values()), List.of(Scheme.values()), 4, PAPER_IRSS,
                PAPER_TARGET, 2, 2, 0));
        assertTrue(e.getMessage().startsWith("realizations = 0 is not allowed"), e.getMessage());
    }
}
