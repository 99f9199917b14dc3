package io.aviary.strategy.config;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Hummingbot's {@code TrailingStop}: once the position's PnL reaches {@code activationPrice} (a fraction, 0.015 =
 * 1.5 %), it closes when PnL falls {@code trailingDelta} below its best value since.
 */
public record TrailingStop(BigDecimal activationPrice, BigDecimal trailingDelta) {

    public TrailingStop {
        Objects.requireNonNull(activationPrice, "activationPrice");
        Objects.requireNonNull(trailingDelta, "trailingDelta");
    }

    /** The same stop with both distances scaled, as dman_v3's {@code dynamic_target} does. */
    public TrailingStop scaled(BigDecimal factor) {
        return new TrailingStop(activationPrice.multiply(factor), trailingDelta.multiply(factor));
    }
}
