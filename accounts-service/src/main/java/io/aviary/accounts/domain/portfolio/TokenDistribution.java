package io.aviary.accounts.domain.portfolio;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Portfolio value by token across accounts and connectors (api-catalog §1.4 {@code distribution}).
 * Every percentage is a share of {@code totalValue}; values are rounded to 6 places and
 * percentages to 4, as the original does, after all sums were taken exactly.
 */
public record TokenDistribution(BigDecimal totalValue, List<TokenShare> tokens, String accountFilter) {

    public record TokenShare(String token, BigDecimal totalValue, BigDecimal totalUnits, BigDecimal percentage,
            Map<String, AccountHolding> accounts) {
    }

    public record AccountHolding(BigDecimal value, BigDecimal units, BigDecimal percentage,
            Map<String, ConnectorHolding> connectors) {
    }

    public record ConnectorHolding(BigDecimal value, BigDecimal units) {
    }

    /** Highest value first; equal values by token name, so the order is stable. */
    static final Comparator<TokenShare> ORDER = Comparator.comparing(TokenShare::totalValue).reversed()
            .thenComparing(TokenShare::token);
}
