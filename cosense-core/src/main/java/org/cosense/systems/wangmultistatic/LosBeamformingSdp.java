package org.cosense.systems.wangmultistatic;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.cosense.optim.Affine;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.DualLmiSolver;
import org.cosense.optim.HermitianVar;
import org.cosense.optim.SolverOptions;
import org.cosense.optim.StandardFormSdp;
import org.cosense.optim.StandardFormSolution;
import org.cosense.optim.Status;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The beamforming problem (23)-(27) for a fixed selection as ONE semidefinite program [wangmultistatic S3.10].
 *
 * <p>With rank-one LoS links the rate of RE k depends on the covariances only through the delivered powers
 * q_ik = a_t^T Q_i a_t^* (closed form of [wangmultistatic S3.7]), so R_k ≥ R_th is the linear row
 * <pre>
 *   q_kk - (2^R_th - 1) sum_{i in I_k} q_ik ≥ (2^R_th - 1) / gamma_k,      gamma_k = eta_k N_r / sigma^2
 * </pre>
 * (divided by gamma_k to keep the rows in watts). The SCA (40)-(46) of the paper linearizes a concave log det that
 * here is already the log of an affine function; its convex surrogate has the same feasible set as these rows only
 * at the fixed point, so the SDP is solved directly and is the global optimum of the relaxation
 * [wangmultistatic E12]. Standard form: K + 1 Hermitian PSD blocks Q_0..Q_K, K rate rows with a nonnegative slack,
 * one power row with a slack, objective minimize -weight · sum_i tr(c c^H Q_i), c = conj(a_b(theta)); with
 * R_th = 0 the optimum is weight · N_t · P_T [wangmultistatic C17].
 */
public final class LosBeamformingSdp {
    /** The standard-form program and its variables. */
    public record Standard(StandardFormSdp sdp, StandardFormSdp.Block[] blocks) {
    }

    /** Relative eigenvalue below which an eigenpair of Q_i counts as zero. */
    static final double RANK_TOLERANCE = 1e-9;

    private final SolverOptions options;

    public LosBeamformingSdp(SolverOptions options) {
        this.options = options;
    }

    public LosBeamformingSdp() {
        this(DualLmiSolver.recommendedOptions());
    }

    /** The program above in {@link StandardFormSdp} form (the dual-LMI route). */
    public static Standard standardForm(BeamformingProblem p) {
        return build(p, true);
    }

    /**
     * Phase 1: the same rate rows without the power row, minimizing the total power sum_i tr Q_i. Its optimum is the
     * least power that meets every rate [wangmultistatic A9]; it decides feasibility [wangmultistatic C18].
     */
    public static Standard phaseOne(BeamformingProblem p) {
        return build(p, false);
    }

    private static Standard build(BeamformingProblem p, boolean maximizeSensing) {
        int k = p.receivers();
        int n = p.transmitAntennas();
        StandardFormSdp.Builder b = StandardFormSdp.builder();
        StandardFormSdp.Block[] q = new StandardFormSdp.Block[k + 1];
        for (int i = 0; i <= k; i++) {
            q[i] = b.hermitianPsd(i == 0 ? "Q_0 (sensing)" : "Q_" + i, n);
        }
        ZMatrixRMaj sensing = outer(ComplexLinalg.conjugate(p.sensingSteering()));
        for (int i = 0; i <= k; i++) {
            b.minimize(q[i], maximizeSensing ? ComplexLinalg.scale(-p.sensingWeight(), sensing) : ComplexLinalg.identity(n));
        }
        double sinr = p.requiredSinr();
        for (int r = 0; r < k; r++) {
            LosLink link = p.links()[r];
            ZMatrixRMaj c = outer(link.powerDirection());
            var row = b.row(sinr / CommunicationRates.snrGain(link, p.noise()));
            row.plus(q[r + 1], c, 1);
            for (int i = 0; i <= k; i++) {
                if (CommunicationRates.interferes(i, r, p.selected()[r])) {
                    row.plus(q[i], c, -sinr);
                }
            }
            row.plus(b.nonnegative("rate slack " + r), -1).add();
        }
        if (maximizeSensing) {
            var power = b.row(p.powerBudget());
            for (int i = 0; i <= k; i++) {
                power.plus(q[i], ComplexLinalg.identity(n), 1);
            }
            power.plus(b.nonnegative("power slack"), 1).add();
        }
        return new Standard(b.build(), q);
    }

    /** The same program written directly with {@link ConvexProgram} (for comparison with the dual-LMI route). */
    public static ConvexProgram directForm(BeamformingProblem p, HermitianVar[] out) {
        int k = p.receivers();
        int n = p.transmitAntennas();
        var b = ConvexProgram.builder();
        HermitianVar[] q = out != null ? out : new HermitianVar[k + 1];
        for (int i = 0; i <= k; i++) {
            q[i] = b.hermitianPsd("Q_" + i, n);
        }
        double sinr = p.requiredSinr();
        for (int r = 0; r < k; r++) {
            LosLink link = p.links()[r];
            ZMatrixRMaj c = outer(link.powerDirection());
            Affine lhs = q[r + 1].traceWith(c);
            for (int i = 0; i <= k; i++) {
                if (CommunicationRates.interferes(i, r, p.selected()[r])) {
                    lhs = lhs.minus(q[i].traceWith(c).times(sinr));
                }
            }
            b.ge(lhs, sinr / CommunicationRates.snrGain(link, p.noise()));
        }
        Affine power = q[0].trace();
        ZMatrixRMaj sensing = outer(ComplexLinalg.conjugate(p.sensingSteering()));
        Affine objective = q[0].traceWith(sensing);
        for (int i = 1; i <= k; i++) {
            power = power.plus(q[i].trace());
            objective = objective.plus(q[i].traceWith(sensing));
        }
        b.le(power, p.powerBudget());
        b.minimize(objective.times(-p.sensingWeight()));
        return b.build();
    }

    /**
     * Solves phase 1 and, if the budget suffices, the SDP; reduces the rank of the optimum and extracts rank-L
     * beamformers.
     *
     * @param maxStreamRank L = min(N_t, N_r), the columns of each W_i
     */
    public BeamformingResult solve(BeamformingProblem p, int maxStreamRank) {
        InvalidInputException.require(maxStreamRank >= 1, "maxStreamRank", maxStreamRank, "at least 1 (L = min(N_t, N_r))");
        DualLmiSolver solver = new DualLmiSolver(options);
        double required = 0;   // R_th = 0 needs no power
        if (p.requiredSinr() > 0) {
            StandardFormSolution one = solver.solve(phaseOne(p).sdp());
            if (!one.hasPoint()) {
                return new BeamformingResult.Infeasible(Double.POSITIVE_INFINITY, p.powerBudget(), one.status());
            }
            required = one.objective();
            if (required > p.powerBudget() * (1 + 1e-9)) {
                return new BeamformingResult.Infeasible(required, p.powerBudget(), one.status());
            }
        }
        Standard st = standardForm(p);
        StandardFormSolution sol = solver.solve(st.sdp());
        if (!sol.hasPoint()) {
            return new BeamformingResult.Infeasible(required, p.powerBudget(), sol.status());
        }
        ZMatrixRMaj[] q = new ZMatrixRMaj[st.blocks().length];
        for (int i = 0; i < q.length; i++) {
            q[i] = ComplexLinalg.hermitianPart(sol.hermitian(st.blocks()[i]));
        }
        q = reduceRank(p, q);
        return extract(p, -sol.objective(), q, maxStreamRank, sol.status());
    }

    /** W_i from the top-L eigenpairs of Q_i (negative eigenvalues clipped), then rates and power on the W_i. */
    static BeamformingResult.Optimal extract(BeamformingProblem p, double objective, ZMatrixRMaj[] q, int l, Status status) {
        ZMatrixRMaj[] w = new ZMatrixRMaj[q.length];
        int[] ranks = new int[q.length];
        int truncated = 0;
        for (int i = 0; i < q.length; i++) {
            ZMatrixRMaj v = factor(q[i]);
            ranks[i] = v.numCols;
            if (v.numCols > l) {
                truncated++;
            }
            // a zero covariance is a zero beamformer (one zero column)
            w[i] = v.numCols == 0 ? new ZMatrixRMaj(p.transmitAntennas(), 1) : ComplexLinalg.columns(v, 0, Math.min(l, v.numCols));
        }
        TransmitCovariances cov = TransmitCovariances.fromBeamformers(w);
        double[] rates = CommunicationRates.rankOneRates(p.links(), cov, p.selected(), p.noise());
        return new BeamformingResult.Optimal(objective, new TransmitCovariances(q), w, ranks, truncated, rates, cov.power(),
                p.objective(cov), status);
    }

    /** V with Q = V V^H over the eigenpairs above the rank tolerance, largest first (columns scaled by sqrt(lambda)). */
    static ZMatrixRMaj factor(ZMatrixRMaj q) {
        HermitianEigen e = HermitianEigen.decompose(q);
        double[] lam = e.valuesDescending();
        double top = Math.max(lam[0], 0);
        int r = 0;
        while (r < lam.length && lam[r] > RANK_TOLERANCE * top && lam[r] > 0) {
            r++;
        }
        ZMatrixRMaj v = e.dominantVectors(r);
        for (int c = 0; c < r; c++) {
            double s = Math.sqrt(lam[c]);
            for (int row = 0; row < v.numRows; row++) {
                v.set(row, c, v.getReal(row, c) * s, v.getImag(row, c) * s);
            }
        }
        return v;
    }

    /**
     * Rank reduction (Huang and Palomar's purification): while the Hermitian perturbations V_i Delta_i V_i^H that
     * leave every rate row, the power and the objective unchanged form a nonzero space, step along one of them until
     * some Q_i loses rank. The result has the same objective and row values and sum_i rank(Q_i)^2 ≤ K + 2.
     */
    static ZMatrixRMaj[] reduceRank(BeamformingProblem p, ZMatrixRMaj[] q) {
        int k = p.receivers();
        int n = p.transmitAntennas();
        // the row functionals, one Hermitian matrix per (functional, block)
        List<ZMatrixRMaj[]> functionals = new ArrayList<>();
        double sinr = p.requiredSinr();
        for (int r = 0; r < k; r++) {
            ZMatrixRMaj c = outer(p.links()[r].powerDirection());
            ZMatrixRMaj[] f = new ZMatrixRMaj[k + 1];
            for (int i = 0; i <= k; i++) {
                f[i] = i == r + 1 ? c : CommunicationRates.interferes(i, r, p.selected()[r]) ? ComplexLinalg.scale(-sinr, c) : null;
            }
            functionals.add(f);
        }
        ZMatrixRMaj[] power = new ZMatrixRMaj[k + 1];
        ZMatrixRMaj[] sensing = new ZMatrixRMaj[k + 1];
        ZMatrixRMaj s = outer(ComplexLinalg.conjugate(p.sensingSteering()));
        for (int i = 0; i <= k; i++) {
            power[i] = ComplexLinalg.identity(n);
            sensing[i] = s;
        }
        functionals.add(power);
        functionals.add(sensing);
        ZMatrixRMaj[] current = q.clone();
        int rows = functionals.size();
        for (int iteration = 0; iteration < n * (k + 1); iteration++) {
            ZMatrixRMaj[] v = new ZMatrixRMaj[k + 1];
            int cols = 0;
            for (int i = 0; i <= k; i++) {
                v[i] = factor(current[i]);
                cols += v[i].numCols * v[i].numCols;
            }
            if (cols <= rows) {
                break;
            }
            // Any perturbation in the null space of the row functionals keeps every row; it suffices to look for one
            // among the coordinates of a few blocks (the highest ranks first) with more coordinates than rows, so the
            // linear system stays (K + 2) × (a little more than K + 2) whatever the ranks of the interior-point optimum.
            // (The full system has Σ rank(Q_i)² columns, up to (K + 1) N_t² ≈ 1100 at K = N_t = 10: one SVD per rank
            // removed took minutes.)
            Integer[] order = new Integer[k + 1];
            for (int i = 0; i <= k; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> v[b].numCols != v[a].numCols ? v[b].numCols - v[a].numCols : a - b);
            boolean[] moved = new boolean[k + 1];
            int chosen = 0;
            for (int i : order) {
                if (chosen > rows || v[i].numCols == 0) {
                    break;
                }
                moved[i] = true;
                chosen += v[i].numCols * v[i].numCols;
            }
            DMatrixRMaj m = new DMatrixRMaj(chosen, chosen);   // rows beyond the functionals stay zero
            int offset = 0;
            for (int i = 0; i <= k; i++) {
                if (!moved[i]) {
                    continue;
                }
                int r = v[i].numCols;
                for (int j = 0; j < rows; j++) {
                    ZMatrixRMaj a = functionals.get(j)[i];
                    if (a == null) {
                        continue;
                    }
                    ZMatrixRMaj bm = ComplexLinalg.product(ComplexLinalg.conjugateTranspose(v[i]), a, v[i]);
                    int col = offset;
                    for (int x = 0; x < r; x++) {
                        m.set(j, col++, bm.getReal(x, x));
                        for (int y = x + 1; y < r; y++) {
                            // tr(B Delta) over Delta_xy = u + i w and Delta_yx = u - i w: 2 Re(B_yx) u - 2 Im(B_yx) w
                            m.set(j, col++, 2 * bm.getReal(y, x));
                            m.set(j, col++, -2 * bm.getImag(y, x));
                        }
                    }
                }
                offset += r * r;
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(chosen, chosen, false, true, false);
            if (!svd.decompose(m)) {
                break;
            }
            DMatrixRMaj z = SingularOps_DDRM.nullVector(svd, true, null);
            ZMatrixRMaj[] delta = new ZMatrixRMaj[k + 1];
            double largest = 0;
            double smallest = 0;
            offset = 0;
            for (int i = 0; i <= k; i++) {
                if (!moved[i]) {
                    continue;
                }
                int r = v[i].numCols;
                delta[i] = new ZMatrixRMaj(r, r);
                int col = offset;
                for (int x = 0; x < r; x++) {
                    delta[i].set(x, x, z.get(col++), 0);
                    for (int y = x + 1; y < r; y++) {
                        double u = z.get(col++);
                        double w = z.get(col++);
                        delta[i].set(x, y, u, w);
                        delta[i].set(y, x, u, -w);
                    }
                }
                offset += r * r;
                double[] ev = HermitianEigen.decompose(delta[i]).values();
                largest = Math.max(largest, ev[ev.length - 1]);
                smallest = Math.min(smallest, ev[0]);
            }
            // step Q_i <- V_i (I - t Delta_i) V_i^H with the largest t that keeps every block PSD
            double t = largest >= -smallest ? 1 / largest : -1 / (-smallest);
            if (!Double.isFinite(t)) {
                break;
            }
            for (int i = 0; i <= k; i++) {
                if (!moved[i]) {
                    continue;
                }
                int r = v[i].numCols;
                ZMatrixRMaj inner = ComplexLinalg.subtract(ComplexLinalg.identity(r), ComplexLinalg.scale(t, delta[i]));
                current[i] = ComplexLinalg.hermitianPart(ComplexLinalg.product(v[i], inner, ComplexLinalg.conjugateTranspose(v[i])));
            }
        }
        return current;
    }

    /** c c^H. */
    static ZMatrixRMaj outer(ZMatrixRMaj c) {
        return ComplexLinalg.multTransB(c, c);
    }
}
