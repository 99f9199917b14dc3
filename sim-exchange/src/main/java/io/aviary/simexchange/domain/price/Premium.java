package io.aviary.simexchange.domain.price;

/**
 * The perpetual's premium over its index: two slow deterministic waves (periods of hours, phases
 * from the seed), so funding rates drift positive and negative. Evaluated at whole hours and
 * interpolated linearly in between, which keeps the hourly path construction exact.
 */
public record Premium(double amplitude1, double period1Seconds, double phase1, double amplitude2,
        double period2Seconds, double phase2) {

    public static Premium seeded(long seed, String symbol, double amplitude) {
        long h = Rng.hash(seed, Rng.key("premium:" + symbol));
        return new Premium(amplitude, 7 * 3600.0, 2 * Math.PI * Rng.unit(h), amplitude / 2, 29 * 3600.0,
                2 * Math.PI * Rng.unit(Rng.mix(h)));
    }

    /** ln(mark / index) at a whole hour. */
    double logAtHour(long hour) {
        double t = hour * 3600.0;
        double p = amplitude1 * Math.sin(2 * Math.PI * t / period1Seconds + phase1)
                + amplitude2 * Math.sin(2 * Math.PI * t / period2Seconds + phase2);
        return Math.log1p(p);
    }
}
