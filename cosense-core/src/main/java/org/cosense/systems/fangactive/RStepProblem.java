package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.bounds.AffineFisherInformation;
import org.cosense.bounds.Crb;
import org.cosense.math.ComplexLinalg;
import org.cosense.optim.TraceAffineForm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;

/**
 * The data of the R-step (P2.1)/(P5.1) for a fixed reflection ([fangactive S3.10]), for a convex
 * solver (org.cosense.optim):
 * <pre>
 *   minimize kappa  s.t.  tr(Omega_l F_l(R_l)^{-1}) ≤ kappa,  F_l(R) = F_0^(l) + Σ tr(M_pq^(l) R) E_pq,
 *            R_l ⪰ 0,  Σ_l tr R_l ≤ L P_t,  tr(K_l R_l) + c_l ≤ P_s.
 * </pre>
 * With {@code scaledBeta} the beta coordinates are divided by |beta_l| (F~ = S F S, S = diag(1, 1,
 * |beta|, |beta|)) and Omega = diag(1, 1, |beta|^2, |beta|^2), so tr(Omega F~^{-1}) = tr(F^{-1})
 * exactly while the LMI is far better conditioned ([fangactive P1]).
 *
 * @param fims     F_l(R) per IRS
 * @param weights  diag(Omega_l) per IRS
 * @param powers   (K_l, c_l) per IRS
 * @param budget   P_t, P_s (a_max is not used by the R-step)
 */
public record RStepProblem(List<AffineFisherInformation> fims, List<double[]> weights, List<TraceAffineForm> powers, Budget budget) {
    public RStepProblem {
        fims = List.copyOf(fims);
        weights = List.copyOf(weights);
        powers = List.copyOf(powers);
        InvalidInputException.require(fims.size() == weights.size() && fims.size() == powers.size(), "block counts",
                fims.size() + "/" + weights.size() + "/" + powers.size(), "must be equal (one per IRS)");
    }

    public static RStepProblem of(SensingMode mode, List<IrsSlot> slots, List<double[]> psis, Budget budget, boolean scaledBeta) {
        InvalidInputException.require(slots.size() == psis.size(), "number of reflections", psis.size(),
                "must equal the number of IRSs " + slots.size());
        List<AffineFisherInformation> f = new ArrayList<>();
        List<double[]> w = new ArrayList<>();
        List<TraceAffineForm> p = new ArrayList<>();
        for (int l = 0; l < slots.size(); l++) {
            AffineFisherInformation fl = mode.affineInCovariance(slots.get(l), psis.get(l));
            double b = slots.get(l).beta().abs();
            if (scaledBeta) {
                f.add(fl.congruence(new double[] {1, 1, b, b}));
                w.add(new double[] {1, 1, b * b, b * b});
            } else {
                f.add(fl);
                w.add(new double[] {1, 1, 1, 1});
            }
            p.add(mode.powerAffine(slots.get(l), psis.get(l)));
        }
        return new RStepProblem(f, w, p, budget);
    }

    public int irsCount() {
        return fims.size();
    }

    /** tr(Omega_l F_l(R)^{-1}) (= CRB_l); +∞ if singular. */
    public double weightedCrb(int l, ZMatrixRMaj r) {
        return Crb.weightedTrace(fims.get(l).evaluate(r), weights.get(l));
    }

    /** max_l CRB_l of a design. */
    public double objective(List<ZMatrixRMaj> rs) {
        double worst = 0;
        for (int l = 0; l < irsCount(); l++) {
            worst = Math.max(worst, weightedCrb(l, rs.get(l)));
        }
        return worst;
    }

    /** True when (18b) and every IRS budget hold up to relative slack {@code tol}. */
    public boolean feasible(List<ZMatrixRMaj> rs, double tol) {
        double tr = 0;
        for (int l = 0; l < irsCount(); l++) {
            tr += ComplexLinalg.complexTrace(rs.get(l)).re();
            if (powers.get(l).evaluate(rs.get(l)) > budget.irsPower() * (1 + tol)) {
                return false;
            }
        }
        return tr <= irsCount() * budget.bsPower() * (1 + tol);
    }
}
