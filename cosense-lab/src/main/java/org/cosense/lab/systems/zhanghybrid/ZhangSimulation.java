package org.cosense.lab.systems.zhanghybrid;

import org.cosense.InvalidInputException;
import org.cosense.math.RandomStream;
import org.cosense.systems.zhanghybrid.HybridCrbs;
import org.cosense.systems.zhanghybrid.HybridParameters;
import org.cosense.systems.zhanghybrid.HybridScene;

/**
 * The lab's view of the zhanghybrid system: the paper's deployment, the target regions of the figures and one
 * trial's five bounds. A trial is a pure function of its stream: target first, then the channels and phases.
 */
public final class ZhangSimulation {
    /** The rectangle of Figs. 3, 4, 6, 7 [zhanghybrid A8]: x ∈ [20, 40] m, y ∈ [−20, 20] m. */
    public static final double[] RECTANGLE = {20, 40, -20, 20};
    /** Inner exclusion of the Fig. 5 disk (m) [zhanghybrid A4]. */
    public static final double DISK_EXCLUSION = 1.0;
    /** Redraws allowed before a region is declared unusable. */
    static final int MAX_REDRAWS = 10_000;

    private ZhangSimulation() {
    }

    /** Target uniform in the rectangle; draws that the scene rejects (endfire of an IRS) are redrawn [zhanghybrid A13]. */
    public static HybridScene rectangleTarget(double[][] irs, RandomStream rng) {
        for (int i = 0; i < MAX_REDRAWS; i++) {
            double[] p = {RECTANGLE[0] + (RECTANGLE[1] - RECTANGLE[0]) * rng.nextDouble(),
                    RECTANGLE[2] + (RECTANGLE[3] - RECTANGLE[2]) * rng.nextDouble()};
            HybridScene s = tryScene(irs, p);
            if (s != null) {
                return s;
            }
        }
        throw new InvalidInputException("target region", "rectangle", "has no valid target position for these IRSs");
    }

    /**
     * Target uniform in area in the annulus DISK_EXCLUSION ≤ |p − q_1| ≤ r around IRS 1 (Fig. 5, [zhanghybrid A4]);
     * positions within 1° of endfire of any IRS or within 1 m of another IRS are redrawn [zhanghybrid A13].
     */
    public static HybridScene diskTarget(double[][] irs, double radius, RandomStream rng) {
        for (int i = 0; i < MAX_REDRAWS; i++) {
            double r = Math.sqrt(DISK_EXCLUSION * DISK_EXCLUSION + (radius * radius - DISK_EXCLUSION * DISK_EXCLUSION) * rng.nextDouble());
            double a = 2 * Math.PI * rng.nextDouble();
            double[] p = {irs[0][0] + r * Math.cos(a), irs[0][1] + r * Math.sin(a)};
            HybridScene s = tryScene(irs, p);
            if (s != null) {
                return s;
            }
        }
        throw new InvalidInputException("target region", "disk of radius " + radius, "has no valid target position for these IRSs");
    }

    private static HybridScene tryScene(double[][] irs, double[] p) {
        try {
            return new HybridScene(irs, p);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The five bounds of one trial: a target in the rectangle, then the draws of {@link HybridCrbs#draw}. */
    public static HybridCrbs rectangleTrial(HybridParameters prm, RandomStream rng) {
        HybridScene s = rectangleTarget(HybridScene.paperIrs(), rng);
        return HybridCrbs.draw(s, prm, rng);
    }

    /** The five bounds of one trial with the target in the disk of radius r around IRS 1. */
    public static HybridCrbs diskTrial(HybridParameters prm, double radius, RandomStream rng) {
        HybridScene s = diskTarget(HybridScene.paperIrs(), radius, rng);
        return HybridCrbs.draw(s, prm, rng);
    }
}
