package org.cosense.localization;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;

/**
 * Closed-form planar localization of a target moving along +x from the bistatic delays τ_k,
 * relativistic Doppler shifts f_k and arrival azimuths φ_k (RE k → target) measured at several
 * receivers of one transmitter — Proposition 5.1 of Wang et al. as re-derived in
 * [wangmultistatic S3.13]:
 * <ol>
 * <li>Speed and cos θ: (49) is linear in (ζ, ζ cos θ): (f₀ + f_k) cos φ_k ζ + f₀ ζ cos θ = −f_k.
 * All receivers' rows are solved by least squares (the fusion of the Doppler information); the
 * printed (52) is not a closed form ([wangmultistatic E14], [wangmultistatic E15]).</li>
 * <li>Sign of θ: Doppler sees only cos θ ([wangmultistatic E16], [wangmultistatic P6]); of ±arccos,
 * keep the one whose per-receiver positions lie in direction θ from the transmitter.</li>
 * <li>Range RE k → target by (93), the corrected (53) ([wangmultistatic E17]), and position (54)–(55):
 * p̂_k = p_k + d_{0,k} (cos φ_k, sin φ_k).</li>
 * <li>Fusion: the plain mean of the per-receiver positions (the paper is silent).</li>
 * </ol>
 * Positions are {x, y} in metres; angles atan2(y, x) from +x ([wangmultistatic P5]).
 */
public final class DopplerDelayLocalizer {
    /** Speed of light c (m/s). */
    public static final double C = 299_792_458.0;
    /** Spread of cos φ_k below which the Doppler rows are collinear ([wangmultistatic P7]). */
    public static final double MIN_COSINE_SPREAD = 1e-3;

    /**
     * What one receiver measured.
     *
     * @param position p_k {x, y} (m)
     * @param arrival  φ_k, azimuth from the receiver to the target (rad)
     * @param delay    τ_k, bistatic delay (s)
     * @param doppler  f_k, Doppler shift (Hz)
     */
    public record Observation(double[] position, double arrival, double delay, double doppler) {
        public Observation {
            InvalidInputException.require(position != null && position.length == 2, "receiver position", position,
                    "must be {x, y}");
            InvalidInputException.finite("arrival azimuth φ_k (rad)", arrival);
            InvalidInputException.positive("delay τ_k (s)", delay);
            InvalidInputException.finite("Doppler f_k (Hz)", doppler);
        }
    }

    /**
     * The estimate.
     *
     * @param speed      v̂ (m/s), signed along +x
     * @param departure  θ̂, azimuth transmitter → target (rad)
     * @param ranges     d̂_{0,k} (m) per receiver, (93)
     * @param perReceiver p̂_k per receiver, (54)–(55)
     * @param position   the fused position
     */
    public record Estimate(double speed, double departure, double[] ranges, List<double[]> perReceiver, double[] position) {
    }

    private final double[] transmitter;
    private final double carrier;

    public DopplerDelayLocalizer(double[] transmitter, double carrier) {
        InvalidInputException.require(transmitter != null && transmitter.length == 2, "transmitter position", transmitter,
                "must be {x, y}");
        InvalidInputException.positive("carrier f_0 (Hz)", carrier);
        this.transmitter = transmitter.clone();
        this.carrier = carrier;
    }

    /** Localize from two or more receivers whose arrival cosines differ. */
    public Estimate locate(List<Observation> observations) {
        InvalidInputException.require(observations.size() >= 2, "receivers", observations.size(),
                "need at least 2 (speed and cos θ are two unknowns)");
        double[] zc = speedAndCosine(observations);
        double zeta = zc[0];
        double cosTheta = Math.max(-1, Math.min(1, zc[1] / zeta));
        double up = Math.acos(cosTheta);
        Candidate plus = candidate(up, observations);
        Candidate minus = candidate(-up, observations);
        Candidate best = minus.residual < plus.residual ? minus : plus;
        double[] mean = new double[2];
        for (double[] p : best.positions) {
            mean[0] += p[0] / best.positions.size();
            mean[1] += p[1] / best.positions.size();
        }
        return new Estimate(zeta * C, best.theta, best.ranges, best.positions, mean);
    }

    /**
     * Least squares over all receivers of a_k ζ + η = b_k with a_k = (1 + f_k/f₀) cos φ_k,
     * η = ζ cos θ, b_k = −f_k/f₀ ((49) divided by f₀), in centred form. Returns {ζ, ζ cos θ}.
     */
    double[] speedAndCosine(List<Observation> observations) {
        int n = observations.size();
        double[] a = new double[n];
        double[] b = new double[n];
        double am = 0;
        double bm = 0;
        double cmin = Double.POSITIVE_INFINITY;
        double cmax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            Observation o = observations.get(k);
            double c = Math.cos(o.arrival());
            cmin = Math.min(cmin, c);
            cmax = Math.max(cmax, c);
            a[k] = (1 + o.doppler() / carrier) * c;
            b[k] = -o.doppler() / carrier;
            am += a[k] / n;
            bm += b[k] / n;
        }
        InvalidInputException.require(cmax - cmin >= MIN_COSINE_SPREAD, "spread of cos φ_k", cmax - cmin,
                "must be >= " + MIN_COSINE_SPREAD + " (receivers seeing the target along mirrored directions give collinear Doppler rows)");
        double saa = 0;
        double sab = 0;
        for (int k = 0; k < n; k++) {
            saa += (a[k] - am) * (a[k] - am);
            sab += (a[k] - am) * (b[k] - bm);
        }
        double zeta = sab / saa;
        InvalidInputException.require(zeta != 0, "Doppler shifts f_k", 0, "must not all vanish: a target at rest gives no direction");
        return new double[] {zeta, bm - am * zeta};
    }

    /** (93): d_{0,k} from τ_k, the RE's distance and azimuth from the TR, and θ. */
    public double range(Observation o, double departure) {
        double dbk = Math.hypot(o.position()[0] - transmitter[0], o.position()[1] - transmitter[1]);
        double thetaK = Math.atan2(o.position()[1] - transmitter[1], o.position()[0] - transmitter[0]);
        double ct = C * o.delay();
        double cos = Math.cos(departure - thetaK);
        return (ct * ct + dbk * dbk - 2 * ct * dbk * cos) / (2 * ct - 2 * dbk * cos);
    }

    /** (54)–(55). */
    static double[] position(Observation o, double range) {
        return new double[] {o.position()[0] + range * Math.cos(o.arrival()), o.position()[1] + range * Math.sin(o.arrival())};
    }

    private record Candidate(double theta, double[] ranges, List<double[]> positions, double residual) {
    }

    private Candidate candidate(double theta, List<Observation> observations) {
        double[] ranges = new double[observations.size()];
        List<double[]> positions = new ArrayList<>();
        double residual = 0;
        for (int k = 0; k < ranges.length; k++) {
            ranges[k] = range(observations.get(k), theta);
            double[] p = position(observations.get(k), ranges[k]);
            positions.add(p);
            double seen = Math.atan2(p[1] - transmitter[1], p[0] - transmitter[0]);
            double e = wrap(seen - theta);
            residual += e * e;
        }
        // A wrong sign can put (93)'s denominator at or below zero: that candidate is simply inconsistent.
        return new Candidate(theta, ranges, positions, Double.isFinite(residual) ? residual : Double.POSITIVE_INFINITY);
    }

    /** Wrap an angle difference to (−π, π]. */
    static double wrap(double a) {
        double w = Math.IEEEremainder(a, 2 * Math.PI);
        return w <= -Math.PI ? w + 2 * Math.PI : w;
    }
}
