package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.bounds.AffineFisherInformation;
import org.cosense.math.ComplexLinalg;
import org.cosense.math.ThinSvd;
import org.cosense.optim.LinearConstraint;
import org.cosense.optim.TraceInverseProgram;
import org.cosense.optim.TraceInverseSolution;
import org.ejml.data.ZMatrixRMaj;

/**
 * Restriction of the R-step to the row space of the BS–IRS channel. The FIM and the IRS power depend
 * on R_l only through G_l R_l G_l^H, so every coefficient matrix is of the form G^H A G and any part
 * of R_l outside range(G_l^H) spends BS power for nothing: the optimum lies in that subspace. With an
 * orthonormal basis V (M × r, r = rank G <= N) the program in X is the same program in S = V^H X V
 * (r × r), tr X = tr S, and X = V S V^H. For M > N this shrinks the Hermitian blocks from M to N
 * (e.g. 32 → 16 in Fig. 7), which is what makes large M affordable. Each basis is checked on the
 * program's own coefficients (V V^H A V V^H = A); a block that fails the check is left unreduced.
 */
final class Subspace {
    private Subspace() {
    }

    /** V_l per block, or null where no reduction applies (rank G = M, or the check fails). */
    static List<ZMatrixRMaj> bases(List<IrsSlot> slots, TraceInverseProgram program) {
        List<ZMatrixRMaj> out = new ArrayList<>();
        for (int l = 0; l < slots.size(); l++) {
            ZMatrixRMaj g = slots.get(l).channel();
            int m = g.numCols;
            ThinSvd svd = ThinSvd.decompose(ComplexLinalg.conjugateTranspose(g));
            int r = svd.rank();
            if (r >= m) {
                out.add(null);
                continue;
            }
            ZMatrixRMaj v = ComplexLinalg.columns(svd.u(), 0, r);
            // the coefficients may be stored for tr(M X) or tr(M^T X): try range(G^H) and its conjugate range(G^T)
            ZMatrixRMaj vc = ComplexLinalg.conjugate(v);
            out.add(preserves(v, program, l) ? v : preserves(vc, program, l) ? vc : null);
        }
        return out;
    }

    private static boolean preserves(ZMatrixRMaj v, TraceInverseProgram program, int l) {
        ZMatrixRMaj p = ComplexLinalg.product(v, ComplexLinalg.conjugateTranspose(v));
        if (!preserved(p, List.of(program.fims().get(l).coefficients()))) {
            return false;
        }
        for (LinearConstraint c : program.constraints()) {
            ZMatrixRMaj a = c.coefficients().get(l);
            // the BS trace row has A = I, which the reduction maps to I exactly (V^H V = I): not a G^H A G form
            if (a != null && !isIdentity(a) && !preserved(p, List.of(a))) {
                return false;
            }
        }
        return true;
    }

    /** P A P = A for every A, on the scale of the group's largest matrix (some entries are rounding-level zeros). */
    private static boolean preserved(ZMatrixRMaj p, List<ZMatrixRMaj> mats) {
        double scale = 0;
        for (ZMatrixRMaj a : mats) {
            scale = Math.max(scale, ComplexLinalg.normF(a));
        }
        for (ZMatrixRMaj a : mats) {
            if (ComplexLinalg.normF(ComplexLinalg.subtract(ComplexLinalg.product(p, a, p), a)) > 1e-9 * scale) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentity(ZMatrixRMaj a) {
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                double re = a.getReal(i, j) - (i == j ? 1 : 0);
                if (Math.abs(re) > 1e-15 || Math.abs(a.getImag(i, j)) > 1e-15) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The program in S_l = V_l^H X_l V_l. */
    static TraceInverseProgram reduce(TraceInverseProgram p, List<ZMatrixRMaj> bases) {
        if (bases.stream().allMatch(b -> b == null)) {
            return p;
        }
        List<AffineFisherInformation> fims = new ArrayList<>();
        for (int l = 0; l < p.blockCount(); l++) {
            AffineFisherInformation f = p.fims().get(l);
            ZMatrixRMaj v = bases.get(l);
            if (v == null) {
                fims.add(f);
                continue;
            }
            ZMatrixRMaj[] c = f.coefficients();
            ZMatrixRMaj[] rc = new ZMatrixRMaj[c.length];
            for (int i = 0; i < c.length; i++) {
                rc[i] = project(v, c[i]);
            }
            fims.add(new AffineFisherInformation(f.constant(), rc));
        }
        List<LinearConstraint> cons = new ArrayList<>();
        for (LinearConstraint c : p.constraints()) {
            List<ZMatrixRMaj> a = new ArrayList<>();
            for (int l = 0; l < p.blockCount(); l++) {
                ZMatrixRMaj al = c.coefficients().get(l);
                a.add(al == null || bases.get(l) == null ? al : project(bases.get(l), al));
            }
            cons.add(new LinearConstraint(a, c.offset(), c.kind()));
        }
        List<ZMatrixRMaj> start = null;
        if (p.start() != null) {
            start = new ArrayList<>();
            for (int l = 0; l < p.blockCount(); l++) {
                start.add(bases.get(l) == null ? p.start().get(l) : project(bases.get(l), p.start().get(l)));
            }
        }
        return new TraceInverseProgram(fims, p.weights(), cons, start);
    }

    /** X_l = V_l S_l V_l^H. */
    static TraceInverseSolution expand(TraceInverseSolution s, List<ZMatrixRMaj> bases) {
        if (!s.hasPoint() || bases.stream().allMatch(b -> b == null)) {
            return s;
        }
        List<ZMatrixRMaj> x = new ArrayList<>();
        for (int l = 0; l < s.x().size(); l++) {
            ZMatrixRMaj v = bases.get(l);
            x.add(v == null ? s.x().get(l) : ComplexLinalg.hermitianPart(ComplexLinalg.product(v, s.x().get(l), ComplexLinalg.conjugateTranspose(v))));
        }
        return new TraceInverseSolution(s.status(), x, s.value(), s.iterations(), s.message());
    }

    private static ZMatrixRMaj project(ZMatrixRMaj v, ZMatrixRMaj a) {
        return ComplexLinalg.hermitianPart(ComplexLinalg.product(ComplexLinalg.conjugateTranspose(v), a, v));
    }
}
