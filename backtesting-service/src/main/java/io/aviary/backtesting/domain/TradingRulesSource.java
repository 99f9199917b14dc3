package io.aviary.backtesting.domain;

import io.aviary.strategy.market.TradingRules;

/** A market's trading rules (market-data-service's, from the venue), read once per backtest or sweep. */
public interface TradingRulesSource {

    /**
     * The rules of {@code connector}/{@code pair}; {@link TradingRules#NONE} when the venue lists none for it (the
     * backtest then runs without rules, as Hummingbot's backtester does for connectors it cannot load rules from).
     */
    TradingRules load(String connector, String pair);
}
