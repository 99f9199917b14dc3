package io.aviary.common.events.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The full set of balances of one (account, connector) as polled from the venue at
 * {@code observedAt}. Complete, not a delta: an asset absent from {@code balances} is zero.
 */
public record BalancesUpdated(String accountName, String connectorName, List<AssetBalance> balances,
        Instant observedAt) implements TradingEvent {

    public BalancesUpdated {
        balances = List.copyOf(balances);
    }

    /** {@code available} excludes what open orders lock. */
    public record AssetBalance(String asset, BigDecimal total, BigDecimal available) {
    }

    @Override
    public String aggregateKey() {
        return TradingEvent.sessionKey(accountName, connectorName);
    }
}
