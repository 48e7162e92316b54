package org.cosense.optim;

/**
 * Infeasible-start primal–dual interior-point method (Mehrotra predictor–corrector, HKM
 * direction) for {@link LmiProblem}, the method of CSDP and SDPT3.
 *
 * <p>Why primal–dual and not a primal barrier: the R-step optima are rank one ([fangactive S3.10]), so
 * the PSD slacks have eigenvalues ~ gap while the barrier Hessian grows like 1/gap²; a primal
 * barrier stalls near 1e-6, whereas the primal–dual Schur complement stays usable down to 1e-9.
 *
 * <p>Log-det objective terms follow Toh (1999) / SDPT3: a block with −w log det S in the
 * objective has the complementarity condition S Y = w I (not σμ I), and its contribution to the
 * dual objective is w log det Y + w n (1 − log w); everything else is the plain SDP method.
 *
 * <p>The parts: {@link Iterate} (the point and its start), {@link Residuals} (infeasibilities
 * and objectives), {@link Certificates} (infeasible / unbounded), {@link ConeFactors} (block
 * factors and step lengths), {@link SchurPlan} and {@link NewtonSystem} (forming and factoring
 * the Schur complement), {@link Direction} (the HKM step), {@link DenseKernels}; {@link HermitianBlock} and
 * {@link ComplexKernels} for a block iterated on as a complex Hermitian matrix ({@link SolverOptions.HermitianBlocks#NATIVE}).
 */
final class InteriorPointSolver {
    static final boolean DEBUG = Boolean.getBoolean("cosense.optim.debug");
    /** Stop when the best iterate has not improved for this many iterations (see {@link #fallback}). */
    static final int STALL_ITERATIONS = 15;
    /** … provided it met the tolerances within this factor (so infeasible problems still reach a certificate). */
    static final double STALL_MERIT = 1e4;
    /** A stalled best iterate within this factor of every tolerance is {@link Status#NEAR_OPTIMAL}. */
    static final double NEAR_MERIT = 10;
    /** Fraction of the step to the cone boundary that is taken. */
    private static final double STEP_FRACTION = 0.95;

    static final class Result {
        Status status;
        double[] x;
        double[][] s;   // per block, dim*dim row-major
        double[][] y;
        double[] rowSlack;
        double[] rowDual;
        double[] eqDual;
        double primalObjective;
        double dualObjective;
        double gap;
        double relativeGap;
        double primalResidual;
        double dualResidual;
        int iterations;
    }

    /** The quality of an iterate: objectives, gap and relative residuals. */
    private record Measures(double pobj, double dobj, double gap, double relGap, double pres, double dres) {
        void into(Result r) {
            r.primalObjective = pobj;
            r.dualObjective = dobj;
            r.gap = gap;
            r.relativeGap = relGap;
            r.primalResidual = pres;
            r.dualResidual = dres;
        }
    }

    /** The best iterate so far by merit (the worst ratio of a measure to its tolerance). */
    private static final class Best {
        Iterate point;
        double merit = Double.POSITIVE_INFINITY;
        Measures measures;
        int iteration;
    }

    private final LmiProblem p;
    private final SolverOptions opt;
    private final Iterate it;
    private final Residuals res;
    private final ConeFactors cones;
    private SchurPlan schur;   // structure and storage of the Newton system, built on first use
    private final HermitianBlock[] hermitian;   // per block: its complex form (HermitianBlocks.NATIVE), else null
    private final WarmStart warm;   // the sequence this solve belongs to, or null
    private Iterate centred;   // the first iterate within WarmStart.CENTRED on every measure (kept only with a sequence)

    private InteriorPointSolver(LmiProblem p, SolverOptions opt, WarmStart warm) {
        this.p = p;
        this.opt = opt;
        int[] dims = new int[p.blocks.size()];
        for (int k = 0; k < dims.length; k++) {
            dims[k] = p.blocks.get(k).dim;
        }
        hermitian = new HermitianBlock[dims.length];
        if (opt.hermitianBlocks() == SolverOptions.HermitianBlocks.NATIVE) {
            for (int k = 0; k < dims.length; k++) {
                hermitian[k] = HermitianBlock.of(p.blocks.get(k));
            }
        }
        this.warm = warm;
        Iterate start = warm == null ? null : warm.startFor(p, hermitian);
        it = start != null ? start : Iterate.start(p);
        res = new Residuals(p, hermitian);
        cones = new ConeFactors(dims, opt.stepLength(), hermitian);
    }

    static Result solve(LmiProblem p, SolverOptions opt) {
        return solve(p, opt, null);
    }

    /** One solve of a {@link WarmStart} sequence ({@code warm} null: a solve on its own). */
    static Result solve(LmiProblem p, SolverOptions opt, WarmStart warm) {
        return new InteriorPointSolver(p, opt, warm).run();
    }

    /** log det A of a positive definite d×d block (−∞ otherwise). */
    static double logDet(double[] a, int d) {
        return DenseKernels.logDet(a, d);
    }

    // ------------------------------------------------------------------ main loop

    private Result run() {
        int degree = 0;   // barrier degree of the σμ-centred cones
        for (LmiProblem.Block b : p.blocks) {
            if (b.logDetWeight == 0) {
                degree += b.dim;
            }
        }
        degree += p.rows.size();

        Result result = new Result();
        int stalls = 0;
        Best best = new Best();
        for (int iter = 0; ; iter++) {
            res.evaluate(it);
            double pres = res.primal();
            double dres = res.dual();
            double pobj = Residuals.primalObjective(p, it);
            double dobj = Residuals.dualObjective(p, it);
            double gap = pobj - dobj;
            double scale = Math.max(Math.abs(pobj), Math.abs(dobj));
            Measures now = new Measures(pobj, dobj, gap, Math.abs(gap) / Math.max(scale, Double.MIN_NORMAL), pres, dres);
            result.iterations = iter;
            now.into(result);

            boolean gapOk = Math.abs(gap) <= opt.relativeGap() * scale || Math.abs(gap) <= opt.absoluteGap();
            if (gapOk && pres <= opt.feasibility() && dres <= opt.feasibility()) {
                return finish(result, Status.OPTIMAL);
            }
            if (warm != null && centred == null && now.relGap() <= WarmStart.CENTRED && Math.max(pres, dres) <= WarmStart.CENTRED) {
                centred = it.copy();
            }
            double gapMeasure = Math.min(now.relGap() / opt.relativeGap(), Math.abs(gap) / opt.absoluteGap());
            double merit = Math.max(gapMeasure, Math.max(pres, dres) / opt.feasibility());
            if (merit < best.merit) {
                best.point = it.copy();
                best.merit = merit;
                best.measures = now;
                best.iteration = iter;
            }
            Status cert = Certificates.detect(p, opt, it, res, pres, dres);
            if (cert != null) {
                return finish(result, cert);
            }
            if (iter >= opt.maxIterations()) {
                return fallback(result, best, Status.ITERATION_LIMIT);
            }
            if (best.merit <= STALL_MERIT && iter - best.iteration >= STALL_ITERATIONS) {
                // close to the tolerances but no progress for a while (rounding floor reached): the best
                // iterate is as good as it gets (far from them, e.g. infeasible, the certificates decide)
                return fallback(result, best, Status.NUMERICAL_ERROR);
            }

            double mu = 0;
            for (int k = 0; k < p.blocks.size(); k++) {
                if (p.blocks.get(k).logDetWeight == 0) {
                    mu += DenseKernels.dot(it.sMat[k], it.yMat[k]);
                }
            }
            for (int r = 0; r < it.s.length; r++) {
                mu += it.s[r] * it.y[r];
            }
            mu = degree > 0 ? mu / degree : 0;

            if (!cones.factor(it)) {
                if (DEBUG) System.err.println("factorSlacks failed at it " + iter);
                return fallback(result, best, Status.NUMERICAL_ERROR);
            }
            if (schur == null) {
                schur = new SchurPlan(p, opt.schurForming(), hermitian);
            }
            schur.assemble(cones.sInv, it.yMat, cones.sChol, cones.yChol, it.s, it.y);
            NewtonSystem newton = NewtonSystem.factor(p, schur.schur);
            if (newton == null) {
                if (DEBUG) System.err.println("newton failed at it " + iter);
                return fallback(result, best, Status.NUMERICAL_ERROR);
            }
            // predictor (affine scaling): σ = 0 on the ordinary cones
            double[][] rpTerm = Direction.residualTerm(p, it, res, cones);
            Direction aff = Direction.hkm(p, it, res, cones, newton, 0.0, null, rpTerm);
            double apA = cones.primalStep(it, aff);
            double adA = cones.dualStep(it, aff);
            double sigma = 0;
            if (degree > 0 && mu > 0) {
                double muAff = 0;
                for (int k = 0; k < p.blocks.size(); k++) {
                    if (p.blocks.get(k).logDetWeight == 0) {
                        muAff += dotShifted(it.sMat[k], aff.dS[k], apA, it.yMat[k], aff.dY[k], adA);
                    }
                }
                for (int r = 0; r < it.s.length; r++) {
                    muAff += (it.s[r] + apA * aff.ds[r]) * (it.y[r] + adA * aff.dy[r]);
                }
                muAff /= degree;
                double ratio = Math.max(0, muAff / mu);
                sigma = Math.min(1, ratio * ratio * ratio);   // Mehrotra's heuristic σ = (μ_aff/μ)³
            }
            Direction cor = Direction.hkm(p, it, res, cones, newton, sigma * mu, aff, rpTerm);
            double ap = Math.min(1, STEP_FRACTION * cones.primalStep(it, cor, 1 / STEP_FRACTION));
            double ad = Math.min(1, STEP_FRACTION * cones.dualStep(it, cor, 1 / STEP_FRACTION));
            if (ap < 1e-12 && ad < 1e-12) {
                if (++stalls >= 3) {
                    return fallback(result, best, Status.NUMERICAL_ERROR);
                }
            } else {
                stalls = 0;
            }
            if (DEBUG) System.err.printf("it %d pobj %.12e dobj %.12e pres %.1e dres %.1e mu %.1e sigma %.2e ap %.3f ad %.3f%n", iter, pobj, dobj, pres, dres, mu, sigma, ap, ad);
            if (!safeStep(cor, ap, ad)) {
                return fallback(result, best, Status.NUMERICAL_ERROR);
            }
        }
    }

    /**
     * The method cannot continue (or ran out of iterations): return the best iterate seen, with
     * the measures of that iterate. When it stalled (not at the iteration limit) within a factor
     * {@link #NEAR_MERIT} of every tolerance, the status is {@link Status#NEAR_OPTIMAL} (CSDP's
     * "partial success"; with the defaults a relative gap ≤ 1e-8), otherwise {@code why}.
     */
    private Result fallback(Result result, Best best, Status why) {
        if (best.point == null) {
            return finish(result, why);
        }
        it.restore(best.point);
        best.measures.into(result);
        boolean near = why != Status.ITERATION_LIMIT && best.merit <= NEAR_MERIT;
        return finish(result, near ? Status.NEAR_OPTIMAL : why);
    }

    private Result finish(Result r, Status st) {
        r.status = st;
        if (warm != null) {
            warm.store(st == Status.OPTIMAL || st == Status.NEAR_OPTIMAL ? centred : null);
        }
        r.x = it.x.clone();
        int nb = it.sMat.length;
        r.s = new double[nb][];
        r.y = new double[nb][];
        for (int k = 0; k < nb; k++) {
            r.s[k] = it.sMat[k].clone();
            r.y[k] = it.yMat[k].clone();
        }
        r.rowSlack = it.s.clone();
        r.rowDual = it.y.clone();
        r.eqDual = it.nu.clone();
        if (st == Status.INFEASIBLE) {
            Certificates.normalizeFarkasRay(p, it, r);
        }
        return r;
    }

    /**
     * Takes the step, shortening it (×0.8) if rounding made a slack or dual block lose
     * definiteness (possible when a block has eigenvalues ~1e-12 of its norm near the end).
     */
    private boolean safeStep(Direction d, double ap, double ad) {
        Iterate before = it.copy();
        for (int tries = 0; tries < 30; tries++) {
            it.step(d, ap, ad);
            if (it.interior()) {
                return true;
            }
            it.restore(before);
            ap *= 0.8;
            ad *= 0.8;
        }
        return false;
    }

    /** ⟨S + α_p ΔS, Y + α_d ΔY⟩. */
    private static double dotShifted(double[] s0, double[] ds, double ap, double[] y0, double[] dy, double ad) {
        double sum = 0;
        for (int i = 0; i < s0.length; i++) {
            sum += (s0[i] + ap * ds[i]) * (y0[i] + ad * dy[i]);
        }
        return sum;
    }
}
