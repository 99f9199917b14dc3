package io.aviary.strategy.config;

import io.aviary.strategy.executor.OrderType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The keys of Hummingbot's {@code MarketMakingControllerConfigBase}: one position executor per spread level and
 * side, sized by the level's share of {@code total_amount_quote}.
 */
public record MarketMakingSettings(
        String connectorName,
        String tradingPair,
        List<Double> buySpreads,
        List<Double> sellSpreads,
        List<BigDecimal> buyAmountsPct,
        List<BigDecimal> sellAmountsPct,
        int executorRefreshTime,
        int cooldownTime,
        int leverage,
        PositionMode positionMode,
        ExitSettings exits,
        BigDecimal positionRebalanceThresholdPct,
        boolean skipRebalance) {

    public MarketMakingSettings {
        Objects.requireNonNull(connectorName, "connectorName");
        Objects.requireNonNull(tradingPair, "tradingPair");
        buySpreads = List.copyOf(buySpreads);
        sellSpreads = List.copyOf(sellSpreads);
        buyAmountsPct = List.copyOf(buyAmountsPct);
        sellAmountsPct = List.copyOf(sellAmountsPct);
        Objects.requireNonNull(positionMode, "positionMode");
        Objects.requireNonNull(exits, "exits");
        Objects.requireNonNull(positionRebalanceThresholdPct, "positionRebalanceThresholdPct");
        requireSameLength("buy_amounts_pct", buyAmountsPct, "buy_spreads", buySpreads);
        requireSameLength("sell_amounts_pct", sellAmountsPct, "sell_spreads", sellSpreads);
        if (buySpreads.isEmpty() && sellSpreads.isEmpty()) {
            throw InvalidConfigException.at("buy_spreads", "buy_spreads and sell_spreads are both empty; "
                    + "give at least one level");
        }
        BigDecimal total = buyAmountsPct.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(sellAmountsPct.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        if (total.signum() <= 0) {
            throw InvalidConfigException.at("buy_amounts_pct",
                    "buy_amounts_pct and sell_amounts_pct sum to 0; give at least one level a share above 0");
        }
    }

    static void requireSameLength(String key, List<?> values, String otherKey, List<?> other) {
        if (values.size() != other.size()) {
            throw InvalidConfigException.at(key, "has " + values.size() + " entries but " + otherKey + " has "
                    + other.size() + "; give one entry per " + otherKey + " entry");
        }
    }

    /** The exits of every level's executor; market-making opens with LIMIT orders. */
    public TripleBarrierSettings tripleBarrier() {
        return exits.tripleBarrier(OrderType.LIMIT);
    }

    static MarketMakingSettings from(ConfigValues v) {
        return new MarketMakingSettings(v.get(Keys.CONNECTOR_NAME), v.get(Keys.TRADING_PAIR),
                v.get(Keys.BUY_SPREADS), v.get(Keys.SELL_SPREADS), v.get(Keys.BUY_AMOUNTS_PCT),
                v.get(Keys.SELL_AMOUNTS_PCT), v.get(Keys.EXECUTOR_REFRESH_TIME),
                v.get(Keys.MARKET_MAKING_COOLDOWN_TIME), v.get(Keys.LEVERAGE), v.get(Keys.POSITION_MODE_KEY),
                ExitSettings.from(v), v.get(Keys.POSITION_REBALANCE_THRESHOLD_PCT), v.get(Keys.SKIP_REBALANCE));
    }

    void putInto(ConfigValues v) {
        v.put(Keys.CONNECTOR_NAME, connectorName)
                .put(Keys.TRADING_PAIR, tradingPair)
                .put(Keys.BUY_SPREADS, buySpreads)
                .put(Keys.SELL_SPREADS, sellSpreads)
                .put(Keys.BUY_AMOUNTS_PCT, buyAmountsPct)
                .put(Keys.SELL_AMOUNTS_PCT, sellAmountsPct)
                .put(Keys.EXECUTOR_REFRESH_TIME, executorRefreshTime)
                .put(Keys.MARKET_MAKING_COOLDOWN_TIME, cooldownTime)
                .put(Keys.LEVERAGE, leverage)
                .put(Keys.POSITION_MODE_KEY, positionMode)
                .put(Keys.POSITION_REBALANCE_THRESHOLD_PCT, positionRebalanceThresholdPct)
                .put(Keys.SKIP_REBALANCE, skipRebalance);
        exits.putInto(v);
    }
}
