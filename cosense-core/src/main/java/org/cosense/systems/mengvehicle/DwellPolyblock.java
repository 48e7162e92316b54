package org.cosense.systems.mengvehicle;

import org.cosense.optim.Polyblock;

/**
 * The paper's polyblock outer approximation for (P2), Section III-B: maximize F(τ) = 1/CRLB(τ)
 * (increasing by Proposition 2, F = 0 where J is singular) over the normal set {τ ≥ 0, Σ τ ≤ 1} in
 * the box [0, 1]^B; the projection of a vertex z is z / Σ z (closed form for the simplex). Warm start:
 * the best pair [mengvehicle P3]. The certified gap is reported, not assumed.
 */
public final class DwellPolyblock {
    private DwellPolyblock() {
    }

    /** The ASSUMED budget of [mengvehicle A5]: tolerance 1e-3, 1e5 iterations. */
    public static final Polyblock.Options DEFAULT = Polyblock.Options.of(1e-3, 100_000);

    public static Polyblock.Problem problem(double[] rho, double[] phi) {
        int n = rho.length;
        return new Polyblock.Problem() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double value(double[] x) {
                double c = DwellCrlb.of(x, rho, phi);
                return Double.isFinite(c) ? 1 / c : 0;
            }

            @Override
            public double projectionScale(double[] z) {
                double s = 0;
                for (double v : z) {
                    s += v;
                }
                return Math.min(1, 1 / s);
            }

            @Override
            public double[] upperCorner() {
                double[] u = new double[n];
                java.util.Arrays.fill(u, 1);
                return u;
            }
        };
    }

    /** The polyblock result; {@code best()} lies on Σ τ = 1 and 1/lower is its CRLB. */
    public static Polyblock.Result solve(double[] rho, double[] phi, Polyblock.Options options, Polyblock.Listener listener) {
        return Polyblock.maximize(problem(rho, phi), DwellTimeSolver.bestPair(rho, phi).tau(), options, listener);
    }

    /** The polyblock's best point as an allocation (shares are never exactly zero: count them with a threshold [mengvehicle E8]). */
    public static DwellAllocation allocation(Polyblock.Result r, double[] rho, double[] phi) {
        return new DwellAllocation(r.best(), 1 / r.lower());
    }
}
