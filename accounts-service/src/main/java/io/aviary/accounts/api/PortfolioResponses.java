package io.aviary.accounts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.aviary.accounts.domain.portfolio.AccountsDistribution;
import io.aviary.accounts.domain.portfolio.ConnectorBalances;
import io.aviary.accounts.domain.portfolio.TokenDistribution;
import io.aviary.accounts.domain.portfolio.TokenValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The wire shapes of {@code /portfolio} (api-catalog §1.4), built from the domain results. */
final class PortfolioResponses {

    private PortfolioResponses() {
    }

    /** The catalog's token entry. */
    record TokenEntry(String token, BigDecimal units, BigDecimal price, BigDecimal value,
            @JsonProperty("available_units") BigDecimal availableUnits) {

        static TokenEntry of(TokenValue t) {
            return new TokenEntry(t.token(), wire(t.units()), wire(t.price()), wire(t.value()), wire(t.availableUnits()));
        }
    }

    /** {@code {account: {connector: [token entry]}}}, accounts and connectors in name order. */
    static Map<String, Map<String, List<TokenEntry>>> state(List<ConnectorBalances> states) {
        Map<String, Map<String, List<TokenEntry>>> byAccount = new LinkedHashMap<>();
        for (ConnectorBalances s : states) {
            byAccount.computeIfAbsent(s.account(), a -> new LinkedHashMap<>())
                    .put(s.connector(), s.tokens().stream().map(TokenEntry::of).toList());
        }
        return byAccount;
    }

    record HistoryItem(String timestamp, Map<String, Map<String, List<TokenEntry>>> state) {

        static HistoryItem of(ConnectorBalances snapshot) {
            return new HistoryItem(TimeParam.format(snapshot.observedAt()), PortfolioResponses.state(List.of(snapshot)));
        }
    }

    record HistoryResponse(List<HistoryItem> data, Pagination pagination) {
    }

    record Pagination(int limit, @JsonProperty("has_more") boolean hasMore,
            @JsonProperty("next_cursor") String nextCursor, @JsonProperty("current_cursor") String currentCursor,
            Filters filters) {
    }

    record Filters(@JsonProperty("account_names") List<String> accountNames,
            @JsonProperty("connector_names") List<String> connectorNames,
            @JsonProperty("start_time") String startTime, @JsonProperty("end_time") String endTime) {
    }

    record Distribution(@JsonProperty("total_portfolio_value") BigDecimal totalPortfolioValue,
            @JsonProperty("token_count") int tokenCount, List<TokenShare> distribution,
            @JsonProperty("account_filter") String accountFilter) {

        static Distribution of(TokenDistribution d) {
            return new Distribution(wire(d.totalValue()), d.tokens().size(),
                    d.tokens().stream().map(TokenShare::of).toList(), d.accountFilter());
        }
    }

    record TokenShare(String token, @JsonProperty("total_value") BigDecimal totalValue,
            @JsonProperty("total_units") BigDecimal totalUnits, BigDecimal percentage,
            Map<String, AccountHolding> accounts) {

        static TokenShare of(TokenDistribution.TokenShare t) {
            return new TokenShare(t.token(), wire(t.totalValue()), wire(t.totalUnits()), wire(t.percentage()),
                    mapValues(t.accounts(), AccountHolding::of));
        }
    }

    record AccountHolding(BigDecimal value, BigDecimal units, BigDecimal percentage,
            Map<String, ConnectorHolding> connectors) {

        static AccountHolding of(TokenDistribution.AccountHolding a) {
            return new AccountHolding(wire(a.value()), wire(a.units()), wire(a.percentage()),
                    mapValues(a.connectors(), c -> new ConnectorHolding(wire(c.value()), wire(c.units()))));
        }
    }

    record ConnectorHolding(BigDecimal value, BigDecimal units) {
    }

    record AccountsShares(@JsonProperty("total_portfolio_value") BigDecimal totalPortfolioValue,
            @JsonProperty("account_count") int accountCount, List<AccountShare> distribution) {

        static AccountsShares of(AccountsDistribution d) {
            return new AccountsShares(wire(d.totalValue()), d.accounts().size(),
                    d.accounts().stream().map(AccountShare::of).toList());
        }
    }

    record AccountShare(String account, @JsonProperty("total_value") BigDecimal totalValue, BigDecimal percentage,
            Map<String, ConnectorShare> connectors) {

        static AccountShare of(AccountsDistribution.AccountShare a) {
            return new AccountShare(a.account(), wire(a.totalValue()), wire(a.percentage()),
                    mapValues(a.connectors(), c -> new ConnectorShare(wire(c.value()), wire(c.percentage()))));
        }
    }

    record ConnectorShare(BigDecimal value, BigDecimal percentage) {
    }

    /** A decimal as a plain JSON number without trailing zeros ({@code 95000}, not {@code 9.5E+4}). */
    static BigDecimal wire(BigDecimal exact) {
        BigDecimal stripped = exact.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static <A, B> Map<String, B> mapValues(Map<String, A> in, Function<A, B> f) {
        Map<String, B> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, f.apply(v)));
        return out;
    }
}
