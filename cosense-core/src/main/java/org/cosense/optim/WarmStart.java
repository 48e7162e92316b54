package org.cosense.optim;

/**
 * A sequence of interior-point solves of programs of one structure whose data move little from one to the next (the
 * SDR solves of an SCA loop): each solve starts where the previous one was first within {@link #CENTRED} on every
 * measure, instead of at {@link Iterate#start}.
 *
 * <p>Why not from the previous optimum: there the slack and the dual blocks are complementary and of low rank, far
 * from the central path, and the method needs as many iterations to recentre as a cold start takes (measured on the
 * SDR solves of the fangactive figures: 19.7–21.4 iterations per solve against 19.8 cold, [fangactive S3.15.13]). The
 * first iterate of the previous solve with a relative gap and relative residuals of at most 0.1 is still well inside
 * the cone and near the central path, and for a program that differs a little it is close to the new path too.
 *
 * <p>The start is taken only when it fits: the same variables, rows, equalities and block sizes, no log-det block, and
 * for a block iterated on as a complex Hermitian matrix ({@link SolverOptions.HermitianBlocks#NATIVE}) slack and dual
 * blocks that are exact real embeddings; otherwise the solve starts cold. A solve that does not end OPTIMAL or
 * NEAR_OPTIMAL leaves no start, so the next solve starts cold. A fresh {@code WarmStart} holds nothing: its first solve
 * is the cold solve bit for bit. Not thread-safe: one sequence per thread.
 */
public final class WarmStart {
    /** The start of the next solve is the first iterate of this one with relative gap and residuals at most this. */
    public static final double CENTRED = 0.1;

    private Iterate point;
    private int taken;

    /** How many solves of this sequence started from the previous solve's point. */
    public int taken() {
        return taken;
    }

    /** The start for {@code p}: the stored point if it fits, else null (start cold). */
    Iterate startFor(LmiProblem p, HermitianBlock[] hermitian) {
        if (point == null || !point.fits(p)) {
            return null;
        }
        for (int k = 0; k < hermitian.length; k++) {
            if (hermitian[k] != null && !point.isEmbedding(k)) {
                return null;
            }
        }
        taken++;
        return point.copy();
    }

    /** The start of the next solve, or null when this solve left none. */
    void store(Iterate next) {
        point = next;
    }
}
