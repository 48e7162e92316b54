package org.cosense.math;

import java.util.Arrays;

import org.cosense.InvalidInputException;

/**
 * The projection of a Hermitian matrix onto the positive semidefinite cone in the Frobenius norm,
 * P(A) = Σ_{λ_i > 0} λ_i v_i v_i^H, computed with only the eigenvectors it needs. One instance owns
 * the workspaces of one order n and is reused call after call (not thread-safe); nothing is
 * allocated per call once the rotation log has reached its working size.
 *
 * <p>Steps: Householder reduction A = Q T Q^H to a Hermitian tridiagonal T on the lower triangle
 * (the reflectors are kept, Q is never formed); a diagonal unitary D with T = D T_r D^H, T_r real
 * symmetric tridiagonal; the inertia of T_r from one Sturm count at 0 (Sylvester). Only the smaller
 * of the two signed parts is expanded: P(A) = Σ_{λ>0} λ v v^H when at most half of the eigenvalues
 * are positive, otherwise P(A) = A − Σ_{λ<0} λ v v^H. When that part has at most
 * {@link #SIGNED_PART_MAX} eigenvalues (at ADMM iterates near a low-rank optimum it has the rank
 * of the optimum), its eigenvalues come from bisection on the Sturm count and its eigenvectors of
 * T_r from inverse iteration, both O(n) per sweep, and the rest of the spectrum is never computed.
 * Otherwise the eigenvalues of T_r come from the implicit QL algorithm with Wilkinson shifts
 * (EISPACK tql2), logging each plane rotation instead of applying it to an n×n matrix: column j of
 * the eigenvector matrix of T_r is G_1 G_2 ⋯ G_m e_j, so the log replayed backwards on e_j gives
 * exactly the eigenvector the full algorithm would have accumulated, in O(#rotations) per vector.
 * Either way v = Q D w by the reflectors, in O(n²) per vector.
 *
 * <p>The decomposition runs on A scaled by the power of two that brings its largest entry into
 * [1, 2): exact, so the result is unchanged in the normal range, and iterates that decay towards
 * zero do not underflow in the sums of squares of the reduction.
 */
public final class HermitianPsdProjection {
    /**
     * Largest signed part computed by bisection and inverse iteration instead of QL. Bisection costs 53 sweeps of a
     * multiply-add per entry for each wanted eigenvalue (up to three intervals per sweep); QL costs about two sweeps of rotations,
     * each with a square root and a division, per eigenvalue of the whole spectrum. The bound is a round choice in favour
     * of bisection for the few eigenvalues of a low-rank iterate, not a tuned crossover: on the iterates of the eight
     * programs of {@code cosense bench zhang-anm} the signed part had at most 6 eigenvalues in 10777 of 10791 projections.
     */
    static final int SIGNED_PART_MAX = 6;
    private static final double EPS = 2.220446049250313e-16;
    private static final double MINOR_BIG = 0x1p200;
    private static final double MINOR_SMALL = 0x1p-200;
    private static final double ZERO_MINOR = 0x1p-60;
    private final int n;
    // Working matrix, lower triangle, split real/imaginary parts, row-major n×n.
    private final double[] ar;
    private final double[] ai;
    // Householder vectors (row k: v of step k on indices k+1..n−1) and their β = 2 / ||v||².
    private final double[] hr;
    private final double[] hi;
    private final double[] beta;
    private final double[] pr;
    private final double[] pi;
    // Tridiagonal and the phases d_k of T = D T_r D^H.
    private final double[] d;
    private final double[] e;
    private final double[] phr;
    private final double[] phi;
    private final double[] lambda;
    private final double[] w;
    private final double[] xr;
    private final double[] xi;
    private final double[] yr;
    private final double[] yi;
    // Rotation log of the QL iterations: index i (rotation of coordinates i, i+1), cosine, sine.
    private int[] rotIndex;
    private double[] rotC;
    private double[] rotS;
    private int rotCount;
    private int positives;
    // Signed-part path: squared off-diagonal, the wanted eigenvalues (scaled) and their tridiagonal eigenvectors.
    private final double[] e2;
    private final double[] wantLo;
    private final double[] wantHi;
    private final double[] wantLambda;
    private final double[][] wantVector;
    // Tridiagonal LU with partial pivoting of T_r − λI for inverse iteration.
    private final double[] luD;
    private final double[] luU1;
    private final double[] luU2;
    private final double[] luL;
    private final boolean[] luSwap;
    private final double[] rhs;
    private int shift;
    private boolean lambdaKnown;
    // Gershgorin bound of T_r and the smallest pivot magnitude allowed in a Sturm sweep.
    private double gnorm;
    private double pivmin;

    /** Workspaces for matrices of order n ≥ 1. */
    public HermitianPsdProjection(int n) {
        InvalidInputException.require(n >= 1, "matrix order n", n, "must be at least 1");
        this.n = n;
        ar = new double[n * n];
        ai = new double[n * n];
        hr = new double[n * n];
        hi = new double[n * n];
        beta = new double[n];
        pr = new double[n];
        pi = new double[n];
        d = new double[n];
        e = new double[n];
        phr = new double[n];
        phi = new double[n];
        lambda = new double[n];
        w = new double[n];
        xr = new double[n];
        xi = new double[n];
        yr = new double[n];
        yi = new double[n];
        e2 = new double[n];
        wantLo = new double[SIGNED_PART_MAX];
        wantHi = new double[SIGNED_PART_MAX];
        wantLambda = new double[SIGNED_PART_MAX];
        wantVector = new double[SIGNED_PART_MAX][n];
        luD = new double[n];
        luU1 = new double[n];
        luU2 = new double[n];
        luL = new double[n];
        luSwap = new boolean[n];
        rhs = new double[n];
        // The log grows by doubling when a matrix needs more (about 2 n² rotations at most in practice).
        int cap = n * n + 16;
        rotIndex = new int[cap];
        rotC = new double[cap];
        rotS = new double[cap];
    }

    /** The order n. */
    public int size() {
        return n;
    }

    /**
     * out = P(a) for the Hermitian part of a (interleaved re/im, row-major n×n; a is not modified;
     * out may not be a). The diagonal of out is real and out is exactly Hermitian.
     */
    public void project(double[] a, double[] out) {
        if (a.length < 2 * n * n || out.length < 2 * n * n || out == a) {
            // the messages are built only for bad arguments: this runs once per ADMM iteration
            InvalidInputException.require(a.length >= 2 * n * n, "input length", a.length, "must hold 2 n² = " + 2 * n * n + " values");
            InvalidInputException.require(false, "output", out.length, "must hold 2 n² values and differ from the input");
        }
        double big = 0;
        for (int i = 0; i < 2 * n * n; i++) {
            double x = a[i];
            if (!Double.isFinite(x)) {
                throw new ArithmeticException("non-finite matrix entry");
            }
            big = Math.max(big, Math.abs(x));
        }
        if (big == 0) {
            Arrays.fill(out, 0, 2 * n * n, 0);
            positives = 0;
            Arrays.fill(lambda, 0);
            lambdaKnown = true;
            return;
        }
        shift = -Math.getExponent(big);
        double f = Math.scalb(1.0, shift);
        // Lower triangle of the scaled Hermitian part (A + A^H)/2.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                int ij = 2 * (i * n + j);
                int ji = 2 * (j * n + i);
                ar[i * n + j] = 0.5 * f * (a[ij] + a[ji]);
                ai[i * n + j] = i == j ? 0 : 0.5 * f * (a[ij + 1] - a[ji + 1]);
            }
        }
        tridiagonalize();
        // Sylvester's inertia: the Sturm count at 0 is the number of negative eigenvalues.
        prepareSturm();
        int negative = countBelow(0);
        boolean expandPositive = n - negative <= negative;
        int wanted = expandPositive ? n - negative : negative;
        if (wanted <= SIGNED_PART_MAX) {
            // The smaller signed part alone: its eigenvalues by bisection, its vectors by inverse iteration.
            positives = n - negative;
            lambdaKnown = false;
            int first = expandPositive ? negative : 0;
            bisect(first, wanted, expandPositive);
            startOutput(a, out, expandPositive);
            for (int t = 0; t < wanted; t++) {
                inverseIteration(t);
            }
            // Two vectors at a time through the reflectors and into out: the same arithmetic per vector as one at a
            // time, with two independent dot products per reflector and one pass over out for both.
            for (int t = 0; t < wanted; t += 2) {
                double s0 = Math.scalb(wantLambda[t], -shift);
                s0 = expandPositive ? s0 : -s0;
                if (t + 1 == wanted) {
                    System.arraycopy(wantVector[t], 0, w, 0, n);
                    backTransform();
                    addOuterProduct(out, s0);
                    break;
                }
                double s1 = Math.scalb(wantLambda[t + 1], -shift);
                s1 = expandPositive ? s1 : -s1;
                backTransformPair(wantVector[t], wantVector[t + 1]);
                addOuterProducts(out, s0, s1);
            }
            mirrorLower(out);
            return;
        }
        ql();
        lambdaKnown = true;
        int pos = 0;
        for (int k = 0; k < n; k++) {
            lambda[k] = Math.scalb(d[k], -shift);
            if (d[k] > 0) {
                pos++;
            }
        }
        positives = pos;
        expandPositive = pos <= n - pos;
        startOutput(a, out, expandPositive);
        for (int k = 0; k < n; k++) {
            double l = d[k];
            if (expandPositive ? !(l > 0) : !(l < 0)) {
                continue;
            }
            eigenvector(k);
            addOuterProduct(out, expandPositive ? lambda[k] : -lambda[k]);
        }
        mirrorLower(out);
    }

    /** out = 0 when the positive part is expanded, else the Hermitian part of a (unscaled), from which the negative part is subtracted. */
    private void startOutput(double[] a, double[] out, boolean expandPositive) {
        if (expandPositive) {
            Arrays.fill(out, 0, 2 * n * n, 0);
            return;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                int ij = 2 * (i * n + j);
                int ji = 2 * (j * n + i);
                double re = 0.5 * (a[ij] + a[ji]);
                double im = i == j ? 0 : 0.5 * (a[ij + 1] - a[ji + 1]);
                out[ij] = re;
                out[ij + 1] = im;
                out[ji] = re;
                out[ji + 1] = -im;
            }
        }
    }

    /** out += s x x^H on the lower triangle, x = (xr, xi). */
    private void addOuterProduct(double[] out, double s) {
        for (int r = 0; r < n; r++) {
            double sr = s * xr[r];
            double si = s * xi[r];
            int row = 2 * r * n;
            for (int c = 0; c <= r; c++) {
                // s x_r conj(x_c)
                out[row + 2 * c] += sr * xr[c] + si * xi[c];
                out[row + 2 * c + 1] += si * xr[c] - sr * xi[c];
            }
        }
    }

    /** out += s0 x x^H + s1 y y^H on the lower triangle, x = (xr, xi), y = (yr, yi), x's term added first. */
    private void addOuterProducts(double[] out, double s0, double s1) {
        for (int r = 0; r < n; r++) {
            double sr0 = s0 * xr[r];
            double si0 = s0 * xi[r];
            double sr1 = s1 * yr[r];
            double si1 = s1 * yi[r];
            int row = 2 * r * n;
            for (int c = 0; c <= r; c++) {
                double re = out[row + 2 * c] + (sr0 * xr[c] + si0 * xi[c]);
                double im = out[row + 2 * c + 1] + (si0 * xr[c] - sr0 * xi[c]);
                out[row + 2 * c] = re + (sr1 * yr[c] + si1 * yi[c]);
                out[row + 2 * c + 1] = im + (si1 * yr[c] - sr1 * yi[c]);
            }
        }
    }

    /** Upper triangle of out from its lower triangle; real diagonal. */
    private void mirrorLower(double[] out) {
        for (int r = 0; r < n; r++) {
            out[2 * (r * n + r) + 1] = 0;
            for (int c = 0; c < r; c++) {
                out[2 * (c * n + r)] = out[2 * (r * n + c)];
                out[2 * (c * n + r) + 1] = -out[2 * (r * n + c) + 1];
            }
        }
    }

    /**
     * Eigenvalues of the last projected matrix (not sorted; a copy). When only a signed part was computed they are
     * completed here, by QL on the kept tridiagonal.
     */
    public double[] eigenvalues() {
        if (!lambdaKnown) {
            ql();
            for (int k = 0; k < n; k++) {
                lambda[k] = Math.scalb(d[k], -shift);
            }
            lambdaKnown = true;
        }
        return lambda.clone();
    }

    /** Number of positive eigenvalues of the last projected matrix. */
    public int positiveCount() {
        return positives;
    }

    /**
     * Householder reduction on the lower triangle (EISPACK htridi order, from the first column):
     * step k maps A[k+1.., k] to −φ α e_1 with v = x + φ α e_1, φ = x_0/|x_0|, and updates the
     * trailing block A ← A − v w^H − w v^H, w = p − (β/2)(v^H p) v, p = β A v. Not shared with
     * {@link HermitianTridiagonalization} or {@link TridiagonalHermitianEigen}: this one reads the lower triangle only,
     * sums A v row by row and column by column in another order, and uses β = 1/(α(α + |x₀|)) for 2/‖v‖², so either of
     * theirs here would move the ADMM's iterates by rounding.
     */
    private void tridiagonalize() {
        for (int k = 0; k < n - 2; k++) {
            double alpha2 = 0;
            for (int i = k + 1; i < n; i++) {
                double x = ar[i * n + k];
                double y = ai[i * n + k];
                alpha2 += x * x + y * y;
            }
            int hrow = k * n;
            if (alpha2 == 0) {
                beta[k] = 0;
                continue;
            }
            double alpha = Math.sqrt(alpha2);
            double x0r = ar[(k + 1) * n + k];
            double x0i = ai[(k + 1) * n + k];
            double ax = Math.sqrt(x0r * x0r + x0i * x0i);
            double cr = ax == 0 ? 1 : x0r / ax;
            double ci = ax == 0 ? 0 : x0i / ax;
            for (int i = k + 1; i < n; i++) {
                hr[hrow + i] = ar[i * n + k];
                hi[hrow + i] = ai[i * n + k];
            }
            hr[hrow + k + 1] += cr * alpha;
            hi[hrow + k + 1] += ci * alpha;
            // ||v||² = 2α(α + |x_0|)
            double b = 1 / (alpha * (alpha + ax));
            beta[k] = b;
            // p = β A22 v from the lower triangle of the trailing block.
            for (int i = k + 1; i < n; i++) {
                pr[i] = 0;
                pi[i] = 0;
            }
            for (int i = k + 1; i < n; i++) {
                int row = i * n;
                double vir = hr[hrow + i];
                double vii = hi[hrow + i];
                double sr = ar[row + i] * vir;
                double si = ar[row + i] * vii;
                // row i: Σ_j A_ij v_j
                for (int j = k + 1; j < i; j++) {
                    double mr = ar[row + j];
                    double mi = ai[row + j];
                    double vjr = hr[hrow + j];
                    double vji = hi[hrow + j];
                    sr += mr * vjr - mi * vji;
                    si += mr * vji + mi * vjr;
                }
                // rows j < i: conj(A_ij) v_i, accumulated into p_j (a separate loop, which the compiler can vectorize)
                for (int j = k + 1; j < i; j++) {
                    double mr = ar[row + j];
                    double mi = ai[row + j];
                    pr[j] += mr * vir + mi * vii;
                    pi[j] += mr * vii - mi * vir;
                }
                pr[i] += sr;
                pi[i] += si;
            }
            double kk = 0;
            for (int i = k + 1; i < n; i++) {
                pr[i] *= b;
                pi[i] *= b;
                kk += hr[hrow + i] * pr[i] + hi[hrow + i] * pi[i];
            }
            kk *= b / 2;
            for (int i = k + 1; i < n; i++) {
                pr[i] -= kk * hr[hrow + i];
                pi[i] -= kk * hi[hrow + i];
            }
            // A22 ← A22 − v w^H − w v^H (lower triangle).
            for (int i = k + 1; i < n; i++) {
                int row = i * n;
                double vir = hr[hrow + i];
                double vii = hi[hrow + i];
                double wir = pr[i];
                double wii = pi[i];
                for (int j = k + 1; j <= i; j++) {
                    double vjr = hr[hrow + j];
                    double vji = hi[hrow + j];
                    double wjr = pr[j];
                    double wji = pi[j];
                    // v_i conj(w_j) + w_i conj(v_j)
                    ar[row + j] -= vir * wjr + vii * wji + wir * vjr + wii * vji;
                    ai[row + j] -= vii * wjr - vir * wji + wii * vjr - wir * vji;
                }
            }
            ar[(k + 1) * n + k] = -cr * alpha;
            ai[(k + 1) * n + k] = -ci * alpha;
        }
        // T's diagonal, |subdiagonal|, and the running phases d_{k+1} = d_k t_k / |t_k|.
        double dr = 1;
        double di = 0;
        for (int k = 0; k < n; k++) {
            d[k] = ar[k * n + k];
            phr[k] = dr;
            phi[k] = di;
            if (k + 1 < n) {
                double er = ar[(k + 1) * n + k];
                double ei = ai[(k + 1) * n + k];
                double mag = Math.sqrt(er * er + ei * ei);
                e[k] = mag;
                if (mag > 0) {
                    double ur = er / mag;
                    double ui = ei / mag;
                    double nr = dr * ur - di * ui;
                    di = dr * ui + di * ur;
                    dr = nr;
                }
            } else {
                e[k] = 0;
            }
        }
    }

    /**
     * Implicit QL with Wilkinson shifts on (d, e) (EISPACK tql2 without vectors), rotations logged. Kept apart from
     * {@link TridiagonalHermitianEigen}'s loop, which deflates against the neighbouring diagonal entries and forms the
     * rotation with two divisions: one loop for both would change one of them by rounding.
     */
    private void ql() {
        final double eps = 2.220446049250313e-16;
        rotCount = 0;
        // Deflation against the scale of the whole matrix (as EISPACK's tql2 with its running tst1), not of the two
        // neighbouring diagonal entries: an off-diagonal entry below ε‖T‖ changes no eigenvalue by more than the
        // reduction's own rounding, and a cluster of eigenvalues near zero then needs no sweeps into subnormal numbers.
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(d[i]) + Math.abs(e[i]));
        }
        double small = eps * norm;
        for (int l = 0; l < n; l++) {
            int iter = 0;
            while (true) {
                int m = l;
                while (m < n - 1) {
                    if (Math.abs(e[m]) <= small) {
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++iter > 60) {
                    throw new ArithmeticException("tridiagonal QL did not converge");
                }
                double g = (d[l + 1] - d[l]) / (2 * e[l]);
                double r = Math.sqrt(g * g + 1);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1;
                double c = 1;
                double p = 0;
                boolean underflow = false;
                for (int i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.sqrt(f * f + g * g);
                    e[i + 1] = r;
                    if (r == 0) {
                        d[i + 1] -= p;
                        e[m] = 0;
                        underflow = true;
                        break;
                    }
                    double ir = 1 / r;
                    s = f * ir;
                    c = g * ir;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    logRotation(i, c, s);
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0;
            }
        }
    }

    /** e², the Gershgorin bound of T_r and the pivot floor of the Sturm sweeps (LAPACK's pivmin). */
    private void prepareSturm() {
        double emax = 0;
        double g = 0;
        for (int i = 0; i < n; i++) {
            e2[i] = i + 1 < n ? e[i] * e[i] : 0;
            emax = Math.max(emax, e2[i]);
            double left = i > 0 ? e[i - 1] : 0;
            g = Math.max(g, Math.abs(d[i]) + left + (i + 1 < n ? e[i] : 0));
        }
        gnorm = Math.max(g, Double.MIN_NORMAL);
        pivmin = Double.MIN_NORMAL * Math.max(1, emax);
    }

    /** Number of eigenvalues of T_r below x (Sturm count). */
    private int countBelow(double x) {
        return SymmetricTridiagonal.countBelow(d, e2, n, x, pivmin);
    }

    /**
     * Eigenvalues first, …, first + count − 1 of T_r (ascending order) by bisection on the Sturm count, up to three
     * intervals halved side by side in one sweep over T_r (independent recurrences). They start from [0, g] for the positive
     * part and [−g, 0] for the negative one (g the Gershgorin bound) and are halved 53 times: each eigenvalue is then
     * within ε g of the truth, the accuracy of QL. The count is not {@link SymmetricTridiagonal#countBelow}'s: it
     * signs the leading minors (no division) where that one signs the pivots, and the two can disagree on an eigenvalue
     * within rounding of the midpoint, which would move the result.
     */
    private void bisect(int first, int count, boolean positivePart) {
        double lo0 = positivePart ? 0 : -gnorm;
        double hi0 = positivePart ? gnorm : 0;
        for (int t = 0; t < count; t++) {
            wantLo[t] = lo0;
            wantHi[t] = hi0;
        }
        for (int step = 0; step < 53; step++) {
            // Up to three intervals per sweep, in registers: their recurrences overlap (a missing third or second
            // interval repeats the first, at no cost in time, the sweep being bound by the latency of one recurrence).
            for (int t = 0; t < count; t += 3) {
                int more = Math.min(count - t, 3);
                double m0 = 0.5 * (wantLo[t] + wantHi[t]);
                double m1 = more > 1 ? 0.5 * (wantLo[t + 1] + wantHi[t + 1]) : m0;
                double m2 = more > 2 ? 0.5 * (wantLo[t + 2] + wantHi[t + 2]) : m0;
                int c0 = 0;
                int c1 = 0;
                int c2 = 0;
                // Leading principal minors p_i of T_r − xI, p_{−1} = 1: the eigenvalues below x are the sign changes
                // of the sequence (the negative pivots p_i / p_{i−1} of its LDLᵀ factorization). The three-term
                // recurrence p_{i+1} = (d_{i+1} − x) p_i − e_i² p_{i−1} has no division, so a sweep costs a
                // multiply-add per step; both terms are rescaled by an exact power of two when p_i leaves
                // [2^−200, 2^200]. An exact zero minor is replaced by a tiny one of the opposite sign to its
                // predecessor (a negative pivot, as in the LDLᵀ count).
                double a0 = 1;
                double b0 = d[0] - m0;
                double a1 = 1;
                double b1 = d[0] - m1;
                double a2 = 1;
                double b2 = d[0] - m2;
                for (int i = 0; ; i++) {
                    if (b0 == 0) {
                        b0 = -a0 * ZERO_MINOR;
                    }
                    if (b1 == 0) {
                        b1 = -a1 * ZERO_MINOR;
                    }
                    if (b2 == 0) {
                        b2 = -a2 * ZERO_MINOR;
                    }
                    c0 += (int) ((Double.doubleToRawLongBits(a0) ^ Double.doubleToRawLongBits(b0)) >>> 63);
                    c1 += (int) ((Double.doubleToRawLongBits(a1) ^ Double.doubleToRawLongBits(b1)) >>> 63);
                    c2 += (int) ((Double.doubleToRawLongBits(a2) ^ Double.doubleToRawLongBits(b2)) >>> 63);
                    if (i + 1 == n) {
                        break;
                    }
                    double di = d[i + 1];
                    double ei = e2[i];
                    double n0 = (di - m0) * b0 - ei * a0;
                    double n1 = (di - m1) * b1 - ei * a1;
                    double n2 = (di - m2) * b2 - ei * a2;
                    a0 = b0;
                    b0 = n0;
                    a1 = b1;
                    b1 = n1;
                    a2 = b2;
                    b2 = n2;
                    double g0 = Math.abs(b0);
                    if (g0 > MINOR_BIG || g0 < MINOR_SMALL) {
                        double f = g0 > MINOR_BIG ? MINOR_SMALL : MINOR_BIG;
                        a0 *= f;
                        b0 *= f;
                    }
                    double g1 = Math.abs(b1);
                    if (g1 > MINOR_BIG || g1 < MINOR_SMALL) {
                        double f = g1 > MINOR_BIG ? MINOR_SMALL : MINOR_BIG;
                        a1 *= f;
                        b1 *= f;
                    }
                    double g2 = Math.abs(b2);
                    if (g2 > MINOR_BIG || g2 < MINOR_SMALL) {
                        double f = g2 > MINOR_BIG ? MINOR_SMALL : MINOR_BIG;
                        a2 *= f;
                        b2 *= f;
                    }
                }
                if (c0 > first + t) {
                    wantHi[t] = m0;
                } else {
                    wantLo[t] = m0;
                }
                if (more > 1) {
                    if (c1 > first + t + 1) {
                        wantHi[t + 1] = m1;
                    } else {
                        wantLo[t + 1] = m1;
                    }
                }
                if (more > 2) {
                    if (c2 > first + t + 2) {
                        wantHi[t + 2] = m2;
                    } else {
                        wantLo[t + 2] = m2;
                    }
                }
            }
        }
        for (int t = 0; t < count; t++) {
            wantLambda[t] = 0.5 * (wantLo[t] + wantHi[t]);
        }
    }

    /**
     * Unit eigenvector of T_r for wantLambda[t] by inverse iteration (as LAPACK's stein): T_r − λI factored once by
     * Gaussian elimination with partial pivoting, pivots below ε g raised to ε g, three solves from a fixed start
     * vector, each result orthogonalized against the vectors already found for eigenvalues within 10⁻³ g (a cluster,
     * so that repeated eigenvalues get orthonormal vectors) and normalized.
     */
    private void inverseIteration(int t) {
        double lam = wantLambda[t];
        double tiny = EPS * gnorm;
        // LU of the tridiagonal with rows swapped when the subdiagonal entry is the larger: U has two superdiagonals.
        for (int i = 0; i < n; i++) {
            luD[i] = d[i] - lam;
            luU1[i] = i + 1 < n ? e[i] : 0;
            luU2[i] = 0;
            luL[i] = i + 1 < n ? e[i] : 0;
            luSwap[i] = false;
        }
        for (int i = 0; i + 1 < n; i++) {
            if (Math.abs(luD[i]) >= Math.abs(luL[i])) {
                double fact = luD[i] == 0 ? 0 : luL[i] / luD[i];
                luL[i] = fact;
                luD[i + 1] -= fact * luU1[i];
            } else {
                double fact = luD[i] / luL[i];
                luD[i] = luL[i];
                luL[i] = fact;
                double temp = luU1[i];
                luU1[i] = luD[i + 1];
                luD[i + 1] = temp - fact * luD[i + 1];
                if (i + 2 < n) {
                    luU2[i] = luU1[i + 1];
                    luU1[i + 1] = -fact * luU1[i + 1];
                }
                luSwap[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs(luD[i]) < tiny) {
                luD[i] = luD[i] < 0 ? -tiny : tiny;
            }
        }
        double[] x = wantVector[t];
        // A fixed start vector with no special direction (a Weyl sequence in (0.5, 1.5)).
        for (int i = 0; i < n; i++) {
            double frac = (i + 1) * 0.6180339887498949 + t * 0.4142135623730950;
            x[i] = 0.5 + (frac - Math.floor(frac));
        }
        for (int it = 0; it < 3; it++) {
            for (int i = 0; i + 1 < n; i++) {
                if (luSwap[i]) {
                    double temp = x[i];
                    x[i] = x[i + 1];
                    x[i + 1] = temp - luL[i] * x[i];
                } else {
                    x[i + 1] -= luL[i] * x[i];
                }
            }
            x[n - 1] /= luD[n - 1];
            if (n > 1) {
                x[n - 2] = (x[n - 2] - luU1[n - 2] * x[n - 1]) / luD[n - 2];
            }
            for (int i = n - 3; i >= 0; i--) {
                x[i] = (x[i] - luU1[i] * x[i + 1] - luU2[i] * x[i + 2]) / luD[i];
            }
            for (int s = 0; s < t; s++) {
                if (Math.abs(wantLambda[s] - lam) <= 1e-3 * gnorm) {
                    double[] y = wantVector[s];
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += y[i] * x[i];
                    }
                    for (int i = 0; i < n; i++) {
                        x[i] -= dot * y[i];
                    }
                }
            }
            double big = 0;
            for (int i = 0; i < n; i++) {
                big = Math.max(big, Math.abs(x[i]));
            }
            double nn = 0;
            for (int i = 0; i < n; i++) {
                x[i] /= big;
                nn += x[i] * x[i];
            }
            double inv = 1 / Math.sqrt(nn);
            for (int i = 0; i < n; i++) {
                x[i] *= inv;
            }
        }
    }

    private void logRotation(int i, double c, double s) {
        if (rotCount == rotIndex.length) {
            int cap = 2 * rotIndex.length;
            rotIndex = Arrays.copyOf(rotIndex, cap);
            rotC = Arrays.copyOf(rotC, cap);
            rotS = Arrays.copyOf(rotS, cap);
        }
        rotIndex[rotCount] = i;
        rotC[rotCount] = c;
        rotS[rotCount] = s;
        rotCount++;
    }

    /** (xr, xi) = unit eigenvector of A for the QL eigenvalue d[j]: w = G_1⋯G_m e_j, then v = Q D w. */
    private void eigenvector(int j) {
        Arrays.fill(w, 0);
        w[j] = 1;
        // Rotation (i, c, s) replaces columns i, i+1 by (c z_i − s z_{i+1}, s z_i + c z_{i+1}); applied to a vector
        // from the left that is x_i ← c x_i + s x_{i+1}, x_{i+1} ← −s x_i + c x_{i+1}, last rotation first.
        for (int r = rotCount - 1; r >= 0; r--) {
            int i = rotIndex[r];
            double c = rotC[r];
            double s = rotS[r];
            double a0 = w[i];
            double a1 = w[i + 1];
            w[i] = c * a0 + s * a1;
            w[i + 1] = c * a1 - s * a0;
        }
        backTransform();
    }

    /** {@link #backTransform} for two vectors of T_r at once: (xr, xi) from w0, (yr, yi) from w1. */
    private void backTransformPair(double[] w0, double[] w1) {
        for (int i = 0; i < n; i++) {
            xr[i] = phr[i] * w0[i];
            xi[i] = phi[i] * w0[i];
            yr[i] = phr[i] * w1[i];
            yi[i] = phi[i] * w1[i];
        }
        for (int k = n - 3; k >= 0; k--) {
            double b = beta[k];
            if (b == 0) {
                continue;
            }
            int hrow = k * n;
            double sr = 0;
            double si = 0;
            double tr = 0;
            double ti = 0;
            for (int i = k + 1; i < n; i++) {
                double vr = hr[hrow + i];
                double vi = hi[hrow + i];
                sr += vr * xr[i] + vi * xi[i];
                si += vr * xi[i] - vi * xr[i];
                tr += vr * yr[i] + vi * yi[i];
                ti += vr * yi[i] - vi * yr[i];
            }
            sr *= b;
            si *= b;
            tr *= b;
            ti *= b;
            for (int i = k + 1; i < n; i++) {
                double vr = hr[hrow + i];
                double vi = hi[hrow + i];
                xr[i] -= vr * sr - vi * si;
                xi[i] -= vr * si + vi * sr;
                yr[i] -= vr * tr - vi * ti;
                yi[i] -= vr * ti + vi * tr;
            }
        }
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < n; i++) {
            nx += xr[i] * xr[i] + xi[i] * xi[i];
            ny += yr[i] * yr[i] + yi[i] * yi[i];
        }
        double ix = 1 / Math.sqrt(nx);
        double iy = 1 / Math.sqrt(ny);
        for (int i = 0; i < n; i++) {
            xr[i] *= ix;
            xi[i] *= ix;
            yr[i] *= iy;
            yi[i] *= iy;
        }
    }

    /** (xr, xi) = unit eigenvector of A from the eigenvector w of T_r: v = Q D w. */
    private void backTransform() {
        for (int i = 0; i < n; i++) {
            xr[i] = phr[i] * w[i];
            xi[i] = phi[i] * w[i];
        }
        // Q = H_0 H_1 ⋯ H_{n−3}: apply the last reflector first, H x = x − β v (v^H x).
        for (int k = n - 3; k >= 0; k--) {
            double b = beta[k];
            if (b == 0) {
                continue;
            }
            int hrow = k * n;
            double sr = 0;
            double si = 0;
            for (int i = k + 1; i < n; i++) {
                double vr = hr[hrow + i];
                double vi = hi[hrow + i];
                // conj(v_i) x_i
                sr += vr * xr[i] + vi * xi[i];
                si += vr * xi[i] - vi * xr[i];
            }
            sr *= b;
            si *= b;
            for (int i = k + 1; i < n; i++) {
                double vr = hr[hrow + i];
                double vi = hi[hrow + i];
                xr[i] -= vr * sr - vi * si;
                xi[i] -= vr * si + vi * sr;
            }
        }
        // The rotations and reflectors are unitary: renormalize only against rounding drift.
        double nn = 0;
        for (int i = 0; i < n; i++) {
            nn += xr[i] * xr[i] + xi[i] * xi[i];
        }
        double inv = 1 / Math.sqrt(nn);
        for (int i = 0; i < n; i++) {
            xr[i] *= inv;
            xi[i] *= inv;
        }
    }
}
