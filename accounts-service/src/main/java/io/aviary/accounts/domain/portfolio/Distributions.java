package io.aviary.accounts.domain.portfolio;

import io.aviary.accounts.domain.portfolio.AccountsDistribution.AccountShare;
import io.aviary.accounts.domain.portfolio.AccountsDistribution.ConnectorShare;
import io.aviary.accounts.domain.portfolio.TokenDistribution.AccountHolding;
import io.aviary.accounts.domain.portfolio.TokenDistribution.ConnectorHolding;
import io.aviary.accounts.domain.portfolio.TokenDistribution.TokenShare;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes both distributions from whatever current states the caller selected (all accounts,
 * some accounts, some connectors): the maths is the same for one account or many, which is what
 * hummingbot-api's multi-account and filtered variants got wrong (api-catalog Appendix A.2).
 */
public final class Distributions {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int VALUE_PLACES = 6;
    private static final int PERCENT_PLACES = 4;

    private Distributions() {
    }

    /** @param accountFilter "all_accounts" or the names the caller asked for (reported back as given) */
    public static TokenDistribution byToken(List<ConnectorBalances> states, String accountFilter) {
        BigDecimal total = total(states);
        Map<String, TokenSums> byToken = new TreeMap<>();
        for (ConnectorBalances state : states) {
            for (TokenValue token : state.tokens()) {
                byToken.computeIfAbsent(token.token(), t -> new TokenSums()).add(state, token);
            }
        }
        List<TokenShare> shares = new ArrayList<>();
        byToken.forEach((token, sums) -> shares.add(sums.share(token, total)));
        shares.sort(TokenDistribution.ORDER);
        return new TokenDistribution(value(total), shares, accountFilter);
    }

    public static AccountsDistribution byAccount(List<ConnectorBalances> states) {
        BigDecimal total = total(states);
        Map<String, Map<String, BigDecimal>> byAccount = new TreeMap<>();
        for (ConnectorBalances state : states) {
            byAccount.computeIfAbsent(state.account(), a -> new TreeMap<>())
                    .merge(state.connector(), state.totalValue(), BigDecimal::add);
        }
        List<AccountShare> shares = new ArrayList<>();
        byAccount.forEach((account, connectors) -> {
            BigDecimal accountValue = connectors.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, ConnectorShare> connectorShares = new LinkedHashMap<>();
            connectors.forEach((connector, v) -> connectorShares.put(connector,
                    new ConnectorShare(value(v), percent(v, total))));
            shares.add(new AccountShare(account, value(accountValue), percent(accountValue, total), connectorShares));
        });
        shares.sort(AccountsDistribution.ORDER);
        return new AccountsDistribution(value(total), shares);
    }

    private static BigDecimal total(List<ConnectorBalances> states) {
        return states.stream().map(ConnectorBalances::totalValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal value(BigDecimal exact) {
        return exact.setScale(VALUE_PLACES, RoundingMode.HALF_EVEN);
    }

    /** Share of {@code total} in percent; 0 when there is nothing to share. */
    static BigDecimal percent(BigDecimal part, BigDecimal total) {
        if (total.signum() == 0) {
            return BigDecimal.ZERO.setScale(PERCENT_PLACES);
        }
        return part.multiply(HUNDRED).divide(total, PERCENT_PLACES, RoundingMode.HALF_EVEN);
    }

    /** A running sum of value and units. */
    private static class Amount {
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal units = BigDecimal.ZERO;

        void add(TokenValue token) {
            value = value.add(token.value());
            units = units.add(token.units());
        }
    }

    /** One token's sums: overall, per account, per connector inside the account. */
    private static final class TokenSums extends Amount {
        private final Map<String, AccountSums> accounts = new TreeMap<>();

        void add(ConnectorBalances state, TokenValue token) {
            add(token);
            accounts.computeIfAbsent(state.account(), a -> new AccountSums()).add(state.connector(), token);
        }

        TokenShare share(String token, BigDecimal total) {
            Map<String, AccountHolding> holdings = new LinkedHashMap<>();
            accounts.forEach((account, sums) -> holdings.put(account, sums.holding(total)));
            return new TokenShare(token, value(value), units, percent(value, total), holdings);
        }
    }

    private static final class AccountSums extends Amount {
        private final Map<String, Amount> connectors = new TreeMap<>();

        void add(String connector, TokenValue token) {
            add(token);
            connectors.computeIfAbsent(connector, k -> new Amount()).add(token);
        }

        AccountHolding holding(BigDecimal total) {
            Map<String, ConnectorHolding> byConnector = new LinkedHashMap<>();
            connectors.forEach((connector, a) -> byConnector.put(connector, new ConnectorHolding(value(a.value), a.units)));
            return new AccountHolding(value(value), units, percent(value, total), byConnector);
        }
    }
}
