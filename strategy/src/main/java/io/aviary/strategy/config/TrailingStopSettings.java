package io.aviary.strategy.config;

import io.aviary.strategy.executor.TrailingStop;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A configured {@code trailing_stop} (Hummingbot's {@code TrailingStop}), kept as the decimals the config holds:
 * once PnL reaches {@code activationPrice} (a fraction, 0.015 = 1.5 %), the position closes when PnL falls
 * {@code trailingDelta} below its best value since. Executors run on {@link #toExecutor() doubles}.
 */
public record TrailingStopSettings(BigDecimal activationPrice, BigDecimal trailingDelta) {

    public TrailingStopSettings {
        Objects.requireNonNull(activationPrice, "activationPrice");
        Objects.requireNonNull(trailingDelta, "trailingDelta");
    }

    /** The same stop with both distances scaled, as dman_v3's {@code dynamic_target} does. */
    public TrailingStopSettings scaled(BigDecimal factor) {
        return new TrailingStopSettings(activationPrice.multiply(factor), trailingDelta.multiply(factor));
    }

    public TrailingStop toExecutor() {
        return new TrailingStop(activationPrice.doubleValue(), trailingDelta.doubleValue());
    }
}
