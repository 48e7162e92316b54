package org.cosense.systems.hua3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.geom.SpatialFrequency;
import org.cosense.geom.Vec3;
import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

/** Spec 6, properties 24–25 and the scene validation. */
class MultiTargetProtocolTest {

    static List<Vec3> exact(Scene s, boolean shuffle, RandomStream rng) {
        int k = s.targets().size();
        List<SpatialFrequency> bs = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            bs.add(s.bsToTarget(t));
        }
        List<List<SpatialFrequency>> irs = new ArrayList<>();
        for (int m = 0; m < s.irss().size(); m++) {
            List<SpatialFrequency> l = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                l.add(s.irsToTarget(m, t));
            }
            if (shuffle) {
                // the IRS side does not know which target is which
                for (int i = k - 1; i > 0; i--) {
                    Collections.swap(l, i, rng.nextInt(i + 1));
                }
            }
            irs.add(l);
        }
        return MultiTargetProtocol.associate(s, bs, irs);
    }

    @Test
    void exactDoasRecoverThePapersScene() {
        Scene s = Scene.multiTarget(20, 30);
        List<Vec3> est = exact(s, true, new RandomStream(3));
        for (int t = 0; t < 3; t++) {
            assertEquals(0, est.get(t).distance(s.target(t)), 1e-8);
        }
        assertEquals(0, MultiTargetProtocol.rmse(s, est), 1e-8);
    }

    @Test
    void exactDoasRecoverRandomThreeTargetScenes() {
        RandomStream rng = new RandomStream(11);
        Scene base = Scene.multiTarget(20, 30);
        int done = 0;
        while (done < 200) {
            List<Target> ts = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                ts.add(Target.ofDbsm(Vec3.of(-25 + 25 * rng.nextDouble(), -15 + 30 * rng.nextDouble(), 0), 7));
            }
            Scene s = base.withTargets(ts);
            List<Vec3> est = exact(s, true, rng);
            assertTrue(MultiTargetProtocol.rmse(s, est) < 1e-6, "scene " + ts);
            done++;
        }
    }

    @Test
    void raySearchFusionRecoversExactDoas() {
        Scene s = Scene.multiTarget(20, 30);
        List<SpatialFrequency> bs = new ArrayList<>();
        List<List<SpatialFrequency>> irs = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            bs.add(s.bsToTarget(t));
        }
        for (int m = 0; m < 3; m++) {
            List<SpatialFrequency> l = new ArrayList<>();
            for (int t = 2; t >= 0; t--) { // any order: the search associates
                l.add(s.irsToTarget(m, t));
            }
            irs.add(l);
        }
        List<Vec3> est = MultiTargetProtocol.raySearch(s, bs, irs);
        for (int t = 0; t < 3; t++) {
            assertEquals(0, est.get(t).distance(s.target(t)), 1e-6);
        }
    }

    @Test
    void rmseIsInvariantToTargetOrder() {
        Scene s = Scene.multiTarget(20, 30);
        List<Vec3> est = List.of(Vec3.of(-10, 9, 0), Vec3.of(-19, 2, 1), Vec3.of(-5, 11, 0));
        List<Vec3> rev = new ArrayList<>(est);
        Collections.reverse(rev);
        assertEquals(MultiTargetProtocol.rmse(s, est), MultiTargetProtocol.rmse(s, rev), 1e-12);
        assertEquals(Math.sqrt((1 + 2 + 1) / 3.0), MultiTargetProtocol.rmse(s, est), 1e-12);
    }

    @Test
    void sceneValidationNamesTheProblem() {
        Scene s = Scene.singleTarget(20, 30);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> s.withTargets(List.of(Target.ofDbsm(Vec3.of(-25, 2, 0), 7))));
        assertTrue(e.getMessage().contains("behind IRS 1"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> s.withIrss(List.of(new Irs(Vec3.of(0, 0, 5), s.irs(0).array()))));
        assertTrue(e.getMessage().contains("IRS 1 position"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> s.withIrss(List.of(new Irs(Vec3.of(-20, 0, 5), s.irs(0).array()))));
        assertTrue(e.getMessage().contains("in y or z"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> org.cosense.array.Upa.square(0));
        assertTrue(e.getMessage().contains("array side = 0"), e.getMessage());
    }

    @Test
    void effectiveFrequencyOutsideTheScanRangeIsRejected() {
        Scene s = Scene.multiTarget(20, 30);
        // search the half space in front of the IRSs for a target whose effective IRS frequency leaves [-1, 1]^2 (P7)
        Scene bad = null;
        for (int x = -30; x <= 30 && bad == null; x += 2) {
            for (int y = -30; y <= 30 && bad == null; y += 2) {
                for (int z = -10; z <= 10 && bad == null; z += 2) {
                    Scene c;
                    try {
                        c = s.withTargets(List.of(s.targets().get(0), s.targets().get(1), Target.ofDbsm(Vec3.of(x, y, z), 7)));
                    } catch (InvalidInputException e) {
                        continue; // behind an IRS etc.
                    }
                    for (int m = 0; m < c.irss().size(); m++) {
                        SpatialFrequency f = c.effectiveIrsFrequency(m, 2);
                        if (Math.abs(f.mu()) > 1 || Math.abs(f.nu()) > 1) {
                            bad = c;
                        }
                    }
                }
            }
        }
        assertTrue(bad != null, "no test geometry found");
        Scene b = bad;
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new MultiTargetProtocol(b, MultiTargetProtocol.Config.paper(1.0, 60, 60)));
        assertEquals("target position", e.parameter());
        assertEquals(3, e.index().orElseThrow());
        assertTrue(e.getMessage().startsWith("target 3 position = ") && e.getMessage().contains("effective frequency at IRS"),
                e.getMessage());
        new MultiTargetProtocol(s, MultiTargetProtocol.Config.paper(1.0, 60, 60)); // the paper's scene passes
    }

    @Test
    void noisyTrialsFindAllBsDoasAndImproveWithPower() {
        Scene s = Scene.multiTarget(20, 30);
        MultiTargetProtocol high = new MultiTargetProtocol(s, MultiTargetProtocol.Config.paper(1.0, 60, 60));
        MultiTargetProtocol low = new MultiTargetProtocol(s, MultiTargetProtocol.Config.paper(1e-4, 60, 60));
        double sumHigh = 0;
        double sumLow = 0;
        int n = 8;
        for (int t = 0; t < n; t++) {
            MultiTargetProtocol.Result r = high.trial(RandomStream.forTrial(7, 0, t));
            for (int k = 0; k < 3; k++) {
                SpatialFrequency truth = s.bsToTarget(k);
                double best = r.bsDoas().stream().mapToDouble(e -> Math.hypot(e.mu() - truth.mu(), e.nu() - truth.nu())).min()
                        .orElseThrow();
                assertTrue(best < 1e-3, "MUSIC missed target " + k + ": " + r.bsDoas());
            }
            sumHigh += r.rmse();
            sumLow += low.trial(RandomStream.forTrial(7, 1, t)).rmse();
        }
        assertTrue(sumHigh < sumLow, "high power " + sumHigh / n + " m vs low power " + sumLow / n + " m");
        assertTrue(sumHigh / n < 15, "mean RMSE at 30 dBm " + sumHigh / n);
    }

    /**
     * In the paper's multi-target scene targets 1 and 3 share one beam at IRS 3 (effective mu 0.864 and
     * 0.958 on a 30-beam grid): the scan there cannot find three targets and says so, and the list handed
     * to the association is the detections followed by repeats of the strongest, never a scan-edge value.
     */
    @Test
    void targetsSharingABeamAreReportedAsNotDetected() {
        Scene s = Scene.multiTarget(20, 30);
        MultiTargetProtocol p = new MultiTargetProtocol(s, MultiTargetProtocol.Config.paper(1.0, 60, 60));
        for (int t = 0; t < 4; t++) {
            MultiTargetProtocol.Result r = p.trial(RandomStream.forTrial(7, 0, t));
            assertEquals(3, r.bsFound());
            assertTrue(r.bsDetected(2));
            assertEquals(3, r.irsFound().size());
            int found = r.irsFound().get(2);
            assertTrue(found < 3, "IRS 3 found " + found);
            assertTrue(!r.irsDetected(2, 2));
            List<SpatialFrequency> irs3 = r.irsDoas().get(2);
            assertEquals(3, irs3.size());
            for (int i = found; i < 3; i++) {
                assertEquals(irs3.get(0), irs3.get(i), "a repeat of the strongest");
            }
        }
    }
}
