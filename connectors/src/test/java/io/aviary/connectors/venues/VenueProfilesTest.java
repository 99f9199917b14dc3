package io.aviary.connectors.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.registry.StandardConnectors;
import io.aviary.connectors.venues.resilience.ResiliencePolicy;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins what each venue declares about itself (rate limit, paper twin, candle intervals) to the values the
 * adapters had before their settings moved into one profile per venue, through the public API only.
 */
class VenueProfilesTest {

    @Test
    void defaultRateLimitsPerVenue() {
        assertThat(VenueConnectors.DEFAULT_POLICIES).isEqualTo(Map.of(
                "binance", ResiliencePolicy.perSecond(20), "binance_perpetual", ResiliencePolicy.perSecond(10),
                "kucoin", ResiliencePolicy.perSecond(10), "okx", ResiliencePolicy.perSecond(10),
                "bybit", ResiliencePolicy.perSecond(10), "kraken", ResiliencePolicy.perSecond(1),
                "gate_io", ResiliencePolicy.perSecond(10), "coinbase_advanced_trade", ResiliencePolicy.perSecond(10)));
    }

    @Test
    void paperTwinsAreTheSimAndHummingbotsDefaultPaperExchanges() {
        assertThat(StandardConnectors.PAPER_VENUES).containsExactlyInAnyOrder("sim", "binance", "kucoin", "kraken", "gate_io");
    }

    @Test
    void candleIntervalsPerVenue() {
        Map<String, String> offered = VenueConnectors.unprotected(VenueSettings.defaults()).stream()
                .collect(Collectors.toMap(f -> f.spec().name(), VenueProfilesTest::intervals));
        assertThat(offered).containsExactlyInAnyOrderEntriesOf(Map.of(
                "binance", "1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M",
                "binance_perpetual", "1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M",
                "kucoin", "1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 1w 1M",
                "okx", "1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 3d 1w 1M",
                "bybit", "1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w 1M",
                "kraken", "1m 5m 15m 30m 1h 4h 1d 1w",
                "gate_io", "1m 5m 15m 30m 1h 4h 8h 1d 1w 1M",
                "coinbase_advanced_trade", "1m 5m 15m 30m 1h 2h 6h 1d"));
    }

    @Test
    void anIntervalAVenueDoesNotOfferIsUnsupportedNamingTheVenue() {
        List<String> expected = List.of("KuCoin", "OKX", "Bybit", "Gate.io", "Coinbase", "Kraken");
        List<String> names = List.of("kucoin", "okx", "bybit", "gate_io", "coinbase_advanced_trade", "kraken");
        for (int i = 0; i < names.size(); i++) {
            ConnectorFactory f = factory(names.get(i));
            CandleInterval missing = Arrays.stream(CandleInterval.values())
                    .filter(iv -> !f.marketData().candleIntervals().contains(iv)).findFirst().orElseThrow();
            assertThatThrownBy(() -> f.marketData().candles(TradingPair.parse("BTC-USDT"), missing, Instant.EPOCH,
                    Instant.EPOCH.plusSeconds(86_400), 10))
                    .isInstanceOf(VenueException.Unsupported.class)
                    .hasMessageContaining("interval " + missing.wireName() + " is not offered by " + expected.get(i));
        }
    }

    private static ConnectorFactory factory(String name) {
        return VenueConnectors.unprotected(VenueSettings.defaults()).stream().filter(f -> f.spec().name().equals(name))
                .findFirst().orElseThrow();
    }

    private static String intervals(ConnectorFactory f) {
        return f.marketData().candleIntervals().stream().sorted().map(CandleInterval::wireName)
                .collect(Collectors.joining(" "));
    }
}
