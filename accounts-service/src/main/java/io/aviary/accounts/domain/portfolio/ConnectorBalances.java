package io.aviary.accounts.domain.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The priced balances of one (account, connector) as observed at {@code observedAt}: the current
 * state of that pair, or one history snapshot.
 */
public record ConnectorBalances(String account, String connector, Instant observedAt, List<TokenValue> tokens) {

    public ConnectorBalances {
        tokens = List.copyOf(tokens);
    }

    public BigDecimal totalValue() {
        return tokens.stream().map(TokenValue::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
