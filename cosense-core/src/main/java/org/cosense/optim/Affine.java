package org.cosense.optim;

import java.util.Arrays;

import org.cosense.InvalidInputException;

/**
 * An affine expression Σ coef_i·x_i + constant in the real variables of one
 * {@link ConvexProgram} (immutable). Built from variables ({@link ScalarVar#affine()},
 * {@link HermitianVar#trace()}, …) and combined with {@link #plus}, {@link #minus},
 * {@link #times}.
 */
public final class Affine {
    final int[] idx;      // sorted, unique
    final double[] coef;
    final double constant;

    Affine(int[] idx, double[] coef, double constant) {
        this.idx = idx;
        this.coef = coef;
        this.constant = constant;
    }

    /** The constant expression {@code c}. */
    public static Affine constant(double c) {
        InvalidInputException.finite("constant", c);
        return new Affine(new int[0], new double[0], c);
    }

    static Affine term(int index, double c) {
        return new Affine(new int[] {index}, new double[] {c}, 0);
    }

    /** Builds a sum from possibly repeated indices (merged). */
    static Affine of(int[] index, double[] c, double constant) {
        int[] order = new int[index.length];
        Integer[] boxed = new Integer[index.length];
        for (int i = 0; i < index.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Integer.compare(index[a], index[b]));
        for (int i = 0; i < index.length; i++) {
            order[i] = boxed[i];
        }
        int[] ni = new int[index.length];
        double[] nc = new double[index.length];
        int k = 0;
        for (int i = 0; i < index.length; i++) {
            int id = index[order[i]];
            double v = c[order[i]];
            if (k > 0 && ni[k - 1] == id) {
                nc[k - 1] += v;
            } else {
                ni[k] = id;
                nc[k] = v;
                k++;
            }
        }
        return new Affine(Arrays.copyOf(ni, k), Arrays.copyOf(nc, k), constant);
    }

    public Affine plus(Affine o) {
        return combine(1, o, 1);
    }

    public Affine minus(Affine o) {
        return combine(1, o, -1);
    }

    public Affine plus(double c) {
        InvalidInputException.finite("constant", c);
        return new Affine(idx, coef, constant + c);
    }

    public Affine minus(double c) {
        return plus(-c);
    }

    public Affine times(double f) {
        InvalidInputException.finite("factor", f);
        double[] nc = coef.clone();
        for (int i = 0; i < nc.length; i++) {
            nc[i] *= f;
        }
        return new Affine(idx, nc, constant * f);
    }

    public Affine negate() {
        return times(-1);
    }

    /** The constant part. */
    public double constantTerm() {
        return constant;
    }

    /** Whether no variable appears (with a nonzero coefficient). */
    public boolean isConstant() {
        for (double c : coef) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    private Affine combine(double fa, Affine o, double fb) {
        int[] ni = new int[idx.length + o.idx.length];
        double[] nc = new double[ni.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < idx.length || j < o.idx.length) {
            if (j >= o.idx.length || (i < idx.length && idx[i] < o.idx[j])) {
                ni[k] = idx[i];
                nc[k++] = fa * coef[i++];
            } else if (i >= idx.length || o.idx[j] < idx[i]) {
                ni[k] = o.idx[j];
                nc[k++] = fb * o.coef[j++];
            } else {
                ni[k] = idx[i];
                nc[k++] = fa * coef[i++] + fb * o.coef[j++];
            }
        }
        return new Affine(Arrays.copyOf(ni, k), Arrays.copyOf(nc, k), fa * constant + fb * o.constant);
    }

    /** Σ of expressions. */
    public static Affine sum(Affine... terms) {
        Affine s = constant(0);
        for (Affine t : terms) {
            s = s.plus(t);
        }
        return s;
    }

    double eval(double[] x) {
        double s = constant;
        for (int i = 0; i < idx.length; i++) {
            s += coef[i] * x[idx[i]];
        }
        return s;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < idx.length; i++) {
            sb.append(coef[i] >= 0 && i > 0 ? " + " : " ").append(coef[i]).append("·x").append(idx[i]);
        }
        return sb.append(constant >= 0 ? " + " : " - ").append(Math.abs(constant)).toString().trim();
    }
}
