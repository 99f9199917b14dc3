package io.aviary.accounts.domain.portfolio;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Portfolio value by account and connector (api-catalog §1.4 {@code accounts-distribution}).
 * Percentages are shares of {@code totalValue} (connector shares too, as in the original).
 */
public record AccountsDistribution(BigDecimal totalValue, List<AccountShare> accounts) {

    public record AccountShare(String account, BigDecimal totalValue, BigDecimal percentage,
            Map<String, ConnectorShare> connectors) {
    }

    public record ConnectorShare(BigDecimal value, BigDecimal percentage) {
    }

    static final Comparator<AccountShare> ORDER = Comparator.comparing(AccountShare::totalValue).reversed()
            .thenComparing(AccountShare::account);
}
