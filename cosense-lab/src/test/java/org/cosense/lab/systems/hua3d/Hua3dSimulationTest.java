package org.cosense.lab.systems.hua3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.geom.Vec3;
import org.cosense.lab.Progress;
import org.cosense.signal.ProbingCodebook;
import org.cosense.systems.hua3d.CrossBeam;
import org.junit.jupiter.api.Test;

class Hua3dSimulationTest {
    private static final Hua3dSimulation.Config PAPER = Hua3dSimulation.Config.paper().withTrials(12);

    @Test
    void singleTargetRunReportsTruthStagesAndPosition() {
        Hua3dSimulation.SingleTarget r = assertInstanceOf(Hua3dSimulation.SingleTarget.class,
                Hua3dSimulation.run(PAPER, 1, Progress.SILENT));
        assertEquals(CrossBeam.FOCUSED, r.crossBeam());
        // spec 2.3: mu_B2T = (y_T - y_BS) / d_B2T for BS [0,0,5], target [-20,2,0]
        double d = Math.sqrt(400 + 4 + 25);
        assertEquals(2 / d, r.truth().bsToTarget().mu(), 1e-12);
        assertEquals(-5 / d, r.truth().bsToTarget().nu(), 1e-12);
        assertEquals(0, r.truth().bsToIrsArrival().mu(), 1e-15);
        // at 30 dBm MUSIC is near the receive-only bound, and the FOCUSED scan sits on the grid floor
        assertTrue(r.stageOne().rmseMu() < 3 * r.stageOne().sqrtCrbReceiveOnlyMu(), r.stageOne().toString());
        assertTrue(r.stageOne().crbNote().isEmpty());
        assertEquals(2.0 / 29, r.stageTwo().gridStepMu(), 1e-12);
        assertEquals(r.stageTwo().gridFloorMu(), r.stageTwo().rmseMu(), 1e-9);
        Hua3dSimulation.Errors p = r.position();
        assertTrue(p.rmse() > 0 && Double.isFinite(p.rmse()) && p.rmseLo() <= p.rmse() && p.rmse() <= p.rmseHi(), p.toString());
        assertEquals(0, p.failedTrials());
        assertEquals(12, p.trials());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode a = (ObjectNode) m.readTree(Hua3dSimulation.toJson(Hua3dSimulation.run(PAPER, 1, Progress.SILENT)));
        ObjectNode b = (ObjectNode) m.readTree(Hua3dSimulation.toJson(Hua3dSimulation.run(PAPER, 2, Progress.SILENT)));
        for (ObjectNode n : List.of(a, b)) {
            n.remove("runtimeSeconds");
            n.remove("threads");
        }
        assertEquals(a, b);
        JsonNode cfg = a.get("config");
        assertEquals("[0.0,0.0,5.0]", cfg.get("bs").toString(), "points are written as [x, y, z]");
    }

    @Test
    void severalIrssRunTheMultiTargetProtocol() {
        Hua3dSimulation.Config c = new Hua3dSimulation.Config(Vec3.of(0, 0, 5), List.of(Vec3.of(-20, 0, 3), Vec3.of(-10, 0, 3)),
                List.of(Vec3.of(-20, 2, 0), Vec3.of(-10, 10, 0)), 12, 12, 30, -80, 7, 24, 20, null, true, 4, 1, false);
        Hua3dSimulation.MultiTarget r = assertInstanceOf(Hua3dSimulation.MultiTarget.class,
                Hua3dSimulation.run(c, 2, Progress.SILENT));
        assertEquals(CrossBeam.UNSTEERED, r.crossBeam());
        assertEquals(2, r.targets().size());
        assertEquals(4, r.rmsePerTrial().trials());
        assertTrue(r.rmsePerTrial().median() >= 0);
    }

    @Test
    void badDeploymentsAreUserErrors() {
        // the multi-target scan implements the unsteered cross beam only
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Hua3dSimulation.Config(Vec3.of(0, 0, 5),
                List.of(Vec3.of(-20, 0, 3), Vec3.of(-10, 0, 3)), List.of(Vec3.of(-20, 2, 0)), 20, 30, 30, -80, 7, 60, 60,
                CrossBeam.FOCUSED, false, 5, 1, false));
        assertTrue(e.getMessage().startsWith("cross beam = focused is not allowed"), e.getMessage());
        Hua3dSimulation.Config behind = new Hua3dSimulation.Config(Vec3.of(0, 0, 5), List.of(Vec3.of(-20, 0, 3)),
                List.of(Vec3.of(-25, 2, 0)), 20, 30, 30, -80, 7, 60, 60, null, false, 5, 1, false);
        e = assertThrows(InvalidInputException.class, () -> Hua3dSimulation.run(behind, 1, Progress.SILENT));
        assertTrue(e.getMessage().contains("behind IRS 1"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> Hua3dSimulation.run(PAPER, 0, Progress.SILENT));
        assertTrue(e.getMessage().startsWith("threads = 0"), e.getMessage());
    }

    @Test
    void randomProbingBoundsComeFromTheTrialsOwnDraws() {
        Hua3dSimulation.SingleTarget dft = assertInstanceOf(Hua3dSimulation.SingleTarget.class,
                Hua3dSimulation.run(PAPER, 1, Progress.SILENT));
        Hua3dSimulation.SingleTarget rnd = assertInstanceOf(Hua3dSimulation.SingleTarget.class,
                Hua3dSimulation.run(PAPER.withProbing(ProbingCodebook.Design.RANDOM), 1, Progress.SILENT));
        assertEquals(ProbingCodebook.Design.RANDOM, rnd.config().probing());
        // the DFT codebook's pencil beams give Lemma 1 far more than MUSIC uses; random probing does not
        double dftRatio = dft.stageOne().rmseMu() / dft.stageOne().sqrtCrbMu();
        double rndRatio = rnd.stageOne().rmseMu() / rnd.stageOne().sqrtCrbMu();
        assertTrue(rndRatio < dftRatio / 1.5, "random " + rndRatio + ", DFT " + dftRatio);
        assertTrue(rnd.stageOne().sqrtCrbMu() <= rnd.stageOne().sqrtCrbReceiveOnlyMu(), rnd.stageOne().toString());
        assertTrue(rnd.stageOne().crbNote().isEmpty());
    }

    @Test
    void jointScanRunsTheMultiTargetProtocolOnThePrintedGrid() {
        Hua3dSimulation.Config c = new Hua3dSimulation.Config(Vec3.of(0, 0, 5), List.of(Vec3.of(-20, 0, 3), Vec3.of(-10, 0, 3)),
                List.of(Vec3.of(-20, 2, 0), Vec3.of(-10, 10, 0)), 12, 12, 30, -80, 7, 24, 20, null, true, 3, 1, false)
                .withScan(Hua3dSimulation.Scan.JOINT);
        Hua3dSimulation.MultiTarget r = assertInstanceOf(Hua3dSimulation.MultiTarget.class, Hua3dSimulation.run(c, 1, Progress.SILENT));
        assertEquals(Hua3dSimulation.Scan.JOINT, r.config().scan());
        assertTrue(Double.isFinite(r.rmsePerTrial().rmse()), r.rmsePerTrial().toString());
        // a different scan, so different estimates than the separable default on the same seeds
        Hua3dSimulation.MultiTarget sep = assertInstanceOf(Hua3dSimulation.MultiTarget.class,
                Hua3dSimulation.run(c.withScan(Hua3dSimulation.Scan.SEPARABLE), 1, Progress.SILENT));
        assertTrue(sep.rmsePerTrial().rmse() != r.rmsePerTrial().rmse());
    }

    @Test
    void jointScanAndMissingOptionsAreUserErrors() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PAPER.withScan(Hua3dSimulation.Scan.JOINT));
        assertTrue(e.getMessage().startsWith("scan = joint is not allowed"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> PAPER.withProbing(null));
        assertTrue(e.getMessage().startsWith("probing"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> PAPER.withScan(null));
        assertTrue(e.getMessage().startsWith("scan"), e.getMessage());
    }
}
