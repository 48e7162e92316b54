package org.cosense.systems.mengvehicle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cosense.InvalidInputException;
import org.cosense.optim.Affine;
import org.cosense.optim.AffineMatrix;
import org.cosense.optim.ConvexProgram;
import org.cosense.optim.Solution;
import org.cosense.optim.VectorVar;

/**
 * The exact optimum of (P3)/(31) on tiny instances: every association x that satisfies (1)–(3) and (27)
 * with at most a given number of slots, and for each x the slot shares τ that minimize max_k CRLB_k of (29)
 * over the simplex [mengvehicle C16]. This is the paper's "direct way" (enumerate associations, then
 * optimize the time): exponential in B K, so it is limited to {@value #MAX_PAIRS} vehicle–BS pairs.
 *
 * <p>Three facts keep the enumeration small and leave the optimum unchanged:
 * <ul>
 * <li>Dominance: if x ⊆ x' (x' has every association of x in the same slot, plus more), then for any τ each
 *     vehicle's weights under x' are at least those under x, and (29) is non-increasing in every weight
 *     (Proposition 2), so x' is at least as good. Only maximal x are kept: no unused pair fits an existing
 *     slot, no unused pair is left while the slot budget allows a new slot, and no two slots can be merged
 *     (the merged slot gets τ_n + τ_m, again at least the old weights).</li>
 * <li>Lower bound: a vehicle's associations lie in distinct slots by (1), so its weights sum to at most 1
 *     and CRLB_k ≥ its single-vehicle (P2) optimum over its associated BSs ({@link DwellTimeSolver}, exact).
 *     Candidates are visited in increasing order of max_k of that bound and the search stops when the bound
 *     reaches the best value found (less {@link #PRUNE_TOLERANCE}, the order of the interior-point accuracy).</li>
 * <li>For fixed x the problem in τ is convex (each CRLB_k = tr J_k(τ)⁻¹ with J_k affine in τ) and is solved by
 *     the interior-point {@link ConvexProgram}; the returned τ is clipped to the simplex and the CRLBs are
 *     re-evaluated by (29), so every reported value is attained by a feasible schedule.</li>
 * </ul>
 */
public final class ExactAssociationSearch {
    private ExactAssociationSearch() {
    }

    /**
     * Relative margin of the lower-bound stop: a candidate whose bound is within this of the best value cannot
     * improve it by more than the interior-point accuracy, so it is not solved.
     */
    public static final double PRUNE_TOLERANCE = 1e-8;

    /** The largest B K the enumeration accepts. */
    public static final int MAX_PAIRS = 12;

    /**
     * @param schedule   the optimal schedule (slots, τ, CRLB per vehicle)
     * @param candidates maximal associations enumerated
     * @param solved     associations whose τ problem was solved (the rest were pruned by the lower bound)
     */
    public record Result(SlotSchedule schedule, int candidates, int solved) {
        /** The (P3) optimum max_k CRLB_k (m²). */
        public double objective() {
            return schedule.maxCrlb();
        }
    }

    /** The optimum of (P3) over associations with at most {@code slotBudget} slots. */
    public static Result solve(VehicleLinks[] links, InterferenceGraph graph, int slotBudget) {
        InvalidInputException.require(links.length >= 1, "vehicles", links.length, "at least 1");
        int nb = links[0].bsCount();
        int kk = links.length;
        InvalidInputException.require(nb * kk <= MAX_PAIRS, "B K", nb * kk, "at most " + MAX_PAIRS + " vehicle–BS pairs for the exact search");
        InvalidInputException.require(slotBudget >= 2, "slot budget", slotBudget, "at least 2 (a vehicle needs two slots)");
        List<Association> pairs = new ArrayList<>();
        for (int k = 0; k < kk; k++) {
            for (int b = 0; b < nb; b++) {
                pairs.add(new Association(b, k, 1));
            }
        }
        List<List<List<Association>>> found = new ArrayList<>();
        enumerate(0, pairs, new ArrayList<>(), new boolean[pairs.size()], graph, slotBudget, found);
        record Candidate(List<List<Association>> slots, double bound) {
        }
        List<Candidate> cands = new ArrayList<>();
        for (List<List<Association>> x : found) {
            double lb = lowerBound(x, links);
            if (Double.isFinite(lb)) {
                cands.add(new Candidate(x, lb));
            }
        }
        cands.sort(Comparator.comparingDouble(Candidate::bound));
        SlotSchedule best = null;
        int solved = 0;
        for (Candidate c : cands) {
            if (best != null && c.bound() >= best.maxCrlb() * (1 - PRUNE_TOLERANCE)) {
                break;
            }
            SlotSchedule s = optimalShares(c.slots(), links);
            solved++;
            if (best == null || s.maxCrlb() < best.maxCrlb()) {
                best = s;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no association gives every vehicle a finite CRLB within " + slotBudget + " slots");
        }
        return new Result(best, found.size(), solved);
    }

    /**
     * max_k of the single-vehicle (P2) optimum over vehicle k's associated BSs: a lower bound of
     * max_k CRLB_k for every τ (+∞ when a vehicle has fewer than two usable BSs).
     */
    public static double lowerBound(List<List<Association>> slots, VehicleLinks[] links) {
        double lb = 0;
        for (int k = 0; k < links.length; k++) {
            List<Integer> bs = new ArrayList<>();
            for (List<Association> slot : slots) {
                for (Association a : slot) {
                    if (a.vehicle() == k) {
                        bs.add(a.bs());
                    }
                }
            }
            if (bs.size() < 2) {
                return Double.POSITIVE_INFINITY;
            }
            double[] rho = new double[bs.size()];
            double[] phi = new double[bs.size()];
            for (int i = 0; i < rho.length; i++) {
                rho[i] = links[k].rho()[bs.get(i)];
                phi[i] = links[k].azimuth()[bs.get(i)];
            }
            lb = Math.max(lb, DwellTimeSolver.solve(rho, phi).crlb());
        }
        return lb;
    }

    /**
     * For a fixed association: τ minimizing max_k CRLB_k (29) over the simplex, by the interior-point solver.
     * ρ is scaled by the {@link #lowerBound} c₀ (objective ≥ 1, so absolute tolerances are relative ones); the
     * schedule's CRLBs are (29) at the clipped, renormalized τ.
     */
    public static SlotSchedule optimalShares(List<List<Association>> slots, VehicleLinks[] links) {
        double c0 = lowerBound(slots, links);
        InvalidInputException.require(Double.isFinite(c0), "association", slots, "must give every vehicle two BSs with distinct azimuths");
        int n = slots.size();
        ConvexProgram.Builder p = ConvexProgram.builder();
        VectorVar tau = p.nonnegativeVector("tau", n);
        p.eq(tau.sum(), 1);
        Affine[] terms = new Affine[links.length];
        for (int k = 0; k < links.length; k++) {
            double[] a = new double[n];
            double[] c = new double[n];
            double[] d = new double[n];
            for (int s = 0; s < n; s++) {
                for (Association as : slots.get(s)) {
                    if (as.vehicle() == k) {
                        double w = links[k].rho()[as.bs()] * c0;
                        double phi = links[k].azimuth()[as.bs()];
                        a[s] += w * Math.cos(phi) * Math.cos(phi);
                        c[s] += w * Math.cos(phi) * Math.sin(phi);
                        d[s] += w * Math.sin(phi) * Math.sin(phi);
                    }
                }
            }
            AffineMatrix f = AffineMatrix.zeros(2);
            f.set(0, 0, tau.dot(a));
            f.set(0, 1, tau.dot(c));
            f.set(1, 0, tau.dot(c));
            f.set(1, 1, tau.dot(d));
            terms[k] = p.traceInverse(f);
        }
        p.minimize(links.length == 1 ? terms[0] : p.max(terms));
        Solution sol = p.build().solve();
        if (!sol.status().hasPoint()) {
            throw new IllegalStateException("interior-point solve of the slot shares failed: " + sol.status());
        }
        double[] t = sol.value(tau);
        double sum = 0;
        for (int s = 0; s < n; s++) {
            t[s] = Math.max(0, t[s]);
            sum += t[s];
        }
        for (int s = 0; s < n; s++) {
            t[s] /= sum;
        }
        return new SlotSchedule(slots, t, SlotSchedule.crlbs(slots, t, links));
    }

    /**
     * Depth-first over the vehicle–BS pairs: each pair is left unused, joins a compatible existing slot, or
     * opens a new slot (slots are thus listed in order of their first pair, one representative per set of
     * slots). Leaves that are not maximal are dropped (see the class comment).
     */
    private static void enumerate(int i, List<Association> pairs, List<List<Association>> slots, boolean[] used, InterferenceGraph graph,
            int budget, List<List<List<Association>>> out) {
        if (i == pairs.size()) {
            if (maximal(pairs, slots, used, graph, budget)) {
                List<List<Association>> copy = new ArrayList<>();
                for (List<Association> s : slots) {
                    copy.add(List.copyOf(s));
                }
                out.add(copy);
            }
            return;
        }
        Association a = pairs.get(i);
        enumerate(i + 1, pairs, slots, used, graph, budget, out);
        used[i] = true;
        int open = slots.size();
        for (int m = 0; m < open; m++) {
            List<Association> s = slots.get(m);
            if (fits(a, s, graph)) {
                s.add(a);
                enumerate(i + 1, pairs, slots, used, graph, budget, out);
                s.remove(s.size() - 1);
            }
        }
        if (slots.size() < budget) {
            List<Association> s = new ArrayList<>();
            s.add(a);
            slots.add(s);
            enumerate(i + 1, pairs, slots, used, graph, budget, out);
            slots.remove(slots.size() - 1);
        }
        used[i] = false;
    }

    private static boolean fits(Association a, List<Association> slot, InterferenceGraph graph) {
        for (Association o : slot) {
            if (!MultiVehicleScheduler.compatible(a, o, graph)) {
                return false;
            }
        }
        return true;
    }

    private static boolean maximal(List<Association> pairs, List<List<Association>> slots, boolean[] used, InterferenceGraph graph, int budget) {
        for (int i = 0; i < pairs.size(); i++) {
            if (used[i]) {
                continue;
            }
            if (slots.size() < budget) {
                return false;
            }
            for (List<Association> s : slots) {
                if (fits(pairs.get(i), s, graph)) {
                    return false;
                }
            }
        }
        for (int m = 0; m < slots.size(); m++) {
            for (int n = m + 1; n < slots.size(); n++) {
                boolean merge = true;
                for (Association a : slots.get(n)) {
                    if (!fits(a, slots.get(m), graph)) {
                        merge = false;
                        break;
                    }
                }
                if (merge) {
                    return false;
                }
            }
        }
        return true;
    }
}
