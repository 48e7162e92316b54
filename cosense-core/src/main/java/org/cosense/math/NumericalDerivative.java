package org.cosense.math;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.cosense.InvalidInputException;
import org.ejml.data.ZMatrixRMaj;

/**
 * Numerical derivatives of complex-valued functions of real parameters, by Ridders' method:
 * central differences D(h) = (f(θ + h e_i) − f(θ − h e_i)) / 2h at geometrically shrinking steps
 * (factor 1.4, up to 16 levels), extrapolated to h → 0 (Richardson, Neville tableau), with an
 * error estimate that picks the best entry per output component. Typical accuracy is 1e-10 to
 * 1e-12 relative, also for phases that oscillate fast in θ (steering vectors of long arrays),
 * where a fixed-step formula would be off by 1e-5 — the reason for the adaptive scheme.
 *
 * <p>The initial step for parameter i is {@code 0.1 · max(1, |θ_i|)}; the smallest step reached
 * is about 1/150 of it. For parameters whose natural scale is far from 1 (path gains ~1e-8,
 * distances in metres inside carrier phases) pass absolute initial steps of about the distance
 * over which f changes substantially. Each parameter costs 2 evaluations per level used.
 *
 * <p>Complex vectors are interleaved {@code double[]} (re, im); the Jacobian is n×p complex,
 * column i = ∂f/∂θ_i.
 */
public final class NumericalDerivative {
    /** Default initial relative step of Ridders' tableau. */
    public static final double DEFAULT_RELATIVE_STEP = 0.1;
    private static final double SHRINK = 1.4;
    private static final int MAX_LEVELS = 16;
    private static final double SAFE = 2.0;

    private NumericalDerivative() {
    }

    /** n×p Jacobian of f: R^p → C^n (interleaved), default steps. */
    public static ZMatrixRMaj jacobian(Function<double[], double[]> f, double[] theta) {
        return jacobian(f, theta, defaultSteps(theta));
    }

    /** n×p Jacobian of f with absolute initial steps {@code steps[i]} > 0. */
    public static ZMatrixRMaj jacobian(Function<double[], double[]> f, double[] theta, double[] steps) {
        requireSteps(theta, steps);
        int p = theta.length;
        ZMatrixRMaj jac = null;
        for (int i = 0; i < p; i++) {
            double[] d = derivative(f, theta, i, steps[i]);
            if (jac == null) {
                jac = new ZMatrixRMaj(d.length / 2, p);
            }
            InvalidInputException.require(d.length == 2 * jac.numRows, "f(θ).length", d.length,
                    "must not depend on θ (expected " + 2 * jac.numRows + ")");
            for (int r = 0; r < jac.numRows; r++) {
                jac.set(r, i, d[2 * r], d[2 * r + 1]);
            }
        }
        if (jac == null) {
            jac = new ZMatrixRMaj(f.apply(theta.clone()).length / 2, 0);
        }
        return jac;
    }

    /** ∂M/∂θ_i, i = 0..p−1, of a matrix-valued M: R^p → C^{n×n} (e.g. a covariance), default steps. */
    public static List<ZMatrixRMaj> matrixDerivatives(Function<double[], ZMatrixRMaj> m, double[] theta) {
        return matrixDerivatives(m, theta, defaultSteps(theta));
    }

    /**
     * ∂M/∂θ_i with absolute initial steps. Each derivative has M's shape; if M is Hermitian so is each
     * derivative (up to rounding, which is removed by taking the Hermitian part when square).
     */
    public static List<ZMatrixRMaj> matrixDerivatives(Function<double[], ZMatrixRMaj> m, double[] theta, double[] steps) {
        requireSteps(theta, steps);
        List<ZMatrixRMaj> out = new ArrayList<>(theta.length);
        for (int i = 0; i < theta.length; i++) {
            int[] shape = new int[2];
            double[] d = derivative(t -> {
                ZMatrixRMaj v = m.apply(t);
                shape[0] = v.numRows;
                shape[1] = v.numCols;
                return v.data.length == v.getDataLength() ? v.data : java.util.Arrays.copyOf(v.data, v.getDataLength());
            }, theta, i, steps[i]);
            ZMatrixRMaj dm = new ZMatrixRMaj(shape[0], shape[1]);
            System.arraycopy(d, 0, dm.data, 0, dm.getDataLength());
            out.add(shape[0] == shape[1] ? ComplexLinalg.hermitianPart(dm) : dm);
        }
        return out;
    }

    /**
     * Derivative of f along parameter i by Ridders' method: central differences at steps
     * h, h/1.4, h/1.4², … extrapolated to h → 0 in a Neville tableau; each output component keeps
     * the tableau entry with the smallest error estimate, and the tableau stops growing once every
     * component's error estimate has started to grow (rounding has taken over).
     */
    private static double[] derivative(Function<double[], double[]> f, double[] theta, int i, double step) {
        double[][] prev = new double[MAX_LEVELS][];
        double[][] cur = new double[MAX_LEVELS][];
        double h = step;
        prev[0] = central(f, theta, i, h);
        int len = prev[0].length;
        double[] ans = prev[0].clone();
        double[] err = new double[len];
        java.util.Arrays.fill(err, Double.POSITIVE_INFINITY);
        for (int level = 1; level < MAX_LEVELS; level++) {
            h /= SHRINK;
            cur[0] = central(f, theta, i, h);
            double fac = SHRINK * SHRINK;
            for (int j = 1; j <= level; j++) {
                double[] c = new double[len];
                double[] left = cur[j - 1];
                double[] diag = prev[j - 1];
                for (int k = 0; k < len; k++) {
                    c[k] = (left[k] * fac - diag[k]) / (fac - 1);
                    double e = Math.max(Math.abs(c[k] - left[k]), Math.abs(c[k] - diag[k]));
                    if (e <= err[k]) {
                        err[k] = e;
                        ans[k] = c[k];
                    }
                }
                cur[j] = c;
                fac *= SHRINK * SHRINK;
            }
            boolean allDiverging = true;
            for (int k = 0; k < len && allDiverging; k++) {
                allDiverging = Math.abs(cur[level][k] - prev[level - 1][k]) >= SAFE * err[k];
            }
            if (allDiverging) {
                break;
            }
            double[][] t = prev;
            prev = cur;
            cur = t;
        }
        return ans;
    }

    private static double[] central(Function<double[], double[]> f, double[] theta, int i, double step) {
        double[] t = theta.clone();
        double x = theta[i];
        t[i] = x + step;
        double hp = t[i] - x; // the steps actually taken, so rounding of θ ± h does not bias the slope
        double[] fp = f.apply(t.clone()).clone();
        t[i] = x - step;
        double hm = x - t[i];
        double[] fm = f.apply(t.clone());
        InvalidInputException.require(fp.length == fm.length, "f(θ).length", fm.length, "must not depend on θ");
        double[] d = new double[fp.length];
        double h = hp + hm;
        for (int k = 0; k < d.length; k++) {
            d[k] = (fp[k] - fm[k]) / h;
        }
        return d;
    }

    /** The default initial steps {@code 0.1 · max(1, |θ_i|)}. */
    public static double[] defaultSteps(double[] theta) {
        double[] s = new double[theta.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = DEFAULT_RELATIVE_STEP * Math.max(1, Math.abs(theta[i]));
        }
        return s;
    }

    private static void requireSteps(double[] theta, double[] steps) {
        InvalidInputException.require(steps.length == theta.length, "steps.length", steps.length,
                "must equal θ.length = " + theta.length);
        for (int i = 0; i < theta.length; i++) {
            InvalidInputException.finite("theta[" + i + "]", theta[i]);
            InvalidInputException.positive("steps[" + i + "]", steps[i]);
        }
    }
}
