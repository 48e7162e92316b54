package org.cosense.optim;

import static org.cosense.math.ComplexLinalg.add;
import static org.cosense.math.ComplexLinalg.conjugateTranspose;
import static org.cosense.math.ComplexLinalg.mult;
import static org.cosense.math.ComplexLinalg.scale;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * The R-step instances RS-A and RS-B of the fangactive spec (section 7): the FIM matrices
 * M_pq (3.5.2 sensing at BS, 3.7 sensing at IRSs), F̄₀, the IRS power K_l, c_l, and the R-step
 * program (3.10) written with the builder. Test-only: the system package will own the real
 * model; this is an independent transcription of the spec's formulas for the solver tests.
 */
final class FangRStep {
    static final int M = 4;
    static final int NV = 2;
    static final int NH = 2;
    static final int N = NV * NH;
    static final int L = 2;
    static final double D = 0.5;   // d/lambda for every array
    static final double G0 = 0.6180339887498949;
    static final double[][] BETA = {{0.5 * Math.cos(0.3), 0.5 * Math.sin(0.3)},
        {0.4 * Math.cos(-1.1), 0.4 * Math.sin(-1.1)}};
    static final double[][] TARGET = {{1.2, 0.9}, {1.0, 2.0}};
    static final double[][] BS_SEEN = {{1.4, 2.5}, {1.3, 2.8}};
    static final double[] COS_OMEGA = {-0.45, -0.25};
    static final double[] GAIN = {1.0, 0.7};

    /** Per-IRS data of the R-step: F(R) = F₀ + [tr(M_pq R)], IRS power tr(K R) + c. */
    record Irs(ZMatrixRMaj[][] mpq, DMatrixRMaj f0, ZMatrixRMaj k, double c, double betaAbs) {
        DMatrixRMaj fim(ZMatrixRMaj r) {
            DMatrixRMaj f = f0.copy();
            for (int p = 0; p < 4; p++) {
                for (int q = 0; q < 4; q++) {
                    f.add(p, q, reTrace(mult(mpq[p][q], r)));
                }
            }
            return f;
        }
    }

    private FangRStep() {
    }

    // ------------------------------------------------------------------ arrays

    static ZMatrixRMaj upa(double theta, double phi) {
        ZMatrixRMaj a = new ZMatrixRMaj(N, 1);
        for (int nv = 0; nv < NV; nv++) {
            for (int nh = 0; nh < NH; nh++) {
                double ph = 2 * Math.PI * D * (nv * Math.cos(theta) + nh * Math.sin(theta) * Math.cos(phi));
                a.set(nv * NH + nh, 0, Math.cos(ph), Math.sin(ph));
            }
        }
        return a;
    }

    /** da/dtheta (which = 0) or da/dphi (which = 1), spec 2.3 (50)-(51). */
    static ZMatrixRMaj upaDerivative(double theta, double phi, int which) {
        ZMatrixRMaj a = upa(theta, phi);
        ZMatrixRMaj d = new ZMatrixRMaj(N, 1);
        for (int nv = 0; nv < NV; nv++) {
            for (int nh = 0; nh < NH; nh++) {
                double zeta = which == 0
                    ? 2 * Math.PI * D * Math.cos(theta) * Math.cos(phi) * nh - 2 * Math.PI * D * Math.sin(theta) * nv
                    : -2 * Math.PI * D * Math.sin(theta) * Math.sin(phi) * nh;
                int n = nv * NH + nh;
                double re = a.getReal(n, 0);
                double im = a.getImag(n, 0);
                d.set(n, 0, -zeta * im, zeta * re);   // j·zeta·a
            }
        }
        return d;
    }

    static ZMatrixRMaj ula(double cosOmega) {
        ZMatrixRMaj c = new ZMatrixRMaj(M, 1);
        for (int m = 0; m < M; m++) {
            double ph = 2 * Math.PI * D * m * cosOmega;
            c.set(m, 0, Math.cos(ph), Math.sin(ph));
        }
        return c;
    }

    static ZMatrixRMaj nlos(int l) {
        ZMatrixRMaj x = new ZMatrixRMaj(N, M);
        for (int n = 0; n < N; n++) {
            for (int m = 0; m < M; m++) {
                double k = n * M + m + 1;
                double ph = 2 * Math.PI * (k * k * (l + 1) * G0);
                x.set(n, m, Math.cos(ph), Math.sin(ph));
            }
        }
        return x;
    }

    static ZMatrixRMaj psiDiag(int l) {
        ZMatrixRMaj p = new ZMatrixRMaj(N, N);
        for (int n = 0; n < N; n++) {
            double ph = 0.7 * n * (l + 1);
            p.set(n, n, 1.5 * Math.cos(ph), 1.5 * Math.sin(ph));
        }
        return p;
    }

    /** G_l: pure LoS (RS-A) or Rician-like with the deterministic NLoS matrix (RS-B). */
    static ZMatrixRMaj channel(int l, boolean rician) {
        ZMatrixRMaj b = upa(BS_SEEN[l][0], BS_SEEN[l][1]);
        ZMatrixRMaj c = ula(COS_OMEGA[l]);
        ZMatrixRMaj los = mult(b, transpose(c));
        if (!rician) {
            return scale(GAIN[l], 0, los);
        }
        return scale(GAIN[l], 0, add(scale(Math.sqrt(0.75), 0, los), scale(Math.sqrt(0.25), 0, nlos(l))));
    }

    // ------------------------------------------------------------------ FIMs

    /** RS-B: sensing at BS (3.5.2), compact form M_pq = (T_c/L)(D_pᴴ W D_q + D_qᴴ W D_p). */
    static Irs sensingAtBs(int l, double sigmaR2, double sigmaB2, double tc) {
        ZMatrixRMaj g = channel(l, true);
        ZMatrixRMaj psi = psiDiag(l);
        double[] beta = BETA[l];
        ZMatrixRMaj a = upa(TARGET[l][0], TARGET[l][1]);
        ZMatrixRMaj gt = transpose(g);
        // R_w = σ_r² Gᵀ Ψ Ψᴴ G* + σ_b² I
        ZMatrixRMaj gtPsi = mult(gt, psi);
        ZMatrixRMaj rw = scale(sigmaR2, 0, mult(gtPsi, conjugateTranspose(gtPsi)));
        for (int i = 0; i < M; i++) {
            rw.set(i, i, rw.getReal(i, i) + sigmaB2, rw.getImag(i, i));
        }
        ZMatrixRMaj w = inverse(rw);
        ZMatrixRMaj[] dp = new ZMatrixRMaj[4];
        ZMatrixRMaj psiG = mult(psi, g);
        for (int rho = 0; rho < 2; rho++) {
            ZMatrixRMaj ad = upaDerivative(TARGET[l][0], TARGET[l][1], rho);
            ZMatrixRMaj inner = add(mult(ad, transpose(a)), mult(a, transpose(ad)));
            ZMatrixRMaj c = mult(gtPsi, mult(inner, psiG));
            dp[rho] = scale(beta[0], beta[1], c);
        }
        ZMatrixRMaj h = mult(gtPsi, mult(mult(a, transpose(a)), psiG));
        dp[2] = h;
        dp[3] = scale(0, 1, h);
        ZMatrixRMaj[][] mpq = compact(dp, w, tc / L);
        // IRS power (8): K = Gᴴ(ΨᴴΨ + TᴴT)G, T = Ψ E Ψ, E = β a aᵀ; c = σ_r²(|β|²(trΘ)² + 2 trΘ)
        ZMatrixRMaj e = scale(beta[0], beta[1], mult(a, transpose(a)));
        ZMatrixRMaj t = mult(psi, mult(e, psi));
        ZMatrixRMaj inner = add(mult(conjugateTranspose(psi), psi), mult(conjugateTranspose(t), t));
        ZMatrixRMaj k = mult(conjugateTranspose(g), mult(inner, g));
        double trTheta = reTrace(mult(psi, conjugateTranspose(psi)));
        double b2 = beta[0] * beta[0] + beta[1] * beta[1];
        double cl = sigmaR2 * (b2 * trTheta * trTheta + 2 * trTheta);
        return new Irs(mpq, new DMatrixRMaj(4, 4), hermitianPart(k), cl, Math.sqrt(b2));
    }

    /** RS-A: sensing at IRSs (3.7), F̄ = F̄₀ + [tr(M̄_pq R)], pure LoS G. */
    static Irs sensingAtIrs(int l, double sigmaR2, double sigmaS2, double tc) {
        ZMatrixRMaj g = channel(l, false);
        ZMatrixRMaj psi = psiDiag(l);
        double[] beta = BETA[l];
        double b2 = beta[0] * beta[0] + beta[1] * beta[1];
        ZMatrixRMaj a = upa(TARGET[l][0], TARGET[l][1]);
        ZMatrixRMaj abar = a;   // sensor UPA 2x2, lambda/2, co-located: same steering vector
        double trTheta = reTrace(mult(psi, conjugateTranspose(psi)));
        double c = sigmaR2 * b2 * trTheta;
        ZMatrixRMaj dbar = mult(abar, conjugateTranspose(abar));
        ZMatrixRMaj rw = scale(c, 0, dbar);
        for (int i = 0; i < N; i++) {
            rw.set(i, i, rw.getReal(i, i) + sigmaS2, rw.getImag(i, i));
        }
        ZMatrixRMaj w = inverse(rw);
        ZMatrixRMaj psiG = mult(psi, g);
        ZMatrixRMaj[] dp = new ZMatrixRMaj[4];
        ZMatrixRMaj[] dr = new ZMatrixRMaj[4];   // covariance derivatives
        for (int rho = 0; rho < 2; rho++) {
            ZMatrixRMaj ad = upaDerivative(TARGET[l][0], TARGET[l][1], rho);
            ZMatrixRMaj adBar = ad;
            ZMatrixRMaj cbar = mult(add(mult(adBar, transpose(a)), mult(abar, transpose(ad))), psiG);
            dp[rho] = scale(beta[0], beta[1], cbar);
            ZMatrixRMaj bbar = add(mult(adBar, conjugateTranspose(abar)), mult(abar, conjugateTranspose(adBar)));
            dr[rho] = scale(c, 0, bbar);
        }
        ZMatrixRMaj hbar = mult(mult(abar, transpose(a)), psiG);
        dp[2] = hbar;
        dp[3] = scale(0, 1, hbar);
        dr[2] = scale(2 * sigmaR2 * trTheta * beta[0], 0, dbar);
        dr[3] = scale(2 * sigmaR2 * trTheta * beta[1], 0, dbar);
        ZMatrixRMaj[][] mpq = compact(dp, w, tc / L);
        DMatrixRMaj f0 = new DMatrixRMaj(4, 4);
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                f0.set(p, q, tc / L * reTrace(mult(mult(w, dr[p]), mult(w, dr[q]))));
            }
        }
        ZMatrixRMaj k = mult(conjugateTranspose(psiG), psiG);
        return new Irs(mpq, f0, hermitianPart(k), sigmaR2 * trTheta, Math.sqrt(b2));
    }

    private static ZMatrixRMaj[][] compact(ZMatrixRMaj[] dp, ZMatrixRMaj w, double f) {
        ZMatrixRMaj[][] mpq = new ZMatrixRMaj[4][4];
        for (int p = 0; p < 4; p++) {
            for (int q = 0; q < 4; q++) {
                ZMatrixRMaj x = mult(conjugateTranspose(dp[p]), mult(w, dp[q]));
                mpq[p][q] = hermitianPart(scale(f, 0, add(x, conjugateTranspose(x))));
            }
        }
        return mpq;
    }

    // ------------------------------------------------------------------ the R-step program (3.10)

    /** The R-step with its handles. */
    record RStep(ConvexProgram program, List<HermitianVar> r, List<SymmetricVar> u, ScalarVar kappa,
                 List<Constraint> epigraph, Constraint bs, List<Constraint> irsPower) {
    }

    /**
     * minimize κ s.t. tr(Ω F_l(R_l)⁻¹) ≤ κ, (1/L)Σ tr R_l ≤ P_t, tr(K_l R_l) + c_l ≤ P_s,
     * R_l ⪰ 0. Ω = I in raw coordinates, or the scaled β coordinates of 3.10 when
     * {@code scaled} (F~ = S F S, w = (1, 1, |β|², |β|²): identical objective, Pitfall P1).
     */
    static RStep rStep(Irs[] irs, double pt, double ps, boolean scaled) {
        var p = ConvexProgram.builder();
        ScalarVar kappa = p.scalar("kappa");
        List<HermitianVar> rs = new ArrayList<>();
        List<Constraint> epi = new ArrayList<>();
        List<Constraint> pow = new ArrayList<>();
        Affine traceSum = Affine.constant(0);
        for (int l = 0; l < irs.length; l++) {
            HermitianVar r = p.hermitianPsd("R" + (l + 1), irs[l].k().numRows);
            rs.add(r);
            double[] s = scaled ? new double[] {1, 1, irs[l].betaAbs(), irs[l].betaAbs()} : new double[] {1, 1, 1, 1};
            AffineMatrix f = AffineMatrix.zeros(4);
            DMatrixRMaj omega = new DMatrixRMaj(4, 4);
            for (int a = 0; a < 4; a++) {
                omega.set(a, a, s[a] * s[a]);
                for (int b = a; b < 4; b++) {
                    f.set(a, b, r.traceWith(irs[l].mpq()[a][b]).plus(irs[l].f0().get(a, b)).times(s[a] * s[b]));
                }
            }
            epi.add(p.le(p.traceInverse(f, omega), kappa.affine()));
            pow.add(p.le(r.traceWith(irs[l].k()), ps - irs[l].c()));
            traceSum = traceSum.plus(r.trace());
        }
        Constraint bs = p.le(traceSum, irs.length * pt);
        p.minimize(kappa.affine());
        return new RStep(p.build(), rs, List.of(), kappa, epi, bs, pow);
    }

    // ------------------------------------------------------------------ complex helpers

    static ZMatrixRMaj transpose(ZMatrixRMaj a) {
        ZMatrixRMaj t = new ZMatrixRMaj(a.numCols, a.numRows);
        CommonOps_ZDRM.transpose(a, t);
        return t;
    }

    static ZMatrixRMaj inverse(ZMatrixRMaj a) {
        ZMatrixRMaj inv = a.copy();
        if (!CommonOps_ZDRM.invert(inv)) {
            throw new IllegalStateException("singular");
        }
        return inv;
    }

    static ZMatrixRMaj hermitianPart(ZMatrixRMaj a) {
        return scale(0.5, 0, add(a, conjugateTranspose(a)));
    }

    static double reTrace(ZMatrixRMaj a) {
        double s = 0;
        for (int i = 0; i < a.numRows; i++) {
            s += a.getReal(i, i);
        }
        return s;
    }

    static double traceInverse(DMatrixRMaj f) {
        DMatrixRMaj inv = f.copy();
        org.ejml.dense.row.CommonOps_DDRM.invert(inv);
        return org.ejml.dense.row.CommonOps_DDRM.trace(inv);
    }
}
