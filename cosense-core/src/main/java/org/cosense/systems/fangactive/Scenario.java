package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.array.AngleUpa;
import org.cosense.array.Ula;
import org.cosense.channel.PathLoss;
import org.cosense.channel.RicianChannel;
import org.cosense.geom.LocalFrame;
import org.cosense.geom.Vec3;
import org.cosense.math.Complex;
import org.cosense.math.Db;
import org.cosense.math.RandomStream;
import org.ejml.data.ZMatrixRMaj;

/**
 * A deployment of Fang et al. ([fangactive S2.2], [fangactive S3.13]): one BS with an M-element ULA, L active
 * IRSs with local frames, one point target, Rician BS–IRS channels and LoS IRS–target links.
 *
 * <p>ASSUMED values (paper silent; defaults of {@link #paper}): frames h = +y, v = +z, n = +x; BS ULA
 * along +x; d = lambda/2 everywhere; C_BI = −20 dB, alpha_BI = 2.2; C_T = −30 dB, alpha_IT = 2
 * (|beta|^2 = C_T^2 d^(−2 alpha_IT)); beta phase 0; sigma_s^2 = −80 dBm.
 *
 * @param bs                BS position (m)
 * @param bsAxis            unit vector of the BS ULA axis; cos(omega) = u·axis
 * @param irsPositions      first-element positions of the IRSs (m)
 * @param irsFrames         local frame (h, v, n) of each IRS; n must face the BS and the target
 * @param target            target position (m)
 * @param bsArray           BS ULA (M elements)
 * @param reflector         reflecting UPA of every IRS (N = N_v N_h)
 * @param sensors           sensor UPA of every IRS (sensing at IRSs), co-located first element
 * @param kFactorDb         Rician K (dB), paper 5 dB
 * @param bsIrsGainDb       C_BI (dB), power gain at 1 m
 * @param bsIrsExponent     alpha_BI
 * @param targetGainDb      C_T (dB), per-hop gain at 1 m with the RCS folded in
 * @param irsTargetExponent alpha_IT, per-hop amplitude exponent: |beta| = C_T d^(−alpha_IT)
 * @param betaPhase         arg beta (rad); the CRB does not depend on it
 * @param irsNoise          sigma_r^2 (W)
 * @param bsNoise           sigma_b^2 (W)
 * @param sensorNoise       sigma_s^2 (W)
 * @param blockLength       T_c (symbols); each IRS has T_c/L
 */
public record Scenario(Vec3 bs, Vec3 bsAxis, List<Vec3> irsPositions, List<LocalFrame> irsFrames, Vec3 target, Ula bsArray,
        AngleUpa reflector, AngleUpa sensors, double kFactorDb, double bsIrsGainDb, double bsIrsExponent, double targetGainDb,
        double irsTargetExponent, double betaPhase, double irsNoise, double bsNoise, double sensorNoise, int blockLength) {

    public Scenario {
        irsPositions = List.copyOf(irsPositions);
        irsFrames = List.copyOf(irsFrames);
        InvalidInputException.require(!irsPositions.isEmpty(), "number of IRSs L", 0, "must be ≥ 1");
        InvalidInputException.require(irsFrames.size() == irsPositions.size(), "number of IRS frames", irsFrames.size(),
                "must equal the number of IRSs " + irsPositions.size());
        InvalidInputException.require(Math.abs(LocalFrame.dot(bsAxis, bsAxis) - 1) < 1e-9, "BS array axis", bsAxis, "must be a unit vector");
        InvalidInputException.require(bsArray != null && reflector != null && sensors != null, "arrays", null, "must be given");
        for (int l = 0; l < irsPositions.size(); l++) {
            Vec3 q = irsPositions.get(l);
            LocalFrame f = irsFrames.get(l);
            InvalidInputException.require(q.distance(bs) > 0, "IRS position", l + 1, q, "must differ from the BS");
            InvalidInputException.require(q.distance(target) > 0, "IRS position", l + 1, q, "must differ from the target");
            InvalidInputException.require(f.frontness(q, bs) > 0, "IRS normal", l + 1, f.normal(),
                    "must point towards the BS (the BS is behind the surface)");
            InvalidInputException.require(f.frontness(q, target) > 0, "IRS normal", l + 1, f.normal(),
                    "must point towards the target (the target is behind the surface)");
        }
        InvalidInputException.finite("Rician K-factor (dB)", kFactorDb);
        InvalidInputException.finite("C_BI (dB)", bsIrsGainDb);
        InvalidInputException.finite("alpha_BI", bsIrsExponent);
        InvalidInputException.finite("C_T (dB)", targetGainDb);
        InvalidInputException.finite("alpha_IT", irsTargetExponent);
        InvalidInputException.finite("beta phase (rad)", betaPhase);
        InvalidInputException.require(irsNoise >= 0 && Double.isFinite(irsNoise), "sigma_r^2 (W)", irsNoise, "must be a finite number ≥ 0");
        InvalidInputException.positive("sigma_b^2 (W)", bsNoise);
        InvalidInputException.positive("sigma_s^2 (W)", sensorNoise);
        InvalidInputException.require(blockLength >= irsPositions.size(), "block length T_c", blockLength,
                "must be ≥ L = " + irsPositions.size() + " (T_c/L symbols per IRS)");
    }

    /**
     * The paper's scene (Section V): BS (0,0,0), IRSs (−5,10,0), (−5,20,0), target (5,15,0), N = 4×4,
     * N̄ = 4×4, K = 5 dB, sigma_r^2 = sigma_b^2 = sigma_s^2 = −80 dBm, T_c = 100, with the ASSUMED values above.
     */
    public static Scenario paper(int bsAntennas) {
        LocalFrame wall = new LocalFrame(Vec3.of(0, 1, 0), Vec3.of(0, 0, 1));
        double n0 = Db.dbmToWatts(-80);
        return new Scenario(Vec3.of(0, 0, 0), Vec3.of(1, 0, 0), List.of(Vec3.of(-5, 10, 0), Vec3.of(-5, 20, 0)), List.of(wall, wall),
                Vec3.of(5, 15, 0), Ula.halfWavelength(bsAntennas), AngleUpa.halfWavelength(4, 4), AngleUpa.halfWavelength(4, 4), 5, -20,
                2.2, -30, 2, 0, n0, n0, n0, 100);
    }

    /** The same deployment with other IRS reflecting and sensor arrays (e.g. small ones for fast smoke tests). */
    public Scenario withIrsArrays(AngleUpa newReflector, AngleUpa newSensors) {
        return new Scenario(bs, bsAxis, irsPositions, irsFrames, target, bsArray, newReflector, newSensors, kFactorDb, bsIrsGainDb,
                bsIrsExponent, targetGainDb, irsTargetExponent, betaPhase, irsNoise, bsNoise, sensorNoise, blockLength);
    }

    public Scenario withBsAntennas(int m) {
        return new Scenario(bs, bsAxis, irsPositions, irsFrames, target, Ula.halfWavelength(m), reflector, sensors, kFactorDb, bsIrsGainDb,
                bsIrsExponent, targetGainDb, irsTargetExponent, betaPhase, irsNoise, bsNoise, sensorNoise, blockLength);
    }

    public Scenario withBsIrsGainDb(double cbiDb) {
        return new Scenario(bs, bsAxis, irsPositions, irsFrames, target, bsArray, reflector, sensors, kFactorDb, cbiDb, bsIrsExponent,
                targetGainDb, irsTargetExponent, betaPhase, irsNoise, bsNoise, sensorNoise, blockLength);
    }

    public Scenario withIrsNoise(double sigmaR2) {
        return new Scenario(bs, bsAxis, irsPositions, irsFrames, target, bsArray, reflector, sensors, kFactorDb, bsIrsGainDb,
                bsIrsExponent, targetGainDb, irsTargetExponent, betaPhase, sigmaR2, bsNoise, sensorNoise, blockLength);
    }

    public Scenario withBlockLength(int tc) {
        return new Scenario(bs, bsAxis, irsPositions, irsFrames, target, bsArray, reflector, sensors, kFactorDb, bsIrsGainDb,
                bsIrsExponent, targetGainDb, irsTargetExponent, betaPhase, irsNoise, bsNoise, sensorNoise, tc);
    }

    public int irsCount() {
        return irsPositions.size();
    }

    /** T_L = T_c / L. */
    public double slotLength() {
        return (double) blockLength / irsCount();
    }

    /** (theta_l, phi_l): the target in IRS l's frame. */
    public double[] targetAngles(int l) {
        return irsFrames.get(l).angles(irsPositions.get(l), target);
    }

    /** (theta^B_l, phi^B_l): the BS in IRS l's frame. */
    public double[] bsAngles(int l) {
        return irsFrames.get(l).angles(irsPositions.get(l), bs);
    }

    /** cos(omega_l) = axis · u_{BS→IRS l}. */
    public double bsCosine(int l) {
        return LocalFrame.dot(irsPositions.get(l).minus(bs).unit(), bsAxis);
    }

    public double bsIrsDistance(int l) {
        return bs.distance(irsPositions.get(l));
    }

    public double irsTargetDistance(int l) {
        return target.distance(irsPositions.get(l));
    }

    /** beta_l = C_T d^(−alpha_IT) exp(j betaPhase), C_T as a linear power ratio (3.13). */
    public Complex beta(int l) {
        return Complex.polar(Db.dbToLinear(targetGainDb) * Math.pow(irsTargetDistance(l), -irsTargetExponent), betaPhase);
    }

    /** The Rician model of link l: K and PL_BI(d_l) = C_BI d^(−alpha_BI). */
    public RicianChannel channelModel(int l) {
        return RicianChannel.ofDb(kFactorDb, PathLoss.exponentLawPowerGain(Db.dbToLinear(bsIrsGainDb), bsIrsDistance(l), bsIrsExponent));
    }

    /** IRS-side steering a(theta^B_l, phi^B_l) towards the BS. */
    public double[] irsSteeringTowardsBs(int l) {
        double[] a = bsAngles(l);
        return reflector.steering(a[0], a[1]);
    }

    /** BS-side steering a_BS(omega_l) towards IRS l. */
    public double[] bsSteeringTowardsIrs(int l) {
        return bsArray.steering(bsCosine(l));
    }

    /** G_l with a given NLoS matrix (N×M). */
    public ZMatrixRMaj channel(int l, ZMatrixRMaj nlos) {
        return channelModel(l).compose(irsSteeringTowardsBs(l), bsSteeringTowardsIrs(l), nlos);
    }

    /** The slot of IRS l with channel G. */
    public IrsSlot slot(int l, ZMatrixRMaj g) {
        double[] ang = targetAngles(l);
        return new IrsSlot(reflector, sensors, g, ang[0], ang[1], beta(l), irsNoise, bsNoise, sensorNoise, slotLength());
    }

    /** Channel realization {@code draw}: one slot per IRS, G~_l from {@link FangStreams#channel}. */
    public List<IrsSlot> realization(long seed, long draw) {
        List<IrsSlot> out = new ArrayList<>(irsCount());
        for (int l = 0; l < irsCount(); l++) {
            RandomStream rng = FangStreams.channel(seed, draw, l);
            ZMatrixRMaj g = channelModel(l).draw(irsSteeringTowardsBs(l), bsSteeringTowardsIrs(l), rng);
            out.add(slot(l, g));
        }
        return out;
    }
}
