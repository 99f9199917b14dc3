package io.aviary.connectors.venues;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.connectors.venues.support.CandlePager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class VenueConnectorsTest extends WireMockVenueTest {

    @Test
    void everyVenueIsListedWithHummingbotNamesAndCredentialFields() {
        List<ConnectorFactory> all = VenueConnectors.all(VenueSettings.defaults());
        assertThat(all).extracting(f -> f.spec().name()).containsExactly("binance", "binance_perpetual", "kucoin", "okx",
                "bybit", "kraken", "gate_io", "coinbase_advanced_trade");
        assertThat(all).filteredOn(f -> f.spec().perpetual()).extracting(f -> f.spec().name())
                .containsExactly("binance_perpetual");
        for (ConnectorFactory f : all) {
            ConnectorSpec s = f.spec();
            assertThat(s.configFields()).allMatch(field -> field.startsWith(s.name() + "_"));
            assertThat(s.secretFields()).isNotEmpty();
        }
        // the registry (and its catalog) accept them as they are
        assertThat(new ConnectorRegistry(all).catalog().all()).hasSize(8);
    }

    @Test
    void missingCredentialFieldIsAnAuthenticationFailureNamingTheField() {
        ConnectorFactory okx = factory("okx", VenueSettings.defaults());
        assertThatThrownBy(() -> okx.trading(Map.of("okx_api_key", "k", "okx_secret_key", "s")))
                .isInstanceOf(VenueException.AuthenticationFailed.class).hasMessageContaining("okx_passphrase")
                .hasMessageNotContaining("\"s\"");
    }

    @Test
    void pagerAsksWindowsOfTheVenueMaximumAndStopsAtTheLimit() {
        Instant start = Instant.parse("2024-01-01T00:00:30Z");
        List<Instant[]> windows = new ArrayList<>();
        List<Candle> out = CandlePager.page(CandleInterval.M1, start, start.plusSeconds(3600), 25, 10, (from, to, n) -> {
            windows.add(new Instant[] {from, to});
            List<Candle> page = new ArrayList<>();
            for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
                page.add(0, new Candle(t, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                        BigDecimal.ONE, 1, BigDecimal.ZERO, BigDecimal.ZERO)); // newest first, as several venues answer
            }
            return page;
        });
        assertThat(out).hasSize(25);
        assertThat(out.get(0).openTime()).isEqualTo(Instant.parse("2024-01-01T00:01:00Z")); // first open >= start
        assertThat(out).isSortedAccordingTo(java.util.Comparator.comparing(Candle::openTime));
        assertThat(windows).hasSize(3);
    }

    @Test
    void polledBookStreamSendsSnapshots() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/api/v1/market/orderbook/level2_100")).withQueryParam("symbol", equalTo("BTC-USDT"))
                .willReturn(okJson(fixture("kucoin/orderbook.json"))));
        var md = factory("kucoin", settings("kucoin")).marketData();
        List<OrderBookSnapshot> snapshots = new CopyOnWriteArrayList<>();
        try (Subscription s = md.subscribeOrderBook(TradingPair.parse("BTC-USDT"), new io.aviary.connectors.port.OrderBookListener() {
            @Override
            public void onSnapshot(OrderBookSnapshot snapshot) {
                snapshots.add(snapshot);
            }

            @Override
            public void onDiff(io.aviary.connectors.model.OrderBookDiff diff) {
            }
        })) {
            waitFor(() -> snapshots.size() >= 2);
        }
        assertThat(snapshots.get(0).sequence()).isEqualTo(3262786978L);
    }

    @Test
    void polledUserStreamReportsOpenOrdersAndBalances() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/api/v1/orders")).willReturn(okJson(fixture("kucoin/openOrders.json"))));
        wm.stubFor(get(urlPathEqualTo("/api/v1/accounts")).willReturn(okJson(fixture("kucoin/accounts.json"))));
        var trading = factory("kucoin", settings("kucoin")).trading(Map.of("kucoin_api_key", "k",
                "kucoin_secret_key", "s", "kucoin_passphrase", "p"));
        List<OrderUpdate> orders = new CopyOnWriteArrayList<>();
        List<String> balances = new CopyOnWriteArrayList<>();
        try (Subscription s = trading.subscribeUserStream(new UserStreamListener() {
            @Override
            public void onOrderUpdate(OrderUpdate update) {
                orders.add(update);
            }

            @Override
            public void onBalance(io.aviary.connectors.model.Balance balance) {
                balances.add(balance.asset());
            }
        })) {
            waitFor(() -> !orders.isEmpty() && balances.size() >= 2);
        }
        assertThat(orders.get(0).clientOrderId()).isEqualTo("HBOT-B-BTUT-3");
        assertThat(balances).contains("BTC", "USDT");
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
    }
}
