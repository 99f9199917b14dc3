package io.aviary.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.TradingPair;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversionPathsTest {

    static TradingPair p(String pair) {
        return TradingPair.parse(pair);
    }

    final ConversionPaths paths = new ConversionPaths(Map.of(p("BTC-USDT"), new BigDecimal("50000"),
            p("ETH-USDT"), new BigDecimal("2500"), p("ETH-BTC"), new BigDecimal("0.051"),
            p("SOL-USDC"), new BigDecimal("150"), p("USDC-USDT"), new BigDecimal("0.999"), p("ZERO-USDT"), BigDecimal.ZERO));

    @Test
    void aListedPairIsItsPriceAndItsReverseTheInverse() {
        assertThat(paths.rate(p("BTC-USDT"), "USDT")).hasValue(new BigDecimal("50000"));
        assertThat(paths.rate(p("USDT-BTC"), "USDT").orElseThrow()).isEqualByComparingTo("0.00002");
        assertThat(paths.rate(p("BTC-BTC"), "USDT")).hasValue(BigDecimal.ONE);
    }

    @Test
    void aCrossPairGoesThroughOneAssetPreferringTheGlobalToken() {
        // listed ETH-BTC wins over the path through USDT
        assertThat(paths.rate(p("ETH-BTC"), "USDT").orElseThrow()).isEqualByComparingTo("0.051");
        // BTC-ETH: the inverse of the listed pair
        assertThat(paths.rate(p("BTC-ETH"), "USDT").orElseThrow().doubleValue()).isEqualTo(1 / 0.051, org.assertj.core.data.Offset.offset(1e-12));
        // SOL-USDT: SOL-USDC × USDC-USDT
        assertThat(paths.rate(p("SOL-USDT"), "USDT").orElseThrow()).isEqualByComparingTo("149.85");
        // SOL-BTC: through USDC? no path of two legs (SOL-USDC, USDC-BTC missing): none through USDT either
        assertThat(paths.rate(p("SOL-BTC"), "USDT")).isEmpty();
        // USDC-BTC: USDC-USDT / BTC-USDT
        assertThat(paths.rate(p("USDC-BTC"), "USDT").orElseThrow()).isEqualByComparingTo("0.00001998");
    }

    @Test
    void unknownAssetsAndZeroPricesHaveNoRate() {
        assertThat(paths.rate(p("NOPE-USDT"), "USDT")).isEmpty();
        assertThat(paths.rate(p("ZERO-USDT"), "USDT")).isEmpty();
    }
}
