package io.aviary.backtesting.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A parameter sweep as asked for, already checked for shape: the backtest every variant shares (range, resolution,
 * costs, base config), the values each swept config key may take, how variants are drawn from them, and the §4.3
 * metric they are ranked by.
 *
 * @param parameters swept config keys in the order given, each with its values
 * @param samples    variants drawn by a random search (unused by a grid)
 * @param seed       the random search's seed; null lets the service pick one (and report it)
 * @param descending whether a larger {@code rankBy} value ranks first
 */
public record SweepRequest(BacktestRequest base, Map<String, Space> parameters, Search search, int samples, Long seed,
        String rankBy, boolean descending) {

    /** How variants are drawn from the parameters' values. */
    public enum Search {
        GRID, RANDOM
    }

    /** The values one swept key may take. */
    public sealed interface Space {
    }

    /** Values listed one by one (numbers, texts or booleans, as in a config). */
    public record Values(List<Object> values) implements Space {
    }

    /**
     * {@code min}, {@code min + step}, … up to {@code max} inclusive; without a step (random search only) any number
     * in {@code [min, max]}.
     */
    public record Range(BigDecimal min, BigDecimal max, BigDecimal step) implements Space {
    }
}
