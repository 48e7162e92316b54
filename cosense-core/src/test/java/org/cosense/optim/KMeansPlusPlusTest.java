package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cosense.math.RandomStream;
import org.junit.jupiter.api.Test;

class KMeansPlusPlusTest {
    private static double[][] blobs(long seed) {
        RandomStream rng = new RandomStream(seed);
        double[][] p = new double[12][];
        for (int i = 0; i < 12; i++) {
            double cx = i < 4 ? 0 : i < 8 ? 100 : 50;
            double cy = i < 4 ? 0 : i < 8 ? 0 : 90;
            p[i] = new double[] {cx + rng.nextGaussian(), cy + rng.nextGaussian()};
        }
        return p;
    }

    @Test
    void separatedBlobsAreRecovered() {
        double[][] p = blobs(3);
        KMeansPlusPlus.Clustering c = new KMeansPlusPlus(10, 100).cluster(p, 3, 17);
        for (int b = 0; b < 3; b++) {
            for (int i = 4 * b; i < 4 * b + 4; i++) {
                assertEquals(c.labels()[4 * b], c.labels()[i], "blob " + b);
            }
        }
        assertTrue(c.withinSumOfSquares() < 12 * 2 * 4, "within-cluster spread is the blob noise: " + c.withinSumOfSquares());
    }

    @Test
    void oneClusterIsTheCentroidAndKClustersAreSingletons() {
        double[][] p = blobs(4);
        KMeansPlusPlus km = new KMeansPlusPlus(3, 100);
        KMeansPlusPlus.Clustering one = km.cluster(p, 1, 1);
        double mx = 0;
        for (double[] x : p) {
            mx += x[0] / p.length;
        }
        assertEquals(mx, one.centroids()[0][0], 1e-12);
        KMeansPlusPlus.Clustering all = km.cluster(p, p.length, 1);
        assertEquals(0, all.withinSumOfSquares(), 0);
    }

    @Test
    void restartsNeverHurtAndTheSeedDeterminesTheResult() {
        double[][] p = blobs(5);
        KMeansPlusPlus.Clustering once = new KMeansPlusPlus(1, 100).cluster(p, 4, 9);
        KMeansPlusPlus.Clustering ten = new KMeansPlusPlus(10, 100).cluster(p, 4, 9);
        assertTrue(ten.withinSumOfSquares() <= once.withinSumOfSquares(), "the first restart is included");
        assertArrayEquals(ten.labels(), new KMeansPlusPlus(10, 100).cluster(p, 4, 9).labels());
    }
}
