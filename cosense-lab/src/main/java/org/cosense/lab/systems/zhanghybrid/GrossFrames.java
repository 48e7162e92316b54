package org.cosense.lab.systems.zhanghybrid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cosense.lab.Table;

/**
 * The frames of figs 7–8 with gross measurement errors, per sweep point: a frame is flagged when one of its K² delays or
 * one of its K fused angles is farther from the truth than {@link LocationMseFigure#GROSS_SIGMAS} standard deviations of
 * its bound (the rule is fixed before the runs). For each localizer: the share of its printed MSE that the flagged
 * frames carry, its MSE over the other frames and its median squared error. An extension beside the printed MSE, which
 * keeps every frame.
 *
 * @param trials       frames per point
 * @param delayFrames  frames with at least one gross delay
 * @param angleFrames  frames with at least one gross fused angle
 * @param flagged      frames with either
 * @param cleanMse     [method][point] the MSE over the frames not flagged (m²)
 * @param median       [method][point] the median squared error over all frames (m²)
 * @param flaggedShare [method][point] the fraction of the printed MSE carried by the flagged frames
 */
record GrossFrames(int[] trials, int[] delayFrames, int[] angleFrames, int[] flagged, double[][] cleanMse, double[][] median,
                   double[][] flaggedShare) {

    static GrossFrames of(double[][][] r) {
        int points = r.length;
        int methods = LocationMseFigure.METHODS.length;
        int[] trials = new int[points];
        int[] delay = new int[points];
        int[] angle = new int[points];
        int[] flagged = new int[points];
        double[][] clean = new double[methods][points];
        double[][] median = new double[methods][points];
        double[][] share = new double[methods][points];
        for (int p = 0; p < points; p++) {
            trials[p] = r[p].length;
            double[] all = new double[methods];
            double[] bad = new double[methods];
            for (double[] t : r[p]) {
                boolean d = t[LocationMseFigure.GROSS_DELAYS] > 0;
                boolean a = t[LocationMseFigure.GROSS_ANGLES] > 0;
                delay[p] += d ? 1 : 0;
                angle[p] += a ? 1 : 0;
                flagged[p] += d || a ? 1 : 0;
                for (int i = 0; i < methods; i++) {
                    all[i] += t[i];
                    if (d || a) {
                        bad[i] += t[i];
                    }
                }
            }
            int kept = trials[p] - flagged[p];
            for (int i = 0; i < methods; i++) {
                clean[i][p] = kept > 0 ? (all[i] - bad[i]) / kept : Double.NaN;
                share[i][p] = all[i] > 0 ? bad[i] / all[i] : 0;
                double[] v = new double[trials[p]];
                for (int t = 0; t < v.length; t++) {
                    v[t] = r[p][t][i];
                }
                median[i][p] = median(v);
            }
        }
        return new GrossFrames(trials, delay, angle, flagged, clean, median, share);
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }

    Table table(String name, String xName, double[] x) {
        List<String> header = new ArrayList<>(List.of(xName, "trials", "frames_gross_delay", "frames_gross_angle", "frames_flagged"));
        for (var m : LocationMseFigure.METHODS) {
            header.add("mse_unflagged_" + m.series());
        }
        for (var m : LocationMseFigure.METHODS) {
            header.add("median_" + m.series());
        }
        for (var m : LocationMseFigure.METHODS) {
            header.add("flagged_share_" + m.series());
        }
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < x.length; p++) {
            List<String> row = new ArrayList<>(List.of(CrbSweepFigure.num(x[p]), Integer.toString(trials[p]), Integer.toString(delayFrames[p]),
                    Integer.toString(angleFrames[p]), Integer.toString(flagged[p])));
            for (double[] c : cleanMse) {
                row.add(Double.toString(c[p]));
            }
            for (double[] c : median) {
                row.add(Double.toString(c[p]));
            }
            for (double[] c : flaggedShare) {
                row.add(Double.toString(c[p]));
            }
            rows.add(row);
        }
        return new Table(name, header, rows);
    }
}
