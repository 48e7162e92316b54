package org.cosense.optim;

import org.cosense.InvalidInputException;
import org.cosense.math.RandomStream;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur and Vassilvitskii) and restarts that keep the lowest within-cluster
 * sum of squares. Deterministic for a given seed.
 */
public final class KMeansPlusPlus {
    /** A clustering: a label per point, the centroids and the within-cluster sum of squares. */
    public record Clustering(int[] labels, double[][] centroids, double withinSumOfSquares) {
        /** The sorted members of cluster c. */
        public int[] members(int c) {
            return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
        }
    }

    private final int restarts;
    private final int maxIterations;

    /**
     * @param restarts      independent seedings (≥ 1)
     * @param maxIterations Lloyd iterations per restart (≥ 1)
     */
    public KMeansPlusPlus(int restarts, int maxIterations) {
        InvalidInputException.require(restarts >= 1, "restarts", restarts, "at least 1");
        InvalidInputException.require(maxIterations >= 1, "maxIterations", maxIterations, "at least 1");
        this.restarts = restarts;
        this.maxIterations = maxIterations;
    }

    /** Best of the restarts for c clusters of the points (rows of equal dimension). */
    public Clustering cluster(double[][] points, int c, long seed) {
        InvalidInputException.require(points != null && points.length >= 1, "points", points == null ? null : points.length, "at least one point");
        InvalidInputException.require(c >= 1 && c <= points.length, "c", c, "in [1, " + points.length + "]");
        RandomStream rng = new RandomStream(seed);
        Clustering best = null;
        for (int r = 0; r < restarts; r++) {
            Clustering run = lloyd(points, seed(points, c, rng.split(r)));
            if (best == null || run.withinSumOfSquares() < best.withinSumOfSquares()) {
                best = run;
            }
        }
        return best;
    }

    /** k-means++: the first centre uniformly, each further one with probability proportional to D(x)^2. */
    static double[][] seed(double[][] x, int c, RandomStream rng) {
        double[][] centres = new double[c][];
        centres[0] = x[rng.nextInt(x.length)].clone();
        double[] d2 = new double[x.length];
        for (int j = 1; j < c; j++) {
            double total = 0;
            for (int i = 0; i < x.length; i++) {
                d2[i] = Double.POSITIVE_INFINITY;
                for (int m = 0; m < j; m++) {
                    d2[i] = Math.min(d2[i], sq(x[i], centres[m]));
                }
                total += d2[i];
            }
            int pick = 0;
            if (total > 0) {
                double u = rng.nextDouble() * total;
                double acc = 0;
                for (pick = 0; pick < x.length - 1; pick++) {
                    acc += d2[pick];
                    if (u < acc) {
                        break;
                    }
                }
            } else {
                pick = rng.nextInt(x.length);
            }
            centres[j] = x[pick].clone();
        }
        return centres;
    }

    private Clustering lloyd(double[][] x, double[][] centres) {
        int c = centres.length;
        int dim = x[0].length;
        int[] labels = new int[x.length];
        for (int it = 0; it < maxIterations; it++) {
            boolean changed = it == 0;
            for (int i = 0; i < x.length; i++) {
                int nearest = 0;
                for (int m = 1; m < c; m++) {
                    if (sq(x[i], centres[m]) < sq(x[i], centres[nearest])) {
                        nearest = m;
                    }
                }
                changed |= nearest != labels[i];
                labels[i] = nearest;
            }
            if (!changed) {
                break;
            }
            double[][] sum = new double[c][dim];
            int[] count = new int[c];
            for (int i = 0; i < x.length; i++) {
                count[labels[i]]++;
                for (int t = 0; t < dim; t++) {
                    sum[labels[i]][t] += x[i][t];
                }
            }
            for (int m = 0; m < c; m++) {
                if (count[m] > 0) {   // an emptied cluster keeps its centre
                    for (int t = 0; t < dim; t++) {
                        centres[m][t] = sum[m][t] / count[m];
                    }
                }
            }
        }
        double wcss = 0;
        for (int i = 0; i < x.length; i++) {
            wcss += sq(x[i], centres[labels[i]]);
        }
        return new Clustering(labels, centres, wcss);
    }

    static double sq(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            s += (a[t] - b[t]) * (a[t] - b[t]);
        }
        return s;
    }
}
