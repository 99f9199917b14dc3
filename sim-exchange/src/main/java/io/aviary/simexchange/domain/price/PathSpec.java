package io.aviary.simexchange.domain.price;

/**
 * What drives one market's synthetic history.
 *
 * @param pathKey          names the price path (a spot market and the perpetual on the same pair share it,
 *                         which makes the spot path the perpetual's index)
 * @param flowKey          names the volume/wick stream (distinct per market)
 * @param initialPrice     the price at {@code anchorEpochSecond}
 * @param annualVolatility standard deviation of the yearly log return (0.5 = 50 %)
 * @param bound            soft limit of the log price around the initial price: the path is squashed by
 *                         {@code bound·tanh(·/bound)}, so a market left running for years stays within
 *                         about {@code e^±bound} of where it started instead of drifting to 0 or infinity
 * @param volumePerSecond  mean traded base amount per second
 * @param stepSize         the market's amount step; volumes are whole multiples of it
 * @param premium          the perpetual premium over the path (null for spot and index)
 */
public record PathSpec(long seed, String pathKey, String flowKey, double initialPrice, double annualVolatility,
        long anchorEpochSecond, double bound, double volumePerSecond, double stepSize, Premium premium) {

    public PathSpec withoutPremium(String flow) {
        return new PathSpec(seed, pathKey, flow, initialPrice, annualVolatility, anchorEpochSecond, bound,
                volumePerSecond, stepSize, null);
    }
}
