package org.cosense.estimation.doa;

import java.util.ArrayList;
import java.util.List;

/**
 * Local maxima of a 2D grid function (8-neighbourhood, non-maximum suppression), optionally
 * periodic in both axes (FFT grids of spatial frequency wrap at period 2). Returns the K highest
 * LOCAL maxima, not the K largest grid values (pitfall [hua3d P5]).
 */
public final class PeakFinder2D {
    private PeakFinder2D() {
    }

    /** A grid peak at (row i, column j) with its value. */
    public record Peak(int i, int j, double value) {
    }

    /**
     * @param v        values v[i][j]
     * @param periodic wrap neighbours around both axes
     * @param allowed  optional mask (null = all allowed); peaks outside it are not reported
     * @param k        number of peaks wanted; fewer are returned if fewer exist
     */
    public static List<Peak> highest(double[][] v, boolean periodic, boolean[][] allowed, int k) {
        return highest(v, periodic, periodic, allowed, k);
    }

    /**
     * As {@link #highest(double[][], boolean, boolean[][], int)} with the wrap chosen per axis.
     *
     * @param periodicRows wrap neighbours around the first index
     * @param periodicCols wrap neighbours around the second index
     */
    public static List<Peak> highest(double[][] v, boolean periodicRows, boolean periodicCols, boolean[][] allowed, int k) {
        int rows = v.length;
        int cols = v[0].length;
        List<Peak> peaks = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (allowed != null && !allowed[i][j]) {
                    continue;
                }
                double x = v[i][j];
                boolean max = true;
                for (int di = -1; di <= 1 && max; di++) {
                    for (int dj = -1; dj <= 1; dj++) {
                        if (di == 0 && dj == 0) {
                            continue;
                        }
                        int ii = i + di;
                        int jj = j + dj;
                        if (periodicRows) {
                            ii = Math.floorMod(ii, rows);
                        }
                        if (periodicCols) {
                            jj = Math.floorMod(jj, cols);
                        }
                        if (ii < 0 || jj < 0 || ii >= rows || jj >= cols || (ii == i && jj == j)) {
                            continue;
                        }
                        double y = v[ii][jj];
                        // ties broken by index so a plateau yields exactly one peak
                        if (y > x || (y == x && (ii * cols + jj) < (i * cols + j))) {
                            max = false;
                            break;
                        }
                    }
                }
                if (max) {
                    peaks.add(new Peak(i, j, x));
                }
            }
        }
        peaks.sort((a, b) -> Double.compare(b.value, a.value));
        return peaks.size() > k ? new ArrayList<>(peaks.subList(0, k)) : peaks;
    }

    /** Local maxima of a 1D sequence (non-periodic), K highest. */
    public static int[] highest1d(double[] v, int k) {
        List<int[]> idx = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            boolean left = i == 0 || v[i] > v[i - 1];
            boolean right = i == v.length - 1 || v[i] >= v[i + 1];
            if (left && right) {
                idx.add(new int[] {i});
            }
        }
        idx.sort((a, b) -> Double.compare(v[b[0]], v[a[0]]));
        int m = Math.min(k, idx.size());
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = idx.get(i)[0];
        }
        return out;
    }
}
