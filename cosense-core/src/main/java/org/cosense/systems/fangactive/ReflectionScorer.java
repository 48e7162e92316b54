package org.cosense.systems.fangactive;

import org.cosense.math.Complex;
import org.cosense.math.ComplexLinalg;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * Prop. 1 / Prop. 2 and the IRS powers (8) / (34) for many reflections ψ at one fixed R_s — the
 * Gaussian-randomization loop of the Psi-step (3.11.4) scores Q = 1000 candidates per call.
 *
 * <h2>Reduction</h2>
 * With V = [u, u_θ, u_φ] = G^T D A (M×3; D = diag ψ, A = [a, a_θ, a_φ] of the reflecting array) every
 * matrix of the FIMs is a congruence of a fixed 3×3 pattern: C_θ = V E_θ V^T, C_φ = V E_φ V^T,
 * H = V E_h V^T with E_θ = e_1e_0^T + e_0e_1^T, E_φ = e_2e_0^T + e_0e_2^T, E_h = e_0e_0^T (and at the IRS
 * sensors C̄_r = Σ E_r V^T, H̄ = Σ E_h V^T, Σ = [ā, ǡ_θ, ǡ_φ]), so
 * <pre>
 *   tr(C_r^H W C_v R_s) = tr(E_r Γ_W E_v Γ_R),   Γ_R = V^T R_s V^* = B^T K B^*,  B = D A,  K = G R_s G^H (N×N, fixed),
 *   at the BS:   Γ_W = V^H W V = σ_r^{-2} (S B')^H … = σ_r^{-2} A^H S (c I + S)^{-1} A,  S = D^H J D,  J = G^* G^T,  c = σ_b^2/σ_r^2
 *                (Woodbury on W = (σ_r^2 P P^H + σ_b^2 I)^{-1}, P = G^T D; σ_r = 0: Γ_W = A^H S A / σ_b^2),
 *   at the IRSs: Γ_W̄ = Σ^H W̄ Σ = (Σ^H Σ − κ (Σ^H ā)(Σ^H ā)^H)/σ_s^2,  κ = c̄/γ (Sherman–Morrison, 3.7),
 *                and the covariance part tr(W̄ B̄_r W̄ B̄_v) = tr(E_r Γ_W̄ E_v Γ_W̄) (B̄_r = Σ E_r Σ^H, D̄ = Σ E_h Σ^H).
 * </pre>
 * Cost per ψ: O(N^2) plus one N×N Cholesky at the BS, instead of a dozen M×M complex products and an
 * inverse. The powers: (34) = Σ_n |ψ_n|^2 K_nn + σ_r^2 ‖ψ‖^2; (8) adds the echo terms with
 * T = Ψ E Ψ = β t t^T, t = ψ ∘ a: |β|^2 (t^T K t^*) ‖t‖^2 + σ_r^2 |β|^2 ‖t‖^4 + σ_r^2 ‖ψ‖^2.
 * Equal to {@link SensingMode#fim}/{@link SensingMode#irsPower} to rounding (tested).
 */
public abstract sealed class ReflectionScorer permits ReflectionScorer.AtBs, ReflectionScorer.AtIrs {
    final IrsSlot slot;
    final int n;
    final double[] k;   // K = G R G^H, N×N interleaved
    final double[] a;   // A, N×3 interleaved (row-major)
    private final double[] st;  // steering a_l (for t = ψ ∘ a)

    /** Use {@link SensingMode#scorer}: the receiver-specific parts are the subclasses'. */
    private ReflectionScorer(IrsSlot slot, ZMatrixRMaj rs) {
        SensingAtBs.requireCovariance(slot, rs);
        this.slot = slot;
        this.n = slot.n();
        ZMatrixRMaj g = slot.channel();
        this.k = ComplexLinalg.mult(ComplexLinalg.mult(g, rs), ComplexLinalg.conjugateTranspose(g)).data.clone();
        AngleUpaParts ar = AngleUpaParts.of(slot.reflector(), slot.theta(), slot.phi());
        this.a = columns(ar);
        this.st = slot.steering();
    }

    /** Γ_W (3×3 interleaved) of the receiver at ψ, tr Θ = tt. */
    abstract double[] gammaW(double[] psi, double tt);

    /** Adds the receiver's covariance part of the FIM (none at the BS). */
    void addCovariancePart(DMatrixRMaj f, double[] gw, double tt) {
    }

    /** The IRS power (8) at the BS or (34) at the IRSs, as {@link SensingMode#irsPower}. */
    public abstract double irsPower(double[] psi);

    /** B of P(s ψ) = A s^4 + B s^2: the terms quadratic in a common scale s. */
    public abstract double quadraticPower(double[] psi);

    /** A of P(s ψ) = A s^4 + B s^2: the echo re-amplification terms, quartic in s (0 at the IRSs). */
    public abstract double quarticPower(double[] psi);

    static double[] columns(AngleUpaParts p) {
        int n = p.a().numRows;
        double[] out = new double[6 * n];
        ZMatrixRMaj[] c = {p.a(), p.aTheta(), p.aPhi()};
        for (int r = 0; r < n; r++) {
            for (int q = 0; q < 3; q++) {
                out[2 * (3 * r + q)] = c[q].getReal(r, 0);
                out[2 * (3 * r + q) + 1] = c[q].getImag(r, 0);
            }
        }
        return out;
    }

    /** sigma_r^2 of the slot. */
    public double irsNoise() {
        return slot.irsNoise();
    }

    /** tr(F^{-1}) (+∞ when singular), as {@link SensingMode#crb}. */
    public double crb(double[] psi) {
        return FangBounds.traceCrb(fim(psi));
    }

    /**
     * CRB_l of {@code psis[0 .. count-1]}, each bit for bit {@link #crb} of that reflection: Γ_R and Γ_W of many
     * reflections are formed together ({@link ReflectionBatch}, [fangactive S3.15.11]).
     */
    public double[] crbs(double[][] psis, int count) {
        return new ReflectionBatch(this).crbs(psis, count);
    }

    /** The 4×4 FIM of {@link SensingMode#fim}. */
    public DMatrixRMaj fim(double[] psi) {
        SensingAtBs.requirePsi(slot, psi);
        double[] gr = gammaR(psi);
        double tt = ComplexLinalg.squaredNorm(psi);
        double[] gw = gammaW(psi, tt);
        return fim(gr, gw, tt);
    }

    /** The FIM from Γ_R, Γ_W (3×3 interleaved) and tr Θ = tt. */
    DMatrixRMaj fim(double[] gr, double[] gw, double tt) {
        double t = slot.snapshots();
        double f2 = 2 * t;
        Complex beta = slot.beta();
        double b2 = beta.abs2();
        DMatrixRMaj f = new DMatrixRMaj(4, 4);
        int[][] e = {{1, 0}, {2, 0}, {0, 0}}; // E_θ, E_φ, E_h as index pairs (p, q): e_p e_q^T (+ transpose if p ≠ q)
        for (int r = 0; r < 2; r++) {
            for (int v = r; v < 2; v++) {
                double x = f2 * b2 * pattern(e[r], gw, e[v], gr)[0];
                f.set(r, v, x);
                f.set(v, r, x);
            }
            double[] q = pattern(e[r], gw, e[2], gr);
            Complex bq = beta.conj().times(new Complex(q[0], q[1]));
            f.set(r, 2, f2 * bq.re());
            f.set(r, 3, -f2 * bq.im());
            f.set(2, r, f.get(r, 2));
            f.set(3, r, f.get(r, 3));
        }
        double bb = f2 * pattern(e[2], gw, e[2], gr)[0];
        f.set(2, 2, bb);
        f.set(3, 3, bb);
        addCovariancePart(f, gw, tt);
        return f;
    }

    /** Σ_n |ψ_n|^2 K_nn = tr(Ψ G R G^H Ψ^H): the first-pass signal power (quadratic in a common scale). */
    public double firstPassPower(double[] psi) {
        double p = 0;
        for (int i = 0; i < n; i++) {
            p += (psi[2 * i] * psi[2 * i] + psi[2 * i + 1] * psi[2 * i + 1]) * k[2 * (n * i + i)];
        }
        return p;
    }

    /** The echo re-amplification terms of (8) (quartic in a common scale; sensing at the BS only). */
    public double echoPower(double[] psi) {
        double[] t = new double[2 * n];
        double tn = 0;
        for (int i = 0; i < n; i++) {
            double re = psi[2 * i] * st[2 * i] - psi[2 * i + 1] * st[2 * i + 1];
            double im = psi[2 * i] * st[2 * i + 1] + psi[2 * i + 1] * st[2 * i];
            t[2 * i] = re;
            t[2 * i + 1] = im;
            tn += re * re + im * im;
        }
        // t^T K t^* = Σ_ij t_i K_ij conj(t_j)
        double q = 0;
        for (int i = 0; i < n; i++) {
            double sr = 0;
            double si = 0;
            for (int c = 0; c < n; c++) {
                double kr = k[2 * (n * i + c)];
                double ki = k[2 * (n * i + c) + 1];
                // K_ic conj(t_c)
                sr += kr * t[2 * c] + ki * t[2 * c + 1];
                si += ki * t[2 * c] - kr * t[2 * c + 1];
            }
            q += t[2 * i] * sr - t[2 * i + 1] * si;
        }
        double b2 = slot.beta().abs2();
        return b2 * q * tn + slot.irsNoise() * b2 * tn * tn;
    }

    /** Γ_R = B^T K B^*, B = D A (3×3 interleaved). */
    private double[] gammaR(double[] psi) {
        double[] b = scaledColumns(psi);
        // KB* (N×3): Σ_c K_ic conj(B_cq), each entry summed over c in order
        double[] kb = new double[6 * n];
        for (int i = 0; i < n; i++) {
            int row = 2 * n * i;
            double r0 = 0;
            double i0 = 0;
            double r1 = 0;
            double i1 = 0;
            double r2 = 0;
            double i2 = 0;
            for (int c = 0; c < n; c++) {
                double kr = k[row + 2 * c];
                double ki = k[row + 2 * c + 1];
                int bc = 6 * c;
                double br = b[bc];
                double bi = -b[bc + 1];
                r0 += kr * br - ki * bi;
                i0 += kr * bi + ki * br;
                br = b[bc + 2];
                bi = -b[bc + 3];
                r1 += kr * br - ki * bi;
                i1 += kr * bi + ki * br;
                br = b[bc + 4];
                bi = -b[bc + 5];
                r2 += kr * br - ki * bi;
                i2 += kr * bi + ki * br;
            }
            int o = 6 * i;
            kb[o] = r0;
            kb[o + 1] = i0;
            kb[o + 2] = r1;
            kb[o + 3] = i1;
            kb[o + 4] = r2;
            kb[o + 5] = i2;
        }
        return gramOfConjugate(b, kb, n); // B^T (K B^*) = (B^*)^H (K B^*)
    }

    /** (U^*)^H V = U^T V for two rows×3 interleaved matrices: {@link #gram} of the conjugate of U at scale 1. */
    private static double[] gramOfConjugate(double[] u, double[] v, int rows) {
        double[] g = new double[18];
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < rows; i++) {
                    double ur = u[2 * (3 * i + p)];
                    double ui = -u[2 * (3 * i + p) + 1];
                    double vr = v[2 * (3 * i + q)];
                    double vi = v[2 * (3 * i + q) + 1];
                    re += ur * vr + ui * vi;
                    im += ur * vi - ui * vr;
                }
                g[2 * (3 * p + q)] = re;
                g[2 * (3 * p + q) + 1] = im;
            }
        }
        return g;
    }

    /** B = D A. */
    private double[] scaledColumns(double[] psi) {
        double[] b = new double[6 * n];
        for (int i = 0; i < n; i++) {
            double pr = psi[2 * i];
            double pi = psi[2 * i + 1];
            for (int q = 0; q < 3; q++) {
                double ar = a[2 * (3 * i + q)];
                double ai = a[2 * (3 * i + q) + 1];
                b[2 * (3 * i + q)] = pr * ar - pi * ai;
                b[2 * (3 * i + q) + 1] = pr * ai + pi * ar;
            }
        }
        return b;
    }

    /** scale · U^H V for two rows×3 interleaved matrices (3×3 interleaved). */
    static double[] gram(double[] u, double[] v, int rows, double scale) {
        double[] g = new double[18];
        for (int p = 0; p < 3; p++) {
            for (int q = 0; q < 3; q++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < rows; i++) {
                    double ur = u[2 * (3 * i + p)];
                    double ui = u[2 * (3 * i + p) + 1];
                    double vr = v[2 * (3 * i + q)];
                    double vi = v[2 * (3 * i + q) + 1];
                    re += ur * vr + ui * vi;
                    im += ur * vi - ui * vr;
                }
                g[2 * (3 * p + q)] = re * scale;
                g[2 * (3 * p + q) + 1] = im * scale;
            }
        }
        return g;
    }

    /**
     * tr(E_x Γ1 E_y Γ2) for the symmetric patterns E = e_p e_q^T + e_q e_p^T (p ≠ q) or e_p e_p^T, as
     * {re, im}: a sum of ≤ 4 products of entries.
     */
    private static double[] pattern(int[] ex, double[] g1, int[] ey, double[] g2) {
        int[][] xs = terms(ex);
        int[][] ys = terms(ey);
        double re = 0;
        double im = 0;
        // tr(e_a e_b^T Γ1 e_c e_d^T Γ2) = Γ1[b][c] Γ2[d][a]
        for (int[] x : xs) {
            for (int[] y : ys) {
                double ar = g1[2 * (3 * x[1] + y[0])];
                double ai = g1[2 * (3 * x[1] + y[0]) + 1];
                double br = g2[2 * (3 * y[1] + x[0])];
                double bi = g2[2 * (3 * y[1] + x[0]) + 1];
                re += ar * br - ai * bi;
                im += ar * bi + ai * br;
            }
        }
        return new double[] {re, im};
    }

    private static int[][] terms(int[] e) {
        return e[0] == e[1] ? new int[][] {{e[0], e[0]}} : new int[][] {{e[0], e[1]}, {e[1], e[0]}};
    }

    /**
     * Solves H X = B for Hermitian positive definite H (n×n, destroyed) and B (n×r), interleaved. The r columns go
     * through each substitution together (one pass over L for all of them); each column's arithmetic is that of its own
     * substitution, so the result is bit-identical to solving column by column ([fangactive S3.15.9]).
     */
    static double[] choleskySolve(double[] h, double[] b, int n, int r) {
        // H = L L^H, L lower, stored in h
        for (int c = 0; c < n; c++) {
            int rc = 2 * n * c;
            double d = h[rc + 2 * c];
            for (int q = 0; q < c; q++) {
                d -= h[rc + 2 * q] * h[rc + 2 * q] + h[rc + 2 * q + 1] * h[rc + 2 * q + 1];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix not positive definite");
            }
            double l = Math.sqrt(d);
            h[rc + 2 * c] = l;
            h[rc + 2 * c + 1] = 0;
            for (int i = c + 1; i < n; i++) {
                int ri = 2 * n * i;
                double re = h[ri + 2 * c];
                double im = h[ri + 2 * c + 1];
                for (int q = 0; q < c; q++) {
                    // L_iq conj(L_cq)
                    double xr = h[ri + 2 * q];
                    double xi = h[ri + 2 * q + 1];
                    double yr = h[rc + 2 * q];
                    double yi = -h[rc + 2 * q + 1];
                    re -= xr * yr - xi * yi;
                    im -= xr * yi + xi * yr;
                }
                h[ri + 2 * c] = re / l;
                h[ri + 2 * c + 1] = im / l;
            }
        }
        double[] re = new double[r];
        double[] im = new double[r];
        // forward: L Y = B
        for (int i = 0; i < n; i++) {
            int ri = 2 * n * i;
            for (int col = 0; col < r; col++) {
                re[col] = b[2 * (r * i + col)];
                im[col] = b[2 * (r * i + col) + 1];
            }
            for (int q = 0; q < i; q++) {
                double lr = h[ri + 2 * q];
                double li = h[ri + 2 * q + 1];
                for (int col = 0; col < r; col++) {
                    double yr = b[2 * (r * q + col)];
                    double yi = b[2 * (r * q + col) + 1];
                    re[col] -= lr * yr - li * yi;
                    im[col] -= lr * yi + li * yr;
                }
            }
            double l = h[ri + 2 * i];
            for (int col = 0; col < r; col++) {
                b[2 * (r * i + col)] = re[col] / l;
                b[2 * (r * i + col) + 1] = im[col] / l;
            }
        }
        // backward: L^H X = Y
        for (int i = n - 1; i >= 0; i--) {
            for (int col = 0; col < r; col++) {
                re[col] = b[2 * (r * i + col)];
                im[col] = b[2 * (r * i + col) + 1];
            }
            for (int q = i + 1; q < n; q++) {
                // (L^H)_iq = conj(L_qi)
                double lr = h[2 * (n * q + i)];
                double li = -h[2 * (n * q + i) + 1];
                for (int col = 0; col < r; col++) {
                    double yr = b[2 * (r * q + col)];
                    double yi = b[2 * (r * q + col) + 1];
                    re[col] -= lr * yr - li * yi;
                    im[col] -= lr * yi + li * yr;
                }
            }
            double l = h[2 * (n * i + i)];
            for (int col = 0; col < r; col++) {
                b[2 * (r * i + col)] = re[col] / l;
                b[2 * (r * i + col) + 1] = im[col] / l;
            }
        }
        return b;
    }

    /** Sensing at the BS: Γ_W by Woodbury, the echo terms in the power. */
    static final class AtBs extends ReflectionScorer {
        final double[] j;   // J = G^* G^T, N×N interleaved

        AtBs(IrsSlot slot, ZMatrixRMaj rs) {
            super(slot, rs);
            ZMatrixRMaj g = slot.channel();
            this.j = ComplexLinalg.mult(conj(g), CommonOps_ZDRM.transpose(g, null)).data.clone();
        }

        @Override
        public double irsPower(double[] psi) {
            double first = firstPassPower(psi) + slot.irsNoise() * ComplexLinalg.squaredNorm(psi);
            return first + echoPower(psi) + slot.irsNoise() * ComplexLinalg.squaredNorm(psi);
        }

        @Override
        public double quadraticPower(double[] psi) {
            double b = firstPassPower(psi) + slot.irsNoise() * ComplexLinalg.squaredNorm(psi);
            return b + slot.irsNoise() * ComplexLinalg.squaredNorm(psi);
        }

        @Override
        public double quarticPower(double[] psi) {
            return Math.max(0, echoPower(psi));
        }

        /** Γ_W at the BS: σ_r^{-2} A^H S (cI + S)^{-1} A with S = D^H J D (σ_r = 0: A^H S A / σ_b^2). */
        @Override
        double[] gammaW(double[] psi, double tt) {
            double sr = slot.irsNoise();
            double sb = slot.bsNoise();
            // S_ij = conj(ψ_i) J_ij ψ_j and SA (N×3) with it, row by row (each SA entry summed over j in order)
            double[] s = new double[2 * n * n];
            double[] sa = new double[6 * n];
            for (int i = 0; i < n; i++) {
                double pr = psi[2 * i];
                double pi = -psi[2 * i + 1];
                int row = 2 * n * i;
                double r0 = 0;
                double i0 = 0;
                double r1 = 0;
                double i1 = 0;
                double r2 = 0;
                double i2 = 0;
                for (int c = 0; c < n; c++) {
                    double jr = j[row + 2 * c];
                    double ji = j[row + 2 * c + 1];
                    double xr = pr * jr - pi * ji;
                    double xi = pr * ji + pi * jr;
                    double qr = psi[2 * c];
                    double qi = psi[2 * c + 1];
                    double er = xr * qr - xi * qi;
                    double ei = xr * qi + xi * qr;
                    s[row + 2 * c] = er;
                    s[row + 2 * c + 1] = ei;
                    int ac = 6 * c;
                    r0 += er * a[ac] - ei * a[ac + 1];
                    i0 += er * a[ac + 1] + ei * a[ac];
                    r1 += er * a[ac + 2] - ei * a[ac + 3];
                    i1 += er * a[ac + 3] + ei * a[ac + 2];
                    r2 += er * a[ac + 4] - ei * a[ac + 5];
                    i2 += er * a[ac + 5] + ei * a[ac + 4];
                }
                int o = 6 * i;
                sa[o] = r0;
                sa[o + 1] = i0;
                sa[o + 2] = r1;
                sa[o + 3] = i1;
                sa[o + 4] = r2;
                sa[o + 5] = i2;
            }
            double[] x;
            double scale;
            if (sr == 0) {
                x = a; // Γ = A^H S A / σ_b^2 = (SA)^H A / σ_b^2
                scale = 1 / sb;
            } else {
                double c = sb / sr;
                for (int i = 0; i < n; i++) {
                    s[2 * (n * i + i)] += c;
                }
                x = choleskySolve(s, a.clone(), n, 3);
                scale = 1 / sr;
            }
            return gram(sa, x, n, scale); // Γ = (SA)^H X · scale
        }
    }

    /** Sensing at the IRSs: Γ_W̄ by Sherman–Morrison and the covariance part of Prop. 2. */
    static final class AtIrs extends ReflectionScorer {
        private final double[] sigmaGram;  // Σ^H Σ, 3×3
        private final double[] sigmaA;     // Σ^H ā, 3

        AtIrs(IrsSlot slot, ZMatrixRMaj rs) {
            super(slot, rs);
            slot.requireSensors();
            AngleUpaParts sb = AngleUpaParts.of(slot.sensors(), slot.theta(), slot.phi());
            double[] s = columns(sb);
            sigmaGram = gram(s, s, slot.nBar(), 1);
            sigmaA = new double[6];
            for (int p = 0; p < 3; p++) {
                sigmaA[2 * p] = sigmaGram[2 * (3 * p)];
                sigmaA[2 * p + 1] = sigmaGram[2 * (3 * p) + 1];
            }
        }

        @Override
        public double irsPower(double[] psi) {
            return firstPassPower(psi) + slot.irsNoise() * ComplexLinalg.squaredNorm(psi);
        }

        @Override
        public double quadraticPower(double[] psi) {
            return irsPower(psi);
        }

        @Override
        public double quarticPower(double[] psi) {
            return 0;
        }

        @Override
        void addCovariancePart(DMatrixRMaj f, double[] gw, double tt) {
            double t = slot.snapshots();
            Complex beta = slot.beta();
            double b2 = beta.abs2();
            int[][] e = {{1, 0}, {2, 0}, {0, 0}};
            if (slot.irsNoise() > 0) {
                // covariance part (corrected factors 1, 2, 4; [fangactive E3])
                double s4 = slot.irsNoise() * slot.irsNoise() * tt * tt;
                double[] br = {beta.re(), beta.im()};
                for (int r = 0; r < 2; r++) {
                    for (int v = 0; v < 2; v++) {
                        f.add(r, v, t * s4 * b2 * b2 * pattern(e[r], gw, e[v], gw)[0]);
                    }
                    double bd = 2 * t * s4 * b2 * pattern(e[r], gw, e[2], gw)[0];
                    for (int i = 0; i < 2; i++) {
                        f.add(r, 2 + i, bd * br[i]);
                        f.add(2 + i, r, bd * br[i]);
                    }
                }
                double dd = 4 * t * s4 * pattern(e[2], gw, e[2], gw)[0];
                for (int i = 0; i < 2; i++) {
                    for (int q = 0; q < 2; q++) {
                        f.add(2 + i, 2 + q, dd * br[i] * br[q]);
                    }
                }
            }
        }

        /** Γ_W̄ = (Σ^H Σ − κ (Σ^H ā)(Σ^H ā)^H)/σ_s^2 at tr Θ = tt. */
        @Override
        double[] gammaW(double[] psi, double tt) {
            double c = slot.irsNoise() * slot.beta().abs2() * tt;
            double kappa = c / (slot.sensorNoise() + c * slot.nBar());
            double[] g = new double[18];
            for (int p = 0; p < 3; p++) {
                for (int q = 0; q < 3; q++) {
                    // (Σ^H ā)_p conj((Σ^H ā)_q)
                    double ur = sigmaA[2 * p];
                    double ui = sigmaA[2 * p + 1];
                    double vr = sigmaA[2 * q];
                    double vi = -sigmaA[2 * q + 1];
                    double re = ur * vr - ui * vi;
                    double im = ur * vi + ui * vr;
                    g[2 * (3 * p + q)] = (sigmaGram[2 * (3 * p + q)] - kappa * re) / slot.sensorNoise();
                    g[2 * (3 * p + q) + 1] = (sigmaGram[2 * (3 * p + q) + 1] - kappa * im) / slot.sensorNoise();
                }
            }
            return g;
        }
    }

    private static ZMatrixRMaj conj(ZMatrixRMaj g) {
        ZMatrixRMaj o = g.copy();
        for (int i = 1; i < o.getDataLength(); i += 2) {
            o.data[i] = -o.data[i];
        }
        return o;
    }
}
