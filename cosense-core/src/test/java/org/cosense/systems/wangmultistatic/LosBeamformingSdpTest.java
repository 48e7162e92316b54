package org.cosense.systems.wangmultistatic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cosense.math.RandomStream;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.SdpaFormat;
import org.cosense.optim.DualLmiSolver;
import org.cosense.optim.HermitianVar;
import org.cosense.optim.Solution;
import org.cosense.optim.StandardFormSolution;
import org.cosense.optim.Status;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LosBeamformingSdpTest {
    static String csdp() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path c = Path.of(dir, "csdp");
            if (Files.isExecutable(c)) {
                return c.toString();
            }
        }
        return null;
    }

    /** CSDP's optimal value of an SDPA export, from the full-precision y of its solution file. */
    static double runCsdp(String csdp, ConvexProgram program, Path dir) throws Exception {
        Path in = dir.resolve("p.dat-s");
        Path out = dir.resolve("p.sol");
        Files.writeString(in, SdpaFormat.write(program), java.nio.charset.StandardCharsets.US_ASCII);
        Process proc = new ProcessBuilder(csdp, in.toString(), out.toString()).redirectErrorStream(true).start();
        String text = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(proc.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "csdp timed out");
        assertEquals(0, proc.exitValue(), text);
        String[] y = Files.readAllLines(out).get(0).trim().split("\\s+");
        double[] yy = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            yy[i] = Double.parseDouble(y[i]);
        }
        return SdpaFormat.objectiveAt(program, yy);
    }

    private static BeamformingProblem small(double rate) {
        return Instances.problem(42, 4, 6, 2, rate, 1, new boolean[] {true, true, false, false});
    }

    @Test
    void dualRouteEqualsDirectFormAndCsdp(@TempDir Path dir) throws Exception {
        BeamformingProblem p = small(1.5);
        LosBeamformingSdp.Standard st = LosBeamformingSdp.standardForm(p);
        StandardFormSolution dual = new DualLmiSolver(DualLmiSolver.recommendedOptions()).solve(st.sdp());
        assertEquals(Status.OPTIMAL, dual.status(), dual.summary());
        Solution direct = LosBeamformingSdp.directForm(p, null).solve();
        assertEquals(Status.OPTIMAL, direct.status(), direct.toString());
        double opt = direct.objective();
        assertTrue(opt < 0, "the sensing power is positive");
        assertEquals(opt, dual.objective(), 1e-6 * Math.abs(opt), "dual-LMI route vs direct form");

        String csdp = csdp();
        Assumptions.assumeTrue(csdp != null, "SKIPPED (CSDP part): csdp not on PATH");
        ConvexProgram dualProgram = DualLmiSolver.dual(st.sdp()).program();
        // the dual program minimizes -r·y: its value is minus the primal optimum
        assertEquals(opt, -runCsdp(csdp, dualProgram, dir), 1e-6 * Math.abs(opt), "CSDP");
    }

    @Test
    void extractedBeamformersMeetPowerAndEveryRate() {
        for (long seed = 41; seed <= 43; seed++) {
            boolean[] b = {seed % 2 == 0, true, false, false};
            BeamformingProblem p = Instances.problem(seed, 4, 6, 2, 1.5, 1, b);
            BeamformingResult r = new LosBeamformingSdp().solve(p, 2);
            var opt = assertInstanceOf(BeamformingResult.Optimal.class, r, "seed " + seed);
            assertEquals(0, opt.truncated(), "rank reduction leaves every Q_i of rank ≤ L");
            assertTrue(opt.power() <= p.powerBudget() * (1 + 1e-6), "power " + opt.power());
            for (int k = 0; k < p.receivers(); k++) {
                assertTrue(opt.rates()[k] >= p.rateThreshold() - 1e-6, "RE " + k + " rate " + opt.rates()[k]);
            }
            // the returned beamformers attain the SDP optimum: the relaxation is tight
            assertEquals(opt.objective(), opt.achieved(), 1e-6 * opt.objective());
            // and the log-det form (20) agrees on the extracted W
            TransmitCovariances q = TransmitCovariances.fromBeamformers(opt.beamformers());
            for (int k = 0; k < p.receivers(); k++) {
                assertEquals(opt.rates()[k], CommunicationRates.logDetRate(p.links()[k].matrix(), q, k, b[k], p.noise()), 1e-9);
            }
        }
    }

    /**
     * Figure-size instances (K = 10 REs, N_t = 10, N_r = 2, L = 2, P_T = 1 W) on random layouts of the figures' generator,
     * with random selections and rates: every extracted beamformer set meets the power budget and every rate row to 1e-6
     * and attains the SDP optimum, and rank reduction ends with Σ rank(Q_i)² ≤ K + 2.
     */
    @Test
    void extractionOnRandomFigureLayoutsMeetsPowerAndEveryRate() {
        RandomStream rng = new RandomStream(2027);
        int feasible = 0;
        for (int t = 0; t < 8; t++) {
            MultistaticLayout lay = MultistaticLayout.random(rng, 10, new double[] {0, 0}, Instances.TARGET);
            boolean[] b = new boolean[10];
            for (int i = 0; i < 10; i++) {
                b[i] = rng.nextDouble() < 0.4;
            }
            double rate = 0.5 + 1.5 * rng.nextDouble();
            BeamformingProblem p = new BeamformingProblem(Instances.links(lay.receivers(), 10, 2), Instances.sensingSteering(10), b,
                    rate, 1, Instances.NOISE, 1);
            if (!(new LosBeamformingSdp().solve(p, 2) instanceof BeamformingResult.Optimal opt)) {
                continue;
            }
            feasible++;
            int squares = 0;
            for (int r : opt.ranks()) {
                squares += r * r;
            }
            assertTrue(squares <= 12, "layout " + t + ": sum of squared ranks " + squares);
            assertTrue(opt.power() <= p.powerBudget() * (1 + 1e-6), "layout " + t + ": power " + opt.power());
            for (int k = 0; k < 10; k++) {
                assertTrue(opt.rates()[k] >= rate - 1e-6, "layout " + t + ", RE " + k + ": rate " + opt.rates()[k] + " < " + rate);
            }
            assertEquals(opt.objective(), opt.achieved(), 1e-6 * opt.objective(), "layout " + t);
        }
        assertTrue(feasible >= 5, feasible + " of 8 layouts feasible");
    }

    @Test
    void higherRateRequirementLeavesLessForSensing() {
        double previous = Double.POSITIVE_INFINITY;
        for (double rate : new double[] {0.5, 1, 2}) {
            var opt = (BeamformingResult.Optimal) new LosBeamformingSdp().solve(small(rate), 2);
            assertTrue(opt.objective() < previous, "rate " + rate);
            previous = opt.objective();
        }
        // with no rate to serve all power goes to the target: weight · N_t · P_T
        var free = (BeamformingResult.Optimal) new LosBeamformingSdp().solve(small(0), 2);
        assertEquals(6 * 1.0, free.objective(), 1e-6 * 6);
    }

    @Test
    void infeasibleRateIsAResultWithTheRequiredPower() {
        BeamformingProblem generous = small(2);
        StandardFormSolution one = new DualLmiSolver(DualLmiSolver.recommendedOptions()).solve(LosBeamformingSdp.phaseOne(generous).sdp());
        assertEquals(Status.OPTIMAL, one.status(), one.summary());
        double least = one.objective();
        assertTrue(least > 0 && least < 1, "least power " + least);
        // a budget of half the least power: infeasible, and the result says by how much
        var inf = assertInstanceOf(BeamformingResult.Infeasible.class, new LosBeamformingSdp().solve(withBudget(generous, least / 2), 2));
        assertEquals(least, inf.requiredPower(), 1e-6 * least);
        assertEquals(10 * Math.log10(2), inf.shortfallDb(), 1e-5);
        // slightly above the least power: feasible, every rate met by the extracted beamformers
        BeamformingProblem tight = withBudget(generous, least * (1 + 1e-4));
        var opt = assertInstanceOf(BeamformingResult.Optimal.class, new LosBeamformingSdp().solve(tight, 2));
        assertTrue(opt.power() <= tight.powerBudget() * (1 + 1e-6));
        for (double r : opt.rates()) {
            assertTrue(r >= 2 - 1e-6, "rate " + r);
        }
        // slightly below: infeasible
        assertInstanceOf(BeamformingResult.Infeasible.class, new LosBeamformingSdp().solve(withBudget(generous, least * (1 - 1e-4)), 2));
    }

    @Test
    void rankReductionKeepsEveryRowThePowerAndTheObjective() {
        // the interior-point optimum of this instance has total rank 15 over the six blocks
        boolean[] b = {true, false, true, false, false};
        BeamformingProblem p = Instances.problem(43, 5, 6, 2, 1, 1, b);
        LosBeamformingSdp.Standard st = LosBeamformingSdp.standardForm(p);
        StandardFormSolution sol = new DualLmiSolver(DualLmiSolver.recommendedOptions()).solve(st.sdp());
        assertEquals(Status.OPTIMAL, sol.status(), sol.summary());
        org.ejml.data.ZMatrixRMaj[] q = new org.ejml.data.ZMatrixRMaj[6];
        int before = 0;
        for (int i = 0; i < 6; i++) {
            q[i] = org.cosense.math.ComplexLinalg.hermitianPart(sol.hermitian(st.blocks()[i]));
            before += LosBeamformingSdp.factor(q[i]).numCols;
        }
        org.ejml.data.ZMatrixRMaj[] r = LosBeamformingSdp.reduceRank(p, q.clone());
        int squares = 0;
        for (var m : r) {
            int rank = LosBeamformingSdp.factor(m).numCols;
            squares += rank * rank;
            assertTrue(org.cosense.math.HermitianEigen.decompose(m).minEigenvalue() > -1e-12, "PSD");
        }
        assertTrue(squares <= p.receivers() + 2, "sum of squared ranks " + squares + " (before: total rank " + before + ")");
        TransmitCovariances a = new TransmitCovariances(q);
        TransmitCovariances c = new TransmitCovariances(r);
        assertEquals(p.objective(a), p.objective(c), 1e-9 * p.objective(a));
        assertEquals(a.power(), c.power(), 1e-9);
        double[] ra = CommunicationRates.rankOneRates(p.links(), a, b, p.noise());
        double[] rc = CommunicationRates.rankOneRates(p.links(), c, b, p.noise());
        for (int k = 0; k < 5; k++) {
            assertEquals(ra[k], rc[k], 1e-7, "rate of RE " + k);
        }
    }

    private static BeamformingProblem withBudget(BeamformingProblem p, double budget) {
        return new BeamformingProblem(p.links(), p.sensingSteering(), p.selected(), p.rateThreshold(), budget, p.noise(), 1);
    }
}
