package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.aviary.devstack.RunningSuite;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feed lifecycle: expiry and the cap on live feeds with short settings (a second market-data JVM, reached
 * directly and through a second gateway routed to it), and recovery when the venue restarts.
 */
class MarketDataFeedsTest {

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
    }

    @Test
    void unusedFeedsExpireAfterTheFeedTimeoutAndFreeTheirSlotUnderTheFeedCap() throws InterruptedException {
        RunningSuite.Extra extra = suite.launchExtra("market-data-service", RunningSuite.freePort(),
                Map.of("MARKET_DATA_FEED_TIMEOUT", "2", "MARKET_DATA_CLEANUP_INTERVAL", "1", "MARKET_DATA_MAX_FEEDS", "2"));
        RunningSuite.Extra gateway = suite.launchExtra("gateway", RunningSuite.freePort(),
                Map.of("AVIARY_MARKET_DATA_URL", extra.url()));
        try {
            assertThat(extra.awaitHealthy(Duration.ofSeconds(90))).as(extra.output()).isTrue();
            assertThat(gateway.awaitHealthy(Duration.ofSeconds(90))).as(gateway.output()).isTrue();
            Http direct = Http.to(extra.url()).header("X-Aviary-Internal-Token", suite.internalToken());
            Http api = Http.to(gateway.url()).basicAuth(suite.username(), suite.password());
            assertThat(direct.get("/market-data/settings").body()).startsWith("{\"cleanup_interval\":1,\"feed_timeout\":2,");

            assertThat(api.postJson("/market-data/candles",
                    "{\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\",\"interval\":\"1m\",\"max_records\":5}").status()).isEqualTo(200);
            assertThat(api.postJson("/market-data/order-book",
                    "{\"connector_name\":\"sim\",\"trading_pair\":\"ETH-USDT\",\"depth\":1}").status()).isEqualTo(200);
            Map<String, Object> active = JsonPath.read(direct.get("/market-data/active-feeds").body(), "$");
            assertThat(active).containsOnlyKeys("candles_sim_BTC-USDT_1m", "order_book_sim_ETH-USDT");

            // a third feed is over the cap of 2: 429 naming the limit and how to raise it, through the gateway
            String thirdFeed = "{\"connector_name\":\"sim\",\"trading_pair\":\"SOL-USDT\",\"depth\":1}";
            Http.Response refused = api.postJson("/market-data/order-book", thirdFeed);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(JsonPath.<String>read(refused.body(), "$.detail"))
                    .contains("2 live feeds", "MARKET_DATA_MAX_FEEDS=2", "raise MARKET_DATA_MAX_FEEDS");
            assertThat((Map<String, Object>) JsonPath.read(direct.get("/market-data/active-feeds").body(), "$"))
                    .containsOnlyKeys("candles_sim_BTC-USDT_1m", "order_book_sim_ETH-USDT");

            Instant deadline = Instant.now().plusSeconds(20);
            while (!active.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
                active = JsonPath.read(direct.get("/market-data/active-feeds").body(), "$");
            }
            assertThat(active).as("feeds still active 20 s after their last use").isEmpty();
            assertThat(extra.output()).contains("Stopped unused candles feed candles_sim_BTC-USDT_1m");

            // used again, a feed comes back; the expired feeds' slots are free for the refused one too
            assertThat(api.postJson("/market-data/candles",
                    "{\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\",\"interval\":\"1m\",\"max_records\":5}").status()).isEqualTo(200);
            Http.Response admitted = api.postJson("/market-data/order-book", thirdFeed);
            assertThat(admitted.status()).as(admitted.toString()).isEqualTo(200);
            assertThat((Map<String, Object>) JsonPath.read(direct.get("/market-data/active-feeds").body(), "$"))
                    .containsOnlyKeys("candles_sim_BTC-USDT_1m", "order_book_sim_SOL-USDT");
        } finally {
            gateway.stop();
            extra.stop();
        }
    }

    @Test
    void feedsRecoverWhenTheVenueRestarts() throws InterruptedException {
        Http api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
        String book = "{\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\",\"depth\":3}";
        String candles = "{\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\",\"interval\":\"1s\",\"max_records\":5}";
        Http.Response before = api.postJson("/market-data/order-book", book);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(api.postJson("/market-data/candles", candles).status()).isEqualTo(200);
        double stampBefore = ((Number) JsonPath.read(before.body(), "$.timestamp")).doubleValue();

        suite.restartService("sim-exchange"); // the book stream drops; the venue's sequences start again

        Instant deadline = Instant.now().plusSeconds(60);
        Http.Response after = api.postJson("/market-data/order-book", book);
        // a restarted venue's makers quote on their first ticks: wait for a fresh snapshot with levels in it
        while ((after.status() != 200 || timestamp(after) <= stampBefore || asks(after) < 3)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            after = api.postJson("/market-data/order-book", book);
        }
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(timestamp(after)).isGreaterThan(stampBefore);
        assertThat(JsonPath.<java.util.List<Object>>read(after.body(), "$.asks")).hasSize(3);

        // the candle feed keeps closing candles from the restarted venue
        Thread.sleep(3000);
        Http.Response latest = api.postJson("/market-data/candles", candles);
        assertThat(latest.status()).as(latest.toString()).isEqualTo(200);
        long lastOpen = ((Number) JsonPath.read(latest.body(), "$[-1].timestamp")).longValue();
        assertThat(lastOpen).isGreaterThanOrEqualTo(Instant.now().getEpochSecond() - 3);
    }

    private static int asks(Http.Response response) {
        return response.status() == 200 ? JsonPath.<java.util.List<Object>>read(response.body(), "$.asks").size() : 0;
    }

    private static double timestamp(Http.Response response) {
        return response.status() == 200 ? ((Number) JsonPath.read(response.body(), "$.timestamp")).doubleValue() : 0;
    }
}
