package org.cosense.systems.fangactive;

import java.util.ArrayList;
import java.util.List;

import org.cosense.math.ComplexLinalg;
import org.cosense.math.HermitianEigen;
import org.ejml.data.ZMatrixRMaj;

/**
 * A complete design (R_{s,l}, psi_l) for all IRSs with its exact per-IRS CRBs (Prop. 1/2).
 *
 * @param covariances R_{s,l}
 * @param reflections psi_l (interleaved)
 * @param crbs        CRB_l
 * @param maxCrb      max_l CRB_l, the paper's objective
 */
public record FangDesign(List<ZMatrixRMaj> covariances, List<double[]> reflections, double[] crbs, double maxCrb) {
    public FangDesign {
        covariances = covariances.stream().map(ZMatrixRMaj::copy).toList();
        reflections = reflections.stream().map(double[]::clone).toList();
        crbs = crbs.clone();
    }

    public static FangDesign evaluate(SensingMode mode, List<IrsSlot> slots, List<ZMatrixRMaj> rs, List<double[]> psis) {
        double[] c = new double[slots.size()];
        double w = 0;
        for (int l = 0; l < slots.size(); l++) {
            c[l] = mode.crb(slots.get(l), psis.get(l), rs.get(l));
            w = Math.max(w, c[l]);
        }
        return new FangDesign(rs, psis, c, w);
    }

    /**
     * The same design for a BS with m ≥ M antennas whose first M are this design's: each R_l padded
     * with zeros (the extra antennas idle). With channels drawn column by column
     * ({@link org.cosense.channel.RicianChannel#draw}) the padded design radiates exactly the same field,
     * so it keeps its IRS powers; used as the continuation start of an M sweep. CRBs are not carried
     * (re-evaluate on the new slots).
     */
    public List<ZMatrixRMaj> paddedCovariances(int m) {
        List<ZMatrixRMaj> out = new ArrayList<>();
        for (ZMatrixRMaj r : covariances) {
            org.cosense.InvalidInputException.require(m >= r.numRows, "BS antennas M", m, "must be ≥ the design's " + r.numRows);
            ZMatrixRMaj p = new ZMatrixRMaj(m, m);
            for (int i = 0; i < r.numRows; i++) {
                for (int j = 0; j < r.numCols; j++) {
                    p.set(i, j, r.getReal(i, j), r.getImag(i, j));
                }
            }
            out.add(p);
        }
        return out;
    }

    /**
     * The relative slacks of every constraint (≥ 0 when feasible; [fangactive C29]): (18b)
     * 1 − Σ tr R_l/(L P_t); per IRS 1 − P_l/P_s ((18a)/(42a), skipped when {@code passive}); per element
     * 1 − |psi_n|/a_max (passive: −| |psi_n| − 1 |); per R_l λ_min(R_l)/max(tr R_l, tiny) (18c).
     */
    public List<Double> relativeSlacks(SensingMode mode, List<IrsSlot> slots, Budget budget, boolean passive) {
        List<Double> s = new ArrayList<>();
        double tr = 0;
        for (ZMatrixRMaj r : covariances) {
            tr += ComplexLinalg.complexTrace(r).re();
        }
        s.add(1 - tr / (slots.size() * budget.bsPower()));
        for (int l = 0; l < slots.size(); l++) {
            ZMatrixRMaj r = covariances.get(l);
            double[] psi = reflections.get(l);
            if (!passive) {
                s.add(1 - mode.irsPower(slots.get(l), psi, r) / budget.irsPower());
            }
            for (int k = 0; k < psi.length / 2; k++) {
                double a = Math.hypot(psi[2 * k], psi[2 * k + 1]);
                s.add(passive ? -Math.abs(a - 1) : 1 - a / budget.maxAmplitude());
            }
            s.add(HermitianEigen.decompose(r).minEigenvalue() / Math.max(ComplexLinalg.complexTrace(r).re(), 1e-300));
        }
        return s;
    }

    /** min of {@link #relativeSlacks}. */
    public double worstSlack(SensingMode mode, List<IrsSlot> slots, Budget budget, boolean passive) {
        return relativeSlacks(mode, slots, budget, passive).stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }
}
