package io.aviary.simexchange.domain.price;

/**
 * A Brownian path sampled at whole hours since the epoch, evaluable at any hour in O(log T) with
 * no state: Lévy's midpoint construction on a dyadic tree of {@code 2^22} hours (~478 years).
 * The root end value and each midpoint displacement come from a hash of (seed, node), so the
 * value at hour h depends only on the seed — not on which hours were asked before.
 *
 * <p>Units: variance 1 per second, i.e. {@code Var[Y(h)] = 3600·h}. Displacements are a
 * variance-normalised Gaussian mixture (3 % of them ×3) so returns have fat tails at every scale.
 */
final class LevyPath {

    static final int LEVELS = 22;
    static final long SPAN = 1L << LEVELS;
    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final double JUMP_PROBABILITY = 0.03;
    private static final double JUMP_SCALE = 3.0;
    private static final double NORM = 1.0 / Math.sqrt(1 - JUMP_PROBABILITY + JUMP_PROBABILITY * JUMP_SCALE * JUMP_SCALE);

    private final long seed;

    LevyPath(long seed) {
        this.seed = seed;
    }

    double at(long hour) {
        long h = Math.max(0, Math.min(SPAN, hour));
        long lo = 0;
        long hi = SPAN;
        double yLo = 0;
        double yHi = Math.sqrt(SPAN * SECONDS_PER_HOUR) * displacement(SPAN);
        while (true) {
            if (h == lo) {
                return yLo;
            }
            if (h == hi) {
                return yHi;
            }
            long mid = (lo + hi) >>> 1;
            double yMid = 0.5 * (yLo + yHi) + Math.sqrt((hi - lo) * SECONDS_PER_HOUR / 4.0) * displacement(mid);
            if (h < mid) {
                hi = mid;
                yHi = yMid;
            } else {
                lo = mid;
                yLo = yMid;
            }
        }
    }

    private double displacement(long node) {
        long h = Rng.hash(seed, node);
        double g = Rng.gaussian(h);
        if (Rng.unit(Rng.mix(h + 0x632BE59BD9B4E019L)) < JUMP_PROBABILITY) {
            g *= JUMP_SCALE;
        }
        return g * NORM;
    }
}
