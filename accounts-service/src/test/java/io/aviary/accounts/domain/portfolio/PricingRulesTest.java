package io.aviary.accounts.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.accounts.domain.portfolio.PricingRules.Balance;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricingRulesTest {

    private static Balance balance(String token, String units) {
        return new Balance(token, new BigDecimal(units), new BigDecimal(units));
    }

    @Test
    void aTokenNamingUsdIsWorthOneAndIsNeverAskedFor() {
        PricingRules rules = new PricingRules(List.of());
        List<Balance> balances = List.of(balance("USDT", "10"), balance("USDC", "2.5"), balance("TUSD", "1"),
                balance("USD", "3"), balance("BTC", "0.5"));
        assertThat(rules.marketsToPrice("binance", balances)).containsExactly("BTC-USDT");
        List<TokenValue> valued = rules.value("binance", balances, Map.of("BTC-USDT", new BigDecimal("60000")));
        assertThat(valued).extracting(TokenValue::price).map(BigDecimal::stripTrailingZeros)
                .containsExactly(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("6E+4"));
        assertThat(valued.get(1).value()).isEqualByComparingTo("2.5");
        assertThat(valued.get(4).value()).isEqualByComparingTo("30000");
    }

    @Test
    void theQuoteDependsOnTheConnector() {
        assertThat(PricingRules.market("BTC", "kraken")).isEqualTo("BTC-USD");
        assertThat(PricingRules.market("BTC", "hyperliquid")).isEqualTo("BTC-USD");
        assertThat(PricingRules.market("ETH", "hyperliquid_perpetual")).isEqualTo("ETH-USDC");
        assertThat(PricingRules.market("XRP", "xrpl")).isEqualTo("XRP-RLUSD");
        assertThat(PricingRules.market("ETH", "sim")).isEqualTo("ETH-USDT");
        assertThat(PricingRules.market("ETH", "binance_perpetual")).isEqualTo("ETH-USDT");
    }

    @Test
    void binanceEarnTokensLoseTheirLdPrefixButLdoIsItself() {
        assertThat(PricingRules.market("LDBTC", "binance")).isEqualTo("BTC-USDT");
        assertThat(PricingRules.market("LDO", "binance")).isEqualTo("LDO-USDT");
        assertThat(PricingRules.market("LDOGE", "binance")).isEqualTo("OGE-USDT");
        PricingRules rules = new PricingRules(List.of());
        List<TokenValue> valued = rules.value("binance", List.of(balance("LDBTC", "2")),
                Map.of("BTC-USDT", new BigDecimal("100")));
        assertThat(valued.getFirst().token()).isEqualTo("LDBTC");
        assertThat(valued.getFirst().value()).isEqualByComparingTo("200");
    }

    @Test
    void zeroBalancesAndBannedTokensAreDropped() {
        PricingRules rules = PricingRules.fromBannedTokens(" SCAM, ,DUST ");
        List<Balance> balances = List.of(balance("SCAM", "1000"), balance("DUST", "1"), balance("ETH", "0"),
                balance("ETH2", "0.000"), balance("SOL", "3"));
        assertThat(rules.marketsToPrice("sim", balances)).containsExactly("SOL-USDT");
        assertThat(rules.value("sim", balances, Map.of())).extracting(TokenValue::token).containsExactly("SOL");
        assertThat(PricingRules.fromBannedTokens(null).counts(balance("SCAM", "1"))).isTrue();
    }

    @Test
    void aPriceTheVenueDidNotGiveIsZero() {
        PricingRules rules = new PricingRules(List.of());
        List<TokenValue> valued = rules.value("sim", List.of(balance("NOPE", "7")), Map.of());
        assertThat(valued.getFirst().price()).isZero();
        assertThat(valued.getFirst().value()).isZero();
        assertThat(valued.getFirst().units()).isEqualByComparingTo("7");
    }

    @Test
    void availableUnitsAreKeptAsReported() {
        PricingRules rules = new PricingRules(List.of());
        TokenValue eth = rules.value("sim", List.of(new Balance("ETH", new BigDecimal("10"), new BigDecimal("7.5"))),
                Map.of("ETH-USDT", new BigDecimal("3000.5"))).getFirst();
        assertThat(eth.availableUnits()).isEqualByComparingTo("7.5");
        assertThat(eth.value()).isEqualByComparingTo("30005");
    }
}
