package org.cosense.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.cosense.optim.ComplexKernels.CMat;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Hermitian blocks iterated on as complex matrices ({@link SolverOptions.HermitianBlocks#NATIVE}) against their real
 * embeddings: the complex kernels give the embedding's factors and eigenvalues, the block's Schur complement part is
 * the embedding's, and planted Hermitian programs reach the same optimum with the same status on either path.
 */
class HermitianBlocksTest {
    private static final SolverOptions EMBEDDED = SolverOptions.defaults();
    private static final SolverOptions NATIVE = SolverOptions.defaults().withHermitianBlocks(SolverOptions.HermitianBlocks.NATIVE);

    @Test
    void defaultsKeepTheEmbedding() {
        assertEquals(SolverOptions.HermitianBlocks.EMBEDDED, SolverOptions.defaults().hermitianBlocks());
        assertEquals(SolverOptions.HermitianBlocks.EMBEDDED, DualLmiSolver.recommendedOptions().hermitianBlocks());
        SolverOptions o = NATIVE.withStepLength(SolverOptions.StepLength.BISECTION).withSchurForming(SolverOptions.SchurForming.FACTORED)
                .withRelativeGap(1e-7).withMaxIterations(50);
        assertEquals(SolverOptions.HermitianBlocks.NATIVE, o.hermitianBlocks(), "the with-methods keep the choice");
    }

    /** Random Hermitian n×n with entries of order one. */
    private static CMat randomHermitian(Random rnd, int n) {
        CMat a = new CMat(n);
        for (int i = 0; i < n; i++) {
            a.re[i][i] = rnd.nextGaussian();
            for (int j = 0; j < i; j++) {
                a.re[i][j] = rnd.nextGaussian();
                a.im[i][j] = rnd.nextGaussian();
                a.re[j][i] = a.re[i][j];
                a.im[j][i] = -a.im[i][j];
            }
        }
        return a;
    }

    /** B Bᴴ + n I for a random B: positive definite. */
    private static CMat randomPositiveDefinite(Random rnd, int n) {
        CMat b = randomHermitian(rnd, n);
        CMat p = new CMat(n);
        CMat bh = new CMat(n);
        ComplexKernels.conjugateTranspose(b, bh);
        ComplexKernels.mult(b, bh, p);
        for (int i = 0; i < n; i++) {
            p.re[i][i] += n;
        }
        ComplexKernels.hermitianPart(p);
        return p;
    }

    private static double[] embed(CMat a) {
        double[] e = new double[4 * a.n * a.n];
        ComplexKernels.toEmbedding(a, e);
        return e;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void complexKernelsGiveTheFactorsAndTheSmallestEigenvalueOfTheEmbedding() {
        Random rnd = new Random(7);
        for (int n : new int[] {1, 2, 3, 5, 8, 16}) {
            int d = 2 * n;
            // smallest eigenvalue: complex tridiagonalization + bisection against the real embedding's eigendecomposition
            for (int t = 0; t < 5; t++) {
                CMat a = randomHermitian(rnd, n);
                double[] e = embed(a);
                double ref = DenseKernels.minEigenvalue(DecompositionFactory_DDRM.eig(d, false, true), e.clone(), d);
                double got = ComplexKernels.minEigenvalueBisection(a);
                assertEquals(ref, got, 1e-12 * Math.max(1, maxAbs(e)) * n, "n = " + n);
            }
            // Cholesky S = L Lᴴ, and E(Lᴴ⁻¹ L⁻¹) · E(S) = I
            CMat s = randomPositiveDefinite(rnd, n);
            CMat l = new CMat(n);
            l.copyFrom(s);
            assertTrue(ComplexKernels.cholesky(l));
            CMat lh = new CMat(n);
            ComplexKernels.conjugateTranspose(l, lh);
            CMat llh = new CMat(n);
            ComplexKernels.mult(l, lh, llh);
            double[] diff = embed(llh);
            double[] se = embed(s);
            for (int i = 0; i < diff.length; i++) {
                diff[i] -= se[i];
            }
            assertTrue(maxAbs(diff) <= 1e-12 * maxAbs(se), "L Lᴴ = S, n = " + n);
            CMat li = new CMat(n);
            ComplexKernels.lowerInverse(l, li);
            CMat inv = new CMat(n);
            ComplexKernels.gramOfLower(li, inv);
            double[] eye = DenseKernels.mult(embed(inv), se, d);
            for (int i = 0; i < d; i++) {
                eye[i * d + i] -= 1;
            }
            assertTrue(maxAbs(eye) <= 1e-12 * n, "S⁻¹ S = I, n = " + n + ": " + maxAbs(eye));
            // a Hermitian matrix with a negative eigenvalue has no Cholesky factor
            CMat neg = new CMat(n);
            neg.copyFrom(s);
            for (int i = 0; i < n; i++) {
                neg.re[i][i] -= 1e3 * n;
            }
            assertTrue(!ComplexKernels.cholesky(neg), "indefinite, n = " + n);
        }
    }

    /**
     * A planted standard-form program over a Hermitian n×n block: X* = V Vᴴ of rank r, Z* ⪰ 0 with range orthogonal to
     * V's, random multipliers y*; rows with dense random Hermitian A_j and rows on single diagonal entries (the two
     * kinds of the Psi-step SDR), C = Σ y_j A_j + Z*, b_j = tr(A_j X*). The optimum is tr(C X*) = Σ_j y_j b_j.
     */
    record PlantedHermitian(StandardFormSdp sdp, StandardFormSdp.Block x, double optimum) {
    }

    private static ZMatrixRMaj toZ(CMat a) {
        ZMatrixRMaj z = new ZMatrixRMaj(a.n, a.n);
        for (int i = 0; i < a.n; i++) {
            for (int j = 0; j < a.n; j++) {
                z.set(i, j, a.re[i][j], a.im[i][j]);
            }
        }
        return z;
    }

    private static double traceProduct(CMat a, CMat b) {
        double s = 0;   // Re tr(A B) = Σ Re(A_ij B_ji)
        for (int i = 0; i < a.n; i++) {
            for (int j = 0; j < a.n; j++) {
                s += a.re[i][j] * b.re[j][i] - a.im[i][j] * b.im[j][i];
            }
        }
        return s;
    }

    static PlantedHermitian planted(long seed, int n, int rank, int denseRows, int diagonalRows) {
        Random rnd = new Random(seed);
        CMat v = new CMat(n);   // first `rank` columns used
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < rank; c++) {
                v.re[i][c] = rnd.nextGaussian();
                v.im[i][c] = rnd.nextGaussian();
            }
        }
        CMat vh = new CMat(n);
        ComplexKernels.conjugateTranspose(v, vh);
        CMat xStar = new CMat(n);
        ComplexKernels.mult(v, vh, xStar);
        ComplexKernels.hermitianPart(xStar);
        // Z* = P W Wᴴ P with P the projector onto range(V)⊥ (P = I − V (VᴴV)⁻¹ Vᴴ through Gram–Schmidt on V's columns)
        double[][] qr = new double[rank][n];
        double[][] qi = new double[rank][n];
        for (int c = 0; c < rank; c++) {
            double[] ur = new double[n];
            double[] ui = new double[n];
            for (int i = 0; i < n; i++) {
                ur[i] = v.re[i][c];
                ui[i] = v.im[i][c];
            }
            orthogonalize(ur, ui, qr, qi, c);
            qr[c] = ur;
            qi[c] = ui;
        }
        CMat w = new CMat(n);
        for (int c = 0; c < n - rank; c++) {
            double[] ur = new double[n];
            double[] ui = new double[n];
            for (int i = 0; i < n; i++) {
                ur[i] = rnd.nextGaussian();
                ui[i] = rnd.nextGaussian();
            }
            orthogonalize(ur, ui, qr, qi, rank);
            for (int i = 0; i < n; i++) {
                w.re[i][c] = ur[i];
                w.im[i][c] = ui[i];
            }
        }
        CMat wh = new CMat(n);
        ComplexKernels.conjugateTranspose(w, wh);
        CMat zStar = new CMat(n);
        ComplexKernels.mult(w, wh, zStar);
        ComplexKernels.hermitianPart(zStar);

        StandardFormSdp.Builder b = StandardFormSdp.builder();
        StandardFormSdp.Block x = b.hermitianPsd("X", n);
        CMat c = new CMat(n);
        c.copyFrom(zStar);
        double optimum = 0;
        int m = denseRows + diagonalRows;
        for (int j = 0; j < m; j++) {
            CMat a;
            if (j < denseRows) {
                a = randomHermitian(rnd, n);
            } else {
                a = new CMat(n);
                a.re[(j - denseRows) % n][(j - denseRows) % n] = 1;
            }
            double y = rnd.nextGaussian();
            double rhs = traceProduct(a, xStar);
            for (int i = 0; i < n; i++) {
                DenseKernels.axpy(y, a.re[i], c.re[i], n);
                DenseKernels.axpy(y, a.im[i], c.im[i], n);
            }
            optimum += y * rhs;
            b.row(rhs).plus(x, toZ(a), 1).add();
        }
        b.minimize(x, toZ(c));
        return new PlantedHermitian(b.build(), x, optimum);
    }

    /** u −= Σ_{c < count} q_c (q_cᴴ u), then u /= ‖u‖. */
    private static void orthogonalize(double[] ur, double[] ui, double[][] qr, double[][] qi, int count) {
        int n = ur.length;
        for (int c = 0; c < count; c++) {
            double pr = 0;
            double pi = 0;
            for (int i = 0; i < n; i++) {   // q_cᴴ u
                pr += qr[c][i] * ur[i] + qi[c][i] * ui[i];
                pi += qr[c][i] * ui[i] - qi[c][i] * ur[i];
            }
            for (int i = 0; i < n; i++) {
                ur[i] -= qr[c][i] * pr - qi[c][i] * pi;
                ui[i] -= qr[c][i] * pi + qi[c][i] * pr;
            }
        }
        double nn = 0;
        for (int i = 0; i < n; i++) {
            nn += ur[i] * ur[i] + ui[i] * ui[i];
        }
        nn = Math.sqrt(nn);
        for (int i = 0; i < n; i++) {
            ur[i] /= nn;
            ui[i] /= nn;
        }
    }

    @Test
    void hermitianBlocksAreRecognizedOnlyWhenTheyAreExactEmbeddings() {
        LmiProblem dual = DualLmiSolver.dual(planted(1, 6, 2, 5, 3).sdp()).program().lowered;
        assertEquals(1, dual.blocks.size());
        assertNotNull(HermitianBlock.of(dual.blocks.get(0)), "the dual LMI of a Hermitian block is its real embedding");
        LmiProblem real = RandomInstances.planted(1, 10, new int[] {6, 4}, 4).program().lowered;
        for (LmiProblem.Block blk : real.blocks) {
            assertNull(HermitianBlock.of(blk), "a generic real symmetric block of size " + blk.dim + " stays real");
        }
        // one entry of one coefficient moved by one ulp, in each quadrant of the embedding, or stored twice: not an embedding
        LmiProblem.Block blk = dual.blocks.get(0);
        int d = blk.dim;
        int n = d / 2;
        for (int j = 0; j < blk.coefs.length; j++) {
            LmiProblem.Sparse a = blk.coefs[j];
            int[] quadrantsSeen = new int[4];
            for (int e = 0; e < a.nnz(); e++) {
                int quadrant = (a.row[e] >= n ? 2 : 0) + (a.col[e] >= n ? 1 : 0);
                if (a.val[e] == 0 || quadrantsSeen[quadrant]++ > 0) {
                    continue;
                }
                double[] moved = a.val.clone();
                moved[e] = Math.nextUp(moved[e]);
                assertNull(HermitianBlock.of(withCoefficient(blk, j, new LmiProblem.Sparse(a.row, a.col, moved))),
                        "coefficient " + j + ", entry (" + a.row[e] + ", " + a.col[e] + ") off by one ulp");
            }
            int[] row = java.util.Arrays.copyOf(a.row, a.nnz() + 1);
            int[] col = java.util.Arrays.copyOf(a.col, a.nnz() + 1);
            double[] val = java.util.Arrays.copyOf(a.val, a.nnz() + 1);
            row[a.nnz()] = a.row[0];
            col[a.nnz()] = a.col[0];
            assertNull(HermitianBlock.of(withCoefficient(blk, j, new LmiProblem.Sparse(row, col, val))),
                    "coefficient " + j + " with an entry stored twice");
        }
        assertNotNull(HermitianBlock.of(withCoefficient(blk, 0, blk.coefs[0])), "the unchanged block after the rejected ones");
    }

    private static LmiProblem.Block withCoefficient(LmiProblem.Block b, int j, LmiProblem.Sparse a) {
        LmiProblem.Sparse[] coefs = b.coefs.clone();
        coefs[j] = a;
        return new LmiProblem.Block(b.name, b.dim, b.logDetWeight, b.constant, b.vars, coefs);
    }

    @Test
    void theSchurComplementOfAHermitianBlockIsThatOfItsEmbedding() {
        for (long seed = 1; seed <= 4; seed++) {
            int n = 4 + (int) seed * 3;
            LmiProblem p = DualLmiSolver.dual(planted(seed, n, 2, 6, n).sdp()).program().lowered;
            Random rnd = new Random(50 + seed);
            int d = 2 * n;
            double[][] sMat = {embed(randomPositiveDefinite(rnd, n))};
            double[][] yMat = {embed(randomPositiveDefinite(rnd, n))};
            double[][] sChol = {sMat[0].clone()};
            double[][] yChol = {yMat[0].clone()};
            assertTrue(DenseKernels.cholesky(sChol[0], d));
            assertTrue(DenseKernels.cholesky(yChol[0], d));
            double[][] sInv = {new double[d * d]};
            DenseKernels.inverseFromCholesky(sChol[0], d, sInv[0]);
            double[] none = new double[p.rows.size()];
            java.util.Arrays.fill(none, 1);
            SchurPlan real = new SchurPlan(p, SolverOptions.SchurForming.PRODUCTS);
            real.assemble(sInv, yMat, sChol, yChol, none, none);
            HermitianBlock h = HermitianBlock.of(p.blocks.get(0));
            double[][] sInvNative = {new double[d * d]};
            assertTrue(h.factor(sMat[0], yMat[0]));
            ComplexKernels.toEmbedding(h.sInv, sInvNative[0]);
            SchurPlan complex = new SchurPlan(p, SolverOptions.SchurForming.FACTORED, new HermitianBlock[] {h});
            complex.assemble(sInvNative, yMat, null, null, none, none);
            SchurFormingTest.assertSameSchurComplement(real, complex, p.n, seed);
            double inv = 0;
            for (int i = 0; i < d * d; i++) {
                inv = Math.max(inv, Math.abs(sInv[0][i] - sInvNative[0][i]));
            }
            assertTrue(inv <= 1e-12 * maxAbs(sInv[0]), "S⁻¹ of the complex factor is the embedding's: " + inv);
        }
    }

    @Test
    void plantedHermitianOptimaAreFoundWithTheSameStatusOnEitherPath() {
        for (long seed = 1; seed <= 6; seed++) {
            int n = 3 + 2 * (int) seed;
            PlantedHermitian ph = planted(seed, n, 1 + (int) (seed % 3), 4 + (int) seed, n);
            for (SolverOptions.StepLength step : SolverOptions.StepLength.values()) {
                StandardFormSolution a = new DualLmiSolver(EMBEDDED.withStepLength(step)).solve(ph.sdp());
                StandardFormSolution b = new DualLmiSolver(NATIVE.withStepLength(step)).solve(ph.sdp());
                String what = "seed " + seed + ", n = " + n + ", " + step;
                assertEquals(Status.OPTIMAL, a.status(), what + ": " + a.summary());
                assertEquals(a.status(), b.status(), what + ": " + b.summary());
                double scale = Math.max(1, Math.abs(ph.optimum()));
                assertEquals(ph.optimum(), b.objective(), 1e-8 * scale, what + ": the planted optimum");
                assertEquals(a.objective(), b.objective(), 1e-8 * scale, what + ": the embedding's optimum");
            }
        }
    }

    /** Certificates read the stored embedding, so an infeasible Hermitian program is reported as such on either path. */
    @Test
    void anInfeasibleHermitianProgramIsCertifiedOnEitherPath() {
        SolverOptions base = DualLmiSolver.recommendedOptions();
        for (SolverOptions o : new SolverOptions[] {base, base.withHermitianBlocks(SolverOptions.HermitianBlocks.NATIVE),
                base.withHermitianBlocks(SolverOptions.HermitianBlocks.NATIVE).withStepLength(SolverOptions.StepLength.BISECTION)}) {
            // tr X = 1 and X_00 = 2 > tr X: no X ⪰ 0
            StandardFormSdp.Builder b = StandardFormSdp.builder();
            StandardFormSdp.Block x = b.hermitianPsd("X", 3);
            b.minimize(x, identity(3));
            CMat e00 = new CMat(3);
            e00.re[0][0] = 1;
            b.row(1).plus(x, identity(3), 1).add();
            b.row(2).plus(x, toZ(e00), 1).add();
            assertEquals(Status.INFEASIBLE, new DualLmiSolver(o).solve(b.build()).status(), o.toString());
        }
    }

    private static ZMatrixRMaj identity(int n) {
        CMat i = new CMat(n);
        for (int k = 0; k < n; k++) {
            i.re[k][k] = 1;
        }
        return toZ(i);
    }

    @Test
    void traceInverseProgramsAgreeOnEitherPath() {
        for (long seed = 21; seed <= 24; seed++) {
            ConvexProgram p = RandomInstances.traceInverse(seed, 5, 4);
            Solution a = p.solve(EMBEDDED);
            Solution b = p.solve(NATIVE);
            assertEquals(a.status(), b.status(), "seed " + seed + ": " + b);
            assertEquals(a.objective(), b.objective(), 1e-8 * Math.abs(a.objective()), "seed " + seed);
        }
    }
}
