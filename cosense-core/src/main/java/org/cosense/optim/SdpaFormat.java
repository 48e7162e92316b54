package org.cosense.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cosense.InvalidInputException;
import org.cosense.optim.LmiProblem.Block;
import org.cosense.optim.LmiProblem.Row;
import org.cosense.optim.LmiProblem.Sparse;

/**
 * Writes the lowered form of a {@link ConvexProgram} in the SDPA sparse format (".dat-s"),
 * read by CSDP, SDPA and others — for cross-checking this solver against an independent one.
 *
 * <p>Mapping: SDPA's dual problem min aᵀy s.t. Σ y_i A_i − C ⪰ 0 is exactly our lowered form
 * with y = x, a = c, A_i = F_i and C = −F₀; the linear rows become one diagonal block. The
 * objective constant c0 is not representable and is returned by {@link #objectiveConstant}:
 * our optimal value = (SDPA dual objective) + c0. Programs with equalities or log-det terms
 * are outside the pure SDP/LP subset and are rejected.
 */
public final class SdpaFormat {
    private SdpaFormat() {
    }

    /** The objective constant c0 to add to the external solver's value. */
    public static double objectiveConstant(ConvexProgram program) {
        return program.lowered.c0;
    }

    /**
     * Our objective value c^T y + c0 at an external solver's y (the first line of a CSDP/SDPA
     * solution file, in full precision).
     */
    public static double objectiveAt(ConvexProgram program, double[] y) {
        LmiProblem p = program.lowered;
        InvalidInputException.require(y.length == p.n, "y length", y.length, "must be the variable count " + p.n);
        double v = p.c0;
        for (int i = 0; i < p.n; i++) {
            v += p.c[i] * y[i];
        }
        return v;
    }

    public static String write(ConvexProgram program) {
        LmiProblem p = program.lowered;
        InvalidInputException.require(!p.hasLogDet() && program.logDetBlock < 0, "log-det terms", "present",
            "the SDPA export supports the pure SDP/LP subset only (no −log det objective or log-det constraint)");
        // equalities e^T x + e0 = 0 go out as the two rows e^T x + e0 ≥ 0 and −e^T x − e0 ≥ 0 (SDPA has no equalities)
        List<Row> rows = new ArrayList<>(p.rows);
        for (Row e : p.equalities) {
            rows.add(e);
            double[] neg = e.val.clone();
            for (int j = 0; j < neg.length; j++) {
                neg[j] = -neg[j];
            }
            rows.add(new Row(e.idx, neg, -e.constant));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("\"CoSense ConvexProgram export\"\n");
        sb.append(p.n).append('\n');
        int nb = p.blocks.size() + (rows.isEmpty() ? 0 : 1);
        sb.append(nb).append('\n');
        for (Block b : p.blocks) {
            sb.append(b.dim).append(' ');
        }
        if (!rows.isEmpty()) {
            sb.append(-rows.size());
        }
        sb.append('\n');
        for (int i = 0; i < p.n; i++) {
            sb.append(fmt(p.c[i])).append(i + 1 < p.n ? " " : "\n");
        }
        for (int k = 0; k < p.blocks.size(); k++) {
            Block b = p.blocks.get(k);
            writeSparse(sb, 0, k + 1, b.constant, -1);
            for (int j = 0; j < b.vars.length; j++) {
                writeSparse(sb, b.vars[j] + 1, k + 1, b.coefs[j], 1);
            }
        }
        if (!rows.isEmpty()) {
            int lb = p.blocks.size() + 1;
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                if (row.constant != 0) {
                    entry(sb, 0, lb, r + 1, r + 1, -row.constant);
                }
                for (int j = 0; j < row.idx.length; j++) {
                    if (row.val[j] != 0) {
                        entry(sb, row.idx[j] + 1, lb, r + 1, r + 1, row.val[j]);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void writeSparse(StringBuilder sb, int mat, int blk, Sparse a, double f) {
        for (int e = 0; e < a.nnz(); e++) {
            if (a.row[e] <= a.col[e] && a.val[e] != 0) {
                entry(sb, mat, blk, a.row[e] + 1, a.col[e] + 1, f * a.val[e]);
            }
        }
    }

    private static void entry(StringBuilder sb, int mat, int blk, int i, int j, double v) {
        sb.append(mat).append(' ').append(blk).append(' ').append(i).append(' ').append(j).append(' ')
            .append(fmt(v)).append('\n');
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }
}
