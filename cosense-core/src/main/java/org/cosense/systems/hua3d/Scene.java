package org.cosense.systems.hua3d;

import java.util.List;
import org.cosense.InvalidInputException;
import org.cosense.array.Upa;
import org.cosense.channel.PathLoss;
import org.cosense.geom.SpatialFrequency;
import org.cosense.geom.Vec3;
import org.cosense.math.Complex;
import org.cosense.math.Db;

/**
 * A deployment of Hua et al.: a monostatic BS with a UPA, passive IRSs and point targets, all arrays
 * in planes parallel to y–z ([hua3d S2.1]), carrier wavelength {@code lambda}, noise power
 * {@code noiseVariance} (W) per antenna per sample.
 *
 * <p>Validation: every distance must be positive; BS and IRS must differ in (y, z) (footnote 2: the
 * construction (61) is 0/0 otherwise); a target strictly behind an IRS (on the side away from the
 * BS) is rejected unless {@code twoSidedIrs}, which the paper's multi-target scene needs ([hua3d E14]) and
 * which the model allows since its elements are isotropic (no element pattern in (7)).
 */
public record Scene(double lambda, Vec3 bs, Upa bsArray, List<Irs> irss, List<Target> targets, double noiseVariance,
        boolean twoSidedIrs) {

    /** Speed of light used for f_c -> lambda ([hua3d E3]: 750 MHz -> 0.4 m). */
    public static final double SPEED_OF_LIGHT = 3e8;

    public Scene {
        InvalidInputException.positive("wavelength lambda (m)", lambda);
        InvalidInputException.positive("noise variance (W)", noiseVariance);
        irss = List.copyOf(irss);
        targets = List.copyOf(targets);
        InvalidInputException.require(!targets.isEmpty(), "number of targets", 0, "at least one target is required");
        for (int m = 0; m < irss.size(); m++) {
            Vec3 q = irss.get(m).position();
            if (!(q.distance(bs) > 0)) {
                throw new InvalidInputException("IRS position", m + 1, q, "must differ from the BS position " + bs)
                        .involving("BS position");
            }
            InvalidInputException.require(Math.abs(q.y() - bs.y()) > 1e-9 || Math.abs(q.z() - bs.z()) > 1e-9,
                    "IRS position", m + 1, q, "must differ from the BS " + bs
                            + " in y or z (the BS-IRS arrival frequency must be non-zero, footnote 2)");
        }
        for (int k = 0; k < targets.size(); k++) {
            Vec3 t = targets.get(k).position();
            if (!(t.distance(bs) > 0)) {
                throw new InvalidInputException("target position", k + 1, t, "must differ from the BS").involving("BS position");
            }
            for (int m = 0; m < irss.size(); m++) {
                Vec3 q = irss.get(m).position();
                if (!(t.distance(q) > 0)) {
                    throw new InvalidInputException("target position", k + 1, t, "must differ from IRS " + (m + 1))
                            .involving("IRS position");
                }
                boolean behind = (t.x() - q.x()) * (bs.x() - q.x()) < 0;
                if (behind && !twoSidedIrs) {
                    throw new InvalidInputException("target position", k + 1, t, "is behind IRS " + (m + 1) + " at " + q
                            + " (the IRS faces the BS)").unless("two-sided IRS", true);
                }
            }
        }
    }

    /** Carrier frequency in Hz to wavelength (c = 3e8 m/s, [hua3d E3]). */
    public static double wavelength(double carrierHz) {
        return SPEED_OF_LIGHT / InvalidInputException.positive("carrier frequency (Hz)", carrierHz);
    }

    /** The paper's single-target scene (Section VII): BS [0,0,5], IRS [-20,0,3], target [-20,2,0], 7 dBsm. */
    public static Scene singleTarget(int nbarBs, int nbarIrs) {
        return new Scene(wavelength(750e6), Vec3.of(0, 0, 5), Upa.square(nbarBs),
                List.of(new Irs(Vec3.of(-20, 0, 3), Upa.square(nbarIrs))),
                List.of(Target.ofDbsm(Vec3.of(-20, 2, 0), 7)), Db.dbmToWatts(-80), false);
    }

    /** The paper's multi-target scene: IRSs at x = -20, -10, -5 (y = 0, z = 3), three ground targets. */
    public static Scene multiTarget(int nbarBs, int nbarIrs) {
        Upa r = Upa.square(nbarIrs);
        return new Scene(wavelength(750e6), Vec3.of(0, 0, 5), Upa.square(nbarBs),
                List.of(new Irs(Vec3.of(-20, 0, 3), r), new Irs(Vec3.of(-10, 0, 3), r), new Irs(Vec3.of(-5, 0, 3), r)),
                List.of(Target.ofDbsm(Vec3.of(-10, 10, 0), 7), Target.ofDbsm(Vec3.of(-20, 2, 0), 7),
                        Target.ofDbsm(Vec3.of(-5, 10, 0), 7)),
                Db.dbmToWatts(-80), true);
    }

    public Scene withTargets(List<Target> newTargets) {
        return new Scene(lambda, bs, bsArray, irss, newTargets, noiseVariance, twoSidedIrs);
    }

    public Scene withIrss(List<Irs> newIrss) {
        return new Scene(lambda, bs, bsArray, newIrss, targets, noiseVariance, twoSidedIrs);
    }

    public Scene withBsArray(Upa array) {
        return new Scene(lambda, bs, array, irss, targets, noiseVariance, twoSidedIrs);
    }

    public Irs irs(int m) {
        InvalidInputException.require(m >= 0 && m < irss.size(), "IRS index", m, "scene has " + irss.size() + " IRSs");
        return irss.get(m);
    }

    public Vec3 target(int k) {
        return targets.get(k).position();
    }

    // ---- spatial frequencies of every link ([hua3d S2.3]) ----

    /** BS -> target k, the monostatic DoA (4), (5), (60). */
    public SpatialFrequency bsToTarget(int k) {
        return SpatialFrequency.between(bs, target(k));
    }

    /** IRS m -> target k departure (7), (60). */
    public SpatialFrequency irsToTarget(int m, int k) {
        return SpatialFrequency.between(irs(m).position(), target(k));
    }

    /** BS -> IRS m departure at the BS (6). */
    public SpatialFrequency bsToIrsDeparture(int m) {
        return SpatialFrequency.between(bs, irs(m).position());
    }

    /** BS -> IRS m arrival at the IRS: direction cosines from the IRS towards the BS ([hua3d E2], ASSUMED sign). */
    public SpatialFrequency bsToIrsArrival(int m) {
        return SpatialFrequency.between(irs(m).position(), bs);
    }

    /** Effective IRS scan frequency (38): arrival + IRS->target departure, each in [-2, 2]. */
    public SpatialFrequency effectiveIrsFrequency(int m, int k) {
        return bsToIrsArrival(m).plus(irsToTarget(m, k));
    }

    // ---- path coefficients ([hua3d S3.1]) ----

    public double rcs(int k) {
        return targets.get(k).rcs();
    }

    /** beta_BTB,k (2): BS -> target -> BS. */
    public Complex betaBtb(int k) {
        double d = bs.distance(target(k));
        return PathLoss.radar(lambda, rcs(k), d, d);
    }

    /** beta_B2I,m (6): BS -> IRS one way. */
    public Complex betaB2i(int m) {
        return PathLoss.freeSpace(lambda, bs.distance(irs(m).position()));
    }

    /** beta_ITI,m,k (7): IRS -> target -> IRS. */
    public Complex betaIti(int m, int k) {
        double d = irs(m).position().distance(target(k));
        return PathLoss.radar(lambda, rcs(k), d, d);
    }

    /** beta_BTI,m,k (8): BS -> target -> IRS (and its reciprocal). */
    public Complex betaBti(int m, int k) {
        return PathLoss.radar(lambda, rcs(k), bs.distance(target(k)), irs(m).position().distance(target(k)));
    }
}
