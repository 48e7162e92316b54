package org.cosense.systems.wangmultistatic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.cosense.InvalidInputException;
import org.cosense.optim.ExhaustiveSubsetSearch;
import org.cosense.optim.KMeansPlusPlus;
import org.cosense.optim.MinimaxLinkage;

/**
 * RE selection for a fixed beamformer W_bar [wangmultistatic S3.9]: candidate sets from Algorithm I (anchored
 * minimax linkage, [wangmultistatic S3.11]), from the k-means baseline ([wangmultistatic S3.12]) or from exhaustive
 * search (ground truth), then the choice among candidates of step 4 of Algorithm I.
 *
 * <p>The sensing bound U(G) and the rate check are passed in as functions, so the same selection serves the PAPER
 * bound (18), the sum-of-inverses bound or the position CRB, and any beamformer.
 */
public final class ReceiverSelection {
    /** The chosen set G (sorted RE indices), its bound U(G) and its cost Omega(G). */
    public record Choice(int[] members, double bound, double cost) {
    }

    /**
     * What step 4 of Algorithm I needs for one instance.
     *
     * @param bound     U(G) with the beamformer fixed (smaller is better)
     * @param ratesMet  whether R_k(b_G) ≥ R_th for every RE k (all REs, selected or not)
     * @param cost      Omega (22)
     * @param costLimit Omega_th (metres; +infinity: no limit)
     */
    public record Criteria(ToDoubleFunction<int[]> bound, Predicate<int[]> ratesMet, CooperationCost cost, double costLimit) {
        public Criteria {
            InvalidInputException.require(bound != null && ratesMet != null && cost != null, "criteria", null,
                    "a bound, a rate check and a cost");
            InvalidInputException.require(costLimit >= 0, "costLimit", costLimit, "≥ 0 metres (+infinity for no limit)");
        }

        boolean admits(int[] g) {
            return ratesMet.test(g) && cost.of(g) <= costLimit;
        }
    }

    private ReceiverSelection() {
    }

    /**
     * The rate check of steps 3-4 for rank-one LoS links: R_k(b_G, W) ≥ R_th for every k, with a tolerance of
     * 1e-9 bit/s/Hz for beamformers that meet the threshold with equality.
     */
    public static Predicate<int[]> ratesMet(LosLink[] links, TransmitCovariances w, double rateThreshold, double noise) {
        return g -> {
            boolean[] b = indicator(links.length, g);
            for (double r : CommunicationRates.rankOneRates(links, w, b, noise)) {
                if (r < rateThreshold - 1e-9) {
                    return false;
                }
            }
            return true;
        };
    }

    /** b = indicator of G. */
    public static boolean[] indicator(int k, int[] g) {
        boolean[] b = new boolean[k];
        for (int i : g) {
            b[i] = true;
        }
        return b;
    }

    /**
     * Step 4 of Algorithm I: among candidates whose rates are met and whose cost is within the limit, the smallest
     * U; ties to the smaller |G|, then the smaller Omega. Empty when no candidate qualifies (no silent fallback)
     * [wangmultistatic C23]. With U decreasing under inclusion and no cost limit the full set wins [wangmultistatic C22].
     */
    public static Optional<Choice> choose(List<int[]> candidates, Criteria c) {
        return candidates.stream().filter(c::admits)
                .map(g -> new Choice(g, c.bound().applyAsDouble(g), c.cost().of(g)))
                .min(Comparator.comparingDouble(Choice::bound).thenComparingInt(x -> x.members().length)
                        .thenComparingDouble(Choice::cost));
    }

    /** Ground truth: the best of all 2^K - 1 non-empty sets (K ≤ 12 is the intended range; at most 20). */
    public static Optional<Choice> exhaustive(Criteria c) {
        int k = c.cost().receiverCount();
        List<int[]> all = new ArrayList<>();
        for (int mask = 1; mask < (1 << k); mask++) {
            all.add(ExhaustiveSubsetSearch.members(mask));
        }
        InvalidInputException.require(k <= ExhaustiveSubsetSearch.MAX_ITEMS, "K", k, "at most " + ExhaustiveSubsetSearch.MAX_ITEMS);
        return choose(all, c);
    }

    /** The anchored minimax linkage of Algorithm I: d = RE distances, anchor = distance to the prior target, w = rho. */
    public static MinimaxLinkage linkage(CooperationCost geometry) {
        return new MinimaxLinkage(geometry.receiverCount(), geometry::distance, geometry::distanceToTarget, geometry.rho());
    }

    /** Algorithm I steps 1-2: the 2K - 1 candidates (the K leaves, then every merge in order; the last is all REs)
     * [wangmultistatic C20] [wangmultistatic C21]. */
    public static List<int[]> minimaxCandidates(CooperationCost geometry) {
        return linkage(geometry).tree().stream().map(MinimaxLinkage.Node::members).toList();
    }

    /**
     * Fixed-size candidates of Algorithm I [wangmultistatic A10]: the tree nodes of size n, and every larger node
     * trimmed to n members by repeatedly deleting the member whose removal leaves the smallest r(.). Deduplicated,
     * in tree order. Every candidate has exactly n members [wangmultistatic C24].
     */
    public static List<int[]> minimaxCandidatesOfSize(CooperationCost geometry, int n) {
        int k = geometry.receiverCount();
        InvalidInputException.require(n >= 1 && n <= k, "n", n, "in [1, " + k + "]");
        MinimaxLinkage linkage = linkage(geometry);
        Map<String, int[]> out = new LinkedHashMap<>();
        for (MinimaxLinkage.Node node : linkage.tree()) {
            if (node.size() < n) {
                continue;
            }
            int[] g = node.members();
            while (g.length > n) {
                g = withoutBest(linkage, g);
            }
            out.putIfAbsent(Arrays.toString(g), g);
        }
        return new ArrayList<>(out.values());
    }

    /** g minus the member whose removal gives the smallest r(.) (ties: the lower index is removed). */
    static int[] withoutBest(MinimaxLinkage linkage, int[] g) {
        int[] best = null;
        double bestR = Double.POSITIVE_INFINITY;
        for (int drop = 0; drop < g.length; drop++) {
            int[] rest = new int[g.length - 1];
            for (int i = 0, j = 0; i < g.length; i++) {
                if (i != drop) {
                    rest[j++] = g[i];
                }
            }
            double r = linkage.radius(rest);
            if (r < bestR) {
                bestR = r;
                best = rest;
            }
        }
        return best;
    }

    /**
     * The k-means candidate pool for cost-constrained selection [wangmultistatic A11]: every cluster of every
     * clustering with C = 1..K clusters of the RE positions (no target information), deduplicated.
     */
    public static List<int[]> kMeansCandidates(double[][] positions, KMeansPlusPlus kMeans, long seed) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (int c = 1; c <= positions.length; c++) {
            KMeansPlusPlus.Clustering cl = kMeans.cluster(positions, c, seed);
            for (int m = 0; m < c; m++) {
                int[] g = cl.members(m);
                if (g.length > 0) {
                    out.putIfAbsent(Arrays.toString(g), g);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The k-means candidates of size n [wangmultistatic A11]: C = floor(K/n) clusters; smaller clusters are dropped,
     * larger ones keep their n members nearest to the centroid; if none qualifies, C decreases by one and again.
     */
    public static List<int[]> kMeansCandidatesOfSize(double[][] positions, int n, KMeansPlusPlus kMeans, long seed) {
        int k = positions.length;
        InvalidInputException.require(n >= 1 && n <= k, "n", n, "in [1, " + k + "]");
        for (int c = k / n; c >= 1; c--) {
            KMeansPlusPlus.Clustering cl = kMeans.cluster(positions, c, seed);
            List<int[]> out = new ArrayList<>();
            for (int m = 0; m < c; m++) {
                int[] g = cl.members(m);
                if (g.length < n) {
                    continue;
                }
                double[] centre = cl.centroids()[m];
                Integer[] order = Arrays.stream(g).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.comparingDouble(
                        (Integer i) -> Math.hypot(positions[i][0] - centre[0], positions[i][1] - centre[1])).thenComparingInt(i -> i));
                int[] kept = Arrays.stream(order, 0, n).mapToInt(Integer::intValue).sorted().toArray();
                out.add(kept);
            }
            if (!out.isEmpty()) {
                return out;
            }
        }
        return List.of();
    }
}
