package org.cosense.systems.zhanghybrid;

import org.cosense.math.ThinSvd;
import org.ejml.data.ZMatrixRMaj;

/**
 * The three cases of the angle estimation of Zhang et al. Section IV, set by the rank r of the
 * reflected-signal matrix Z_j (N × T) of IRS j [zhanghybrid S3]:
 * The one rank rule of the system [zhanghybrid A9]: singular values above {@link #TOLERANCE} of the largest count.
 * case 1 r = N (AOA and AOD by the joint 2D atomic norm), case 2 1 < r < N (AOA by multiple-measurement
 * atomic norm, AOD by trust region), case 3 r = 1 (the AOD merges with the path gain: AOA only).
 */
public enum RankCase {
    FULL(1, "rank Z = N: AOA and AOD"),
    PARTIAL(2, "1 < rank Z < N: AOA, then AOD by trust region"),
    RANK_ONE(3, "rank Z = 1: AOA only, the AOD is not identifiable");

    /** Singular values at or below this fraction of the largest count as zero [zhanghybrid A9]. */
    public static final double TOLERANCE = 1e-9;

    private final int number;
    private final String description;

    RankCase(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** 1, 2 or 3 as in the paper. */
    public int number() {
        return number;
    }

    public String description() {
        return description;
    }

    /** The numerical rank of singular values sorted in descending order: those above {@link #TOLERANCE} of the first. */
    public static int numericalRank(double[] singularValuesDescending) {
        double[] s = singularValuesDescending;
        int r = 0;
        while (r < s.length && s[r] > TOLERANCE * s[0]) {
            r++;
        }
        return r;
    }

    /** The numerical rank of a matrix (Z_j, or C_j whose rank it shares). */
    public static int numericalRank(ZMatrixRMaj a) {
        return numericalRank(ThinSvd.decompose(a).singularValues());
    }

    /** The case of an N-row matrix Z_j (N × T). */
    public static RankCase of(ZMatrixRMaj z) {
        return of(numericalRank(z), z.numRows);
    }

    /** The case of a rank r of an N-row matrix. */
    public static RankCase of(int rank, int rows) {
        if (rank >= rows) {
            return FULL;
        }
        return rank <= 1 ? RANK_ONE : PARTIAL;
    }

    /** Whether the AOD of this IRS can be estimated. */
    public boolean departureIdentifiable() {
        return this != RANK_ONE;
    }
}
