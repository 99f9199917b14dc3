package io.aviary.marketdata.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.sim.SimApiKeys;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.sim.SimConnectorFactory;
import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.kit.testing.ServiceHttpTestBase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code /rate-oracle} over real HTTP against the real sim venue (its simulation off, so prices hold still while a test
 * compares them) and a real PostgreSQL: a listed pair's rate is the venue's last price, a cross pair the quotient of
 * its legs through USDT, the configuration survives a restart of the service, and wrong input or a venue that is down
 * answers with the status that says so.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateOracleHttpTest extends ServiceHttpTestBase {

    static final TradingPair BTC_USDT = TradingPair.parse("BTC-USDT");
    static final TradingPair ETH_USDT = TradingPair.parse("ETH-USDT");

    static EmbeddedPostgres postgres;
    static SimVenueProcess venue;
    MarketDataServer server;

    /** The prices the test trades at: with no trade a sim market's last price follows its moving fair price. */
    static BigDecimal btcTrade;
    static BigDecimal ethTrade;

    @BeforeAll
    static void infrastructure() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        venue = SimVenueProcess.start(Map.of("SIM_EXCHANGE_SIMULATION_ENABLED", "false"));
        btcTrade = trade(BTC_USDT, new BigDecimal("0.001"));
        ethTrade = trade(ETH_USDT, new BigDecimal("0.01"));
    }

    /** One trade between two accounts near the market's current price, which becomes its last price. */
    static BigDecimal trade(TradingPair pair, BigDecimal amount) {
        SimConnectorFactory spot = SimConnectorFactory.spot(venue.url());
        BigDecimal price = spot.marketData().lastPrices(List.of(pair)).get(pair).setScale(0, RoundingMode.DOWN);
        try (TradingConnector seller = spot.trading(SimApiKeys.create(venue.url(), "seller-" + pair.base()).credentials("sim"));
                TradingConnector buyer = spot.trading(SimApiKeys.create(venue.url(), "buyer-" + pair.base()).credentials("sim"))) {
            seller.placeOrder(new OrderRequest("sell-" + pair.base(), pair, TradeType.SELL, OrderType.LIMIT, amount, price, null));
            buyer.placeOrder(new OrderRequest("buy-" + pair.base(), pair, TradeType.BUY, OrderType.LIMIT, amount, price, null));
        }
        assertThat(spot.marketData().lastPrices(List.of(pair)).get(pair)).as("the trade set the last price")
                .isEqualByComparingTo(price);
        return price;
    }

    @AfterAll
    static void stopInfrastructure() throws IOException {
        venue.close();
        postgres.close();
    }

    @BeforeEach
    void startService() {
        server = MarketDataServer.start(postgres.getJdbcUrl("postgres", "postgres"), venue.url());
        port = server.port();
    }

    @AfterEach
    void stopService() {
        server.close();
    }

    MarketDataConnector venueData() {
        return SimConnectorFactory.spot(venue.url()).marketData();
    }

    BigDecimal lastPrice(TradingPair pair) {
        return venueData().lastPrices(List.of(pair)).get(pair);
    }

    @Test
    void aListedPairsRateIsTheSourcesLastPrice() {
        BigDecimal btc = btcTrade;
        assertThat(lastPrice(BTC_USDT)).isEqualByComparingTo(btc);

        Answer rate = get("/rate-oracle/rate/BTC-USDT");

        assertThat(rate.status()).as(rate.body()).isEqualTo(200);
        assertThat(rate.json().get("trading_pair").asString()).isEqualTo("BTC-USDT");
        assertThat(rate.json().get("rate").decimalValue()).isEqualByComparingTo(btc);
        assertThat(rate.json().get("source").asString()).isEqualTo("sim");
        assertThat(rate.json().get("quote_token").asString()).isEqualTo("USDT");
        assertThat(get("/rate-oracle/rate-async/BTC-USDT").json().get("rate").decimalValue()).isEqualByComparingTo(btc);
    }

    @Test
    void aCrossPairIsPricedThroughItsLegsAndAnInversePairAsOneOverThePrice() {
        BigDecimal btc = btcTrade;
        BigDecimal eth = ethTrade;

        Answer rates = post("/rate-oracle/rates", "{\"trading_pairs\": [\"ETH-BTC\", \"USDT-BTC\", \"BTC-USDT\", \"NOPE-USDT\"]}");

        assertThat(rates.status()).as(rates.body()).isEqualTo(200);
        assertThat(rates.json().get("source").asString()).isEqualTo("sim");
        var byPair = rates.json().get("rates"); // read as doubles by the test's JSON mapper: compared to 1e-9 %
        assertThat(byPair.get("ETH-BTC").decimalValue())
                .isCloseTo(eth.divide(btc, MathContext.DECIMAL128), Percentage.withPercentage(1e-9));
        assertThat(byPair.get("USDT-BTC").decimalValue())
                .isCloseTo(BigDecimal.ONE.divide(btc, MathContext.DECIMAL128), Percentage.withPercentage(1e-9));
        assertThat(byPair.get("BTC-USDT").decimalValue()).isEqualByComparingTo(btc);
        assertThat(byPair.get("NOPE-USDT").isNull()).as("no path: null, as Hummingbot answers").isTrue();

        Answer cross = get("/rate-oracle/rate/ETH-BTC");
        assertThat(cross.json().get("rate").decimalValue()).isEqualByComparingTo(byPair.get("ETH-BTC").decimalValue());
    }

    @Test
    void pricesAreEveryPairTheSourceLists() {
        Answer prices = get("/rate-oracle/prices");

        assertThat(prices.status()).as(prices.body()).isEqualTo(200);
        assertThat(prices.json().get("prices_count").asInt()).isEqualTo(prices.json().get("prices").size())
                .isEqualTo(venueData().tradingRules().size());
        assertThat(prices.json().get("prices").get("BTC-USDT").decimalValue()).isEqualByComparingTo(btcTrade);
    }

    @Test
    void aPairWithoutPathIs404NamingItAndAMalformedOne400() {
        Answer none = get("/rate-oracle/rate/NOPE-XYZ");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("detail").asString()).contains("NOPE-XYZ").contains("sim");

        assertThat(get("/rate-oracle/rate/btc_usdt").status()).isEqualTo(400);
    }

    @Test
    void anUnknownSourceIs422NamingTheAvailableOnes() {
        assertThat(get("/rate-oracle/sources").json().valueStream().map(n -> n.asString()).toList())
                .contains("sim").doesNotContain("sim_perpetual", "sim_paper_trade");

        Answer refused = put("/rate-oracle/config", "{\"rate_oracle_source\": {\"name\": \"nowhere\"}}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("detail").get(0).get("msg").asString()).contains("sim");
        assertThat(get("/rate-oracle/config").json().get("rate_oracle_source").get("name").asString()).isEqualTo("sim");
    }

    @Test
    void theConfigurationSurvivesARestartOfTheService() {
        Answer updated = put("/rate-oracle/config",
                "{\"global_token\": {\"global_token_name\": \"BTC\", \"global_token_symbol\": \"B\"}}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("success").asBoolean()).isTrue();
        try {
            server.close();
            server = MarketDataServer.start(postgres.getJdbcUrl("postgres", "postgres"), venue.url());
            port = server.port();

            Answer config = get("/rate-oracle/config");
            assertThat(config.json().get("global_token").get("global_token_name").asString()).isEqualTo("BTC");
            assertThat(config.json().get("global_token").get("global_token_symbol").asString()).isEqualTo("B");
            assertThat(config.json().get("rate_oracle_source").get("name").asString()).isEqualTo("sim");
            assertThat(config.json().get("available_sources").toString()).contains("\"sim\"");
            assertThat(get("/rate-oracle/rate/ETH-USDT").json().get("quote_token").asString()).isEqualTo("BTC");
        } finally {
            put("/rate-oracle/config", "{\"global_token\": {\"global_token_name\": \"USDT\", \"global_token_symbol\": \"$\"}}");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: the venue restarts
    void aSourceThatIsDownIs503NamingIt() {
        venue.stop();
        try {
            Answer down = get("/rate-oracle/rate-async/BTC-USDT");
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.json().get("detail").asString()).contains("sim");
        } finally {
            venue.restart();
        }
    }

    Answer put(String path, String json) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
