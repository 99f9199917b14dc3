package io.aviary.accounts.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.accounts.domain.portfolio.AccountsDistribution.AccountShare;
import io.aviary.accounts.domain.portfolio.TokenDistribution.TokenShare;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Distribution maths on hand-computed portfolios of 0, 1 and 3 accounts. */
class DistributionsTest {

    private static final Instant T = Instant.parse("2025-07-01T00:00:00Z");

    private static TokenValue token(String token, String units, String price) {
        BigDecimal u = new BigDecimal(units);
        BigDecimal p = new BigDecimal(price);
        return new TokenValue(token, u, p, u.multiply(p), u);
    }

    private static ConnectorBalances state(String account, String connector, TokenValue... tokens) {
        return new ConnectorBalances(account, connector, T, List.of(tokens));
    }

    @Test
    void noAccountsIsAnEmptyPortfolioWithoutDivisionByZero() {
        TokenDistribution byToken = Distributions.byToken(List.of(), "all_accounts");
        assertThat(byToken.totalValue()).isEqualByComparingTo("0");
        assertThat(byToken.tokens()).isEmpty();
        assertThat(byToken.accountFilter()).isEqualTo("all_accounts");
        AccountsDistribution byAccount = Distributions.byAccount(List.of());
        assertThat(byAccount.totalValue()).isEqualByComparingTo("0");
        assertThat(byAccount.accounts()).isEmpty();
    }

    @Test
    void oneAccountWithWorthlessTokensHasZeroPercentages() {
        TokenDistribution d = Distributions.byToken(List.of(state("a", "sim", token("XYZ", "5", "0"))), "a");
        assertThat(d.tokens()).singleElement().satisfies(t -> {
            assertThat(t.percentage()).isEqualByComparingTo("0");
            assertThat(t.totalUnits()).isEqualByComparingTo("5");
        });
        assertThat(Distributions.byAccount(List.of(state("a", "sim"))).accounts())
                .singleElement().satisfies(a -> assertThat(a.totalValue()).isEqualByComparingTo("0"));
    }

    @Test
    void oneAccount() {
        // BTC 0.5 × 60000 = 30000, USDT 10000 × 1 = 10000: total 40000 → 75 % / 25 %
        List<ConnectorBalances> states = List.of(state("desk", "sim", token("BTC", "0.5", "60000"), token("USDT", "10000", "1")));
        TokenDistribution d = Distributions.byToken(states, "desk");
        assertThat(d.totalValue()).isEqualByComparingTo("40000");
        assertThat(d.tokens()).extracting(TokenShare::token).containsExactly("BTC", "USDT");
        assertThat(d.tokens().get(0).percentage()).isEqualByComparingTo("75");
        assertThat(d.tokens().get(1).percentage()).isEqualByComparingTo("25");
        assertThat(d.tokens().get(0).accounts().get("desk").connectors().get("sim").units()).isEqualByComparingTo("0.5");

        AccountsDistribution a = Distributions.byAccount(states);
        assertThat(a.accounts()).singleElement().satisfies(s -> {
            assertThat(s.totalValue()).isEqualByComparingTo("40000");
            assertThat(s.percentage()).isEqualByComparingTo("100");
            assertThat(s.connectors().get("sim").value()).isEqualByComparingTo("40000");
        });
    }

    /**
     * a: sim BTC 1 × 100 = 100, USDT 50; binance ETH 2 × 25 = 50        → a = 200
     * b: sim USDT 150                                                 → b = 150
     * c: kraken BTC 0.5 × 100 = 50, sim ETH 0                          → c = 50
     * total 400. Tokens: BTC 150 (37.5 %), USDT 200 (50 %), ETH 50 (12.5 %).
     */
    private static List<ConnectorBalances> threeAccounts() {
        return List.of(
                state("a", "sim", token("BTC", "1", "100"), token("USDT", "50", "1")),
                state("a", "binance", token("ETH", "2", "25")),
                state("b", "sim", token("USDT", "150", "1")),
                state("c", "kraken", token("BTC", "0.5", "100")),
                state("c", "sim"));
    }

    @Test
    void threeAccountsByToken() {
        TokenDistribution d = Distributions.byToken(threeAccounts(), "a,b,c");
        assertThat(d.totalValue()).isEqualByComparingTo("400");
        assertThat(d.tokens()).extracting(TokenShare::token).containsExactly("USDT", "BTC", "ETH");
        TokenShare usdt = d.tokens().get(0);
        assertThat(usdt.totalValue()).isEqualByComparingTo("200");
        assertThat(usdt.totalUnits()).isEqualByComparingTo("200");
        assertThat(usdt.percentage()).isEqualByComparingTo("50");
        assertThat(usdt.accounts()).containsOnlyKeys("a", "b");
        assertThat(usdt.accounts().get("a").percentage()).isEqualByComparingTo("12.5");
        assertThat(usdt.accounts().get("b").percentage()).isEqualByComparingTo("37.5");
        TokenShare btc = d.tokens().get(1);
        assertThat(btc.totalValue()).isEqualByComparingTo("150");
        assertThat(btc.totalUnits()).isEqualByComparingTo("1.5");
        assertThat(btc.percentage()).isEqualByComparingTo("37.5");
        assertThat(btc.accounts().get("c").connectors()).containsOnlyKeys("kraken");
        assertThat(btc.accounts().get("c").connectors().get("kraken").value()).isEqualByComparingTo("50");
        assertThat(d.tokens().get(2).percentage()).isEqualByComparingTo("12.5");
    }

    @Test
    void threeAccountsByAccount() {
        AccountsDistribution d = Distributions.byAccount(threeAccounts());
        assertThat(d.totalValue()).isEqualByComparingTo("400");
        assertThat(d.accounts()).extracting(AccountShare::account).containsExactly("a", "b", "c");
        AccountShare a = d.accounts().get(0);
        assertThat(a.totalValue()).isEqualByComparingTo("200");
        assertThat(a.percentage()).isEqualByComparingTo("50");
        assertThat(a.connectors()).containsOnlyKeys("binance", "sim");
        assertThat(a.connectors().get("sim").value()).isEqualByComparingTo("150");
        assertThat(a.connectors().get("sim").percentage()).isEqualByComparingTo("37.5");
        assertThat(a.connectors().get("binance").percentage()).isEqualByComparingTo("12.5");
        assertThat(d.accounts().get(1).percentage()).isEqualByComparingTo("37.5");
        AccountShare c = d.accounts().get(2);
        assertThat(c.percentage()).isEqualByComparingTo("12.5");
        assertThat(c.connectors().get("sim").value()).isEqualByComparingTo("0");
    }

    @Test
    void aSelectionIsComputedOnItsOwnTotal() {
        // accounts-distribution filtered to b and c: total 200, b 75 %, c 25 %.
        List<ConnectorBalances> bc = threeAccounts().stream().filter(s -> !s.account().equals("a")).toList();
        AccountsDistribution d = Distributions.byAccount(bc);
        assertThat(d.totalValue()).isEqualByComparingTo("200");
        assertThat(d.accounts()).extracting(AccountShare::percentage).map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("75"), new BigDecimal("25"));
    }

    @Test
    void valuesRoundToSixPlacesAndPercentagesToFour() {
        // 1/3 of the value in each of three tokens: 33.3333 % each; values 0.3333333 → 0.333333
        List<ConnectorBalances> states = List.of(state("a", "sim", token("A", "1", "0.3333333"),
                token("B", "1", "0.3333333"), token("C", "1", "0.3333333")));
        TokenDistribution d = Distributions.byToken(states, "a");
        assertThat(d.tokens()).allSatisfy(t -> {
            assertThat(t.totalValue()).isEqualTo(new BigDecimal("0.333333"));
            assertThat(t.percentage()).isEqualTo(new BigDecimal("33.3333"));
        });
        assertThat(d.totalValue()).isEqualTo(new BigDecimal("1.000000"));
        assertThat(d.tokens()).extracting(TokenShare::token).containsExactly("A", "B", "C");
    }
}
