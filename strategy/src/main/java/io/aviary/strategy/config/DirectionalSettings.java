package io.aviary.strategy.config;

import io.aviary.strategy.executor.OrderType;
import java.util.Objects;

/**
 * The keys of Hummingbot's {@code DirectionalTradingControllerConfigBase}: a signal opens a position executor of
 * {@code total_amount_quote / max_executors_per_side}, at most {@code max_executors_per_side} per side, one per
 * {@code cooldown_time}.
 */
public record DirectionalSettings(
        String connectorName,
        String tradingPair,
        int maxExecutorsPerSide,
        int cooldownTime,
        int leverage,
        PositionMode positionMode,
        ExitSettings exits) {

    public DirectionalSettings {
        Objects.requireNonNull(connectorName, "connectorName");
        Objects.requireNonNull(tradingPair, "tradingPair");
        Objects.requireNonNull(positionMode, "positionMode");
        Objects.requireNonNull(exits, "exits");
    }

    /** The exits of every executor; directional controllers open with MARKET orders. */
    public TripleBarrierSettings tripleBarrier() {
        return exits.tripleBarrier(OrderType.MARKET);
    }

    static DirectionalSettings from(ConfigValues v) {
        return new DirectionalSettings(v.get(Keys.CONNECTOR_NAME), v.get(Keys.TRADING_PAIR),
                v.get(Keys.MAX_EXECUTORS_PER_SIDE), v.get(Keys.DIRECTIONAL_COOLDOWN_TIME), v.get(Keys.LEVERAGE),
                v.get(Keys.POSITION_MODE_KEY), ExitSettings.from(v));
    }

    void putInto(ConfigValues v) {
        v.put(Keys.CONNECTOR_NAME, connectorName)
                .put(Keys.TRADING_PAIR, tradingPair)
                .put(Keys.MAX_EXECUTORS_PER_SIDE, maxExecutorsPerSide)
                .put(Keys.DIRECTIONAL_COOLDOWN_TIME, cooldownTime)
                .put(Keys.LEVERAGE, leverage)
                .put(Keys.POSITION_MODE_KEY, positionMode);
        exits.putInto(v);
    }
}
