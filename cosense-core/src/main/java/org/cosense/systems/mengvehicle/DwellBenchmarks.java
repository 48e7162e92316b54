package org.cosense.systems.mengvehicle;

/**
 * The paper's single-vehicle benchmarks, Section V: Average (τ_b = 1/B for every candidate BS) and
 * Closest (the two BSs nearest to the prior centre, time split by the pair optimum [mengvehicle A4]).
 */
public final class DwellBenchmarks {
    private DwellBenchmarks() {
    }

    public static DwellAllocation average(double[] rho, double[] phi) {
        double[] tau = new double[rho.length];
        java.util.Arrays.fill(tau, 1.0 / rho.length);
        return new DwellAllocation(tau, DwellCrlb.of(tau, rho, phi));
    }

    /** The two BSs with the smallest distance (ties: lower index). */
    public static int[] closestPair(double[] distance) {
        int a = -1;
        int b = -1;
        for (int i = 0; i < distance.length; i++) {
            if (a < 0 || distance[i] < distance[a]) {
                b = a;
                a = i;
            } else if (b < 0 || distance[i] < distance[b]) {
                b = i;
            }
        }
        return a < b ? new int[] {a, b} : new int[] {b, a};
    }

    public static DwellAllocation closest(double[] rho, double[] phi, double[] distance) {
        int[] p = closestPair(distance);
        double[] tau = new double[rho.length];
        tau[p[0]] = DwellCrlb.pairShare(rho[p[0]], rho[p[1]]);
        tau[p[1]] = 1 - tau[p[0]];
        return new DwellAllocation(tau, DwellCrlb.of(tau, rho, phi));
    }
}
