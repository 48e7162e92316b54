package org.cosense.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

import org.cosense.InvalidInputException;

/**
 * Polyblock outer approximation for monotonic optimization (Tuy): maximize an increasing function
 * F over a normal set G ⊂ [0, u] (x ∈ G and 0 ≤ y ≤ x imply y ∈ G).
 *
 * <p>The polyblock is kept as a max-heap of vertices keyed by F. Each iteration pops the vertex z of
 * largest F (an upper bound on max_G F, since F is increasing and G lies under the polyblock),
 * projects it onto the upper boundary of G, p = λz with λ = max{l : l z ∈ G} (the problem's oracle),
 * keeps the best projected point as the lower bound, and replaces z by the vertices z − (z_i − p_i) e_i.
 * Vertices whose bound cannot beat (1 + tolerance) × lower are pruned; the largest pruned bound is kept
 * so that the reported upper bound stays valid. The bracket lower ≤ max_G F ≤ upper holds at every
 * iteration and is handed to an optional listener.
 */
public final class Polyblock {
    private Polyblock() {
    }

    /** The problem: an increasing objective and the projection onto the upper boundary of G. */
    public interface Problem {
        int dimension();

        /** F(x) for x ≥ 0, increasing in every coordinate. */
        double value(double[] x);

        /** λ = max{l ∈ [0, 1] : l z ∈ G} for a vertex z of the box. */
        double projectionScale(double[] z);

        /** The box corner u with G ⊂ [0, u]: the first vertex. */
        double[] upperCorner();
    }

    /**
     * @param tolerance     relative gap at which to stop: upper ≤ (1 + tolerance) lower
     * @param maxIterations iteration cap
     * @param vertexDelta   no new vertex along a coordinate where z_i − p_i ≤ vertexDelta (the vertex would equal its parent)
     */
    public record Options(double tolerance, int maxIterations, double vertexDelta) {
        public Options {
            InvalidInputException.require(tolerance >= 0 && Double.isFinite(tolerance), "tolerance", tolerance, "must be finite and ≥ 0");
            InvalidInputException.positive("maxIterations", maxIterations);
            InvalidInputException.require(vertexDelta > 0, "vertexDelta", vertexDelta, "must be positive");
        }

        public static Options of(double tolerance, int maxIterations) {
            return new Options(tolerance, maxIterations, 1e-15);
        }
    }

    /** Sees the bracket after every iteration. */
    @FunctionalInterface
    public interface Listener {
        void iteration(int iteration, double lower, double upper);
    }

    /** One logged bracket. */
    public record Bracket(int iteration, double lower, double upper) {
    }

    /**
     * @param best       the best projected point (on the upper boundary of G), or the warm start
     * @param lower      F(best)
     * @param upper      a certified upper bound on max_G F
     * @param iterations iterations used
     * @param converged  true when upper ≤ (1 + tolerance) lower
     * @param log        the bracket at iterations 1, 2, 4, 8, … and at exit
     */
    public record Result(double[] best, double lower, double upper, int iterations, boolean converged, List<Bracket> log) {
        public Result {
            best = best == null ? null : best.clone();
            log = List.copyOf(log);
        }

        /** (upper − lower) / lower; +∞ when lower is 0. */
        public double gap() {
            return lower > 0 ? (upper - lower) / lower : Double.POSITIVE_INFINITY;
        }
    }

    private record Vertex(double[] z, double f) {
    }

    /** Maximizes without a warm start and without a listener. */
    public static Result maximize(Problem problem, Options options) {
        return maximize(problem, null, options, null);
    }

    /**
     * Maximizes F over G.
     *
     * @param warmStart optional (may be null): a point of G whose value initializes the lower bound
     * @param listener  optional (may be null)
     */
    public static Result maximize(Problem problem, double[] warmStart, Options options, Listener listener) {
        int n = problem.dimension();
        double[] u = problem.upperCorner().clone();
        InvalidInputException.require(u.length == n, "upperCorner.length", u.length, "must equal the dimension " + n);
        double lower = 0;
        double[] best = null;
        if (warmStart != null) {
            InvalidInputException.require(warmStart.length == n, "warmStart.length", warmStart.length, "must equal the dimension " + n);
            lower = problem.value(warmStart);
            best = warmStart.clone();
        }
        PriorityQueue<Vertex> heap = new PriorityQueue<>((a, b) -> Double.compare(b.f, a.f));
        heap.add(new Vertex(u, problem.value(u)));
        double prunedMax = 0;
        List<Bracket> log = new ArrayList<>();
        int it = 0;
        boolean converged = false;
        double upper = heap.peek().f;
        while (it < options.maxIterations()) {
            if (heap.isEmpty()) {
                upper = Math.max(prunedMax, lower);
                converged = true;
                break;
            }
            Vertex top = heap.poll();
            it++;
            double[] z = top.z;
            upper = Math.max(top.f, prunedMax);
            if (upper <= (1 + options.tolerance()) * lower) {
                converged = true;
                heap.add(top);
                report(listener, log, it, lower, upper);
                break;
            }
            double lambda = problem.projectionScale(z);
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = lambda * z[i];
            }
            if (lambda >= 1) {
                // The vertex itself is feasible: no point of the polyblock beats it.
                lower = top.f;
                best = z.clone();
                upper = lower;
                converged = true;
                report(listener, log, it, lower, upper);
                break;
            }
            double fp = problem.value(p);
            if (fp > lower) {
                lower = fp;
                best = p;
            }
            for (int i = 0; i < n; i++) {
                if (z[i] - p[i] > options.vertexDelta()) {
                    double[] v = z.clone();
                    v[i] = p[i];
                    double fv = problem.value(v);
                    if (fv > (1 + options.tolerance()) * lower) {
                        heap.add(new Vertex(v, fv));
                    } else {
                        prunedMax = Math.max(prunedMax, fv);
                    }
                }
            }
            upper = Math.max(heap.isEmpty() ? 0 : heap.peek().f, Math.max(prunedMax, lower));
            report(listener, log, it, lower, upper);
        }
        if (!converged) {
            upper = Math.max(heap.isEmpty() ? 0 : heap.peek().f, Math.max(prunedMax, lower));
            converged = upper <= (1 + options.tolerance()) * lower;
        }
        if (log.isEmpty() || log.get(log.size() - 1).iteration() != it) {
            log.add(new Bracket(it, lower, upper));
        }
        return new Result(best, lower, upper, it, converged, log);
    }

    private static void report(Listener listener, List<Bracket> log, int it, double lower, double upper) {
        if (listener != null) {
            listener.iteration(it, lower, upper);
        }
        if (Integer.bitCount(it) == 1) {
            log.add(new Bracket(it, lower, upper));
        }
    }

    /**
     * λ = max{l ∈ [0, 1] : l z ∈ G} by bisection on a membership test, for sets without a closed-form
     * projection (60 halvings or until the bracket is below 1e-12).
     */
    public static double bisectScale(Predicate<double[]> contains, double[] z) {
        double[] x = new double[z.length];
        if (contains.test(z)) {
            return 1;
        }
        double lo = 0;
        double hi = 1;
        for (int k = 0; k < 60 && hi - lo > 1e-12; k++) {
            double mid = 0.5 * (lo + hi);
            for (int i = 0; i < z.length; i++) {
                x[i] = mid * z[i];
            }
            if (contains.test(x)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
