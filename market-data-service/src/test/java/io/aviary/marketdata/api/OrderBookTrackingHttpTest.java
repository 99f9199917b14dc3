package io.aviary.marketdata.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.kit.testing.ServiceHttpTestBase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HEAD's order-book tracker routes over real HTTP on the real sim venue: an added pair's feed is followed (and kept
 * past the feed timeout that stops a feed opened by a read) until removed; diagnostics and restart see the
 * connector's books; wrong input answers 4xx. Feeds expire after 1 s here, swept every second.
 */
class OrderBookTrackingHttpTest extends ServiceHttpTestBase {

    static EmbeddedPostgres postgres;
    static SimVenueProcess venue;
    static MarketDataServer server;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        venue = SimVenueProcess.start(Map.of());
        server = MarketDataServer.start(postgres.getJdbcUrl("postgres", "postgres"), venue.url(),
                "--aviary.market-data.feed-timeout=1", "--aviary.market-data.cleanup-interval=1");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        venue.close();
        postgres.close();
    }

    @Test
    void anAddedPairIsFollowedUntilRemovedWhileAReadFeedExpires() {
        port = server.port();
        Answer added = post("/market-data/trading-pair/add",
                "{\"connector_name\": \"sim\", \"trading_pair\": \"BTC-USDT\", \"timeout\": 20}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("success").asBoolean()).isTrue();
        assertThat(added.json().get("trading_pair").asString()).isEqualTo("BTC-USDT");

        // a feed opened by a read expires after the (1 s) feed timeout; the added one stays
        assertThat(post("/market-data/order-book", "{\"connector_name\": \"sim\", \"trading_pair\": \"ETH-USDT\"}").status())
                .isEqualTo(200);
        awaitPath("/market-data/active-feeds", a -> !a.json().has("order_book_sim_ETH-USDT"));
        assertThat(get("/market-data/active-feeds").json().has("order_book_sim_BTC-USDT")).isTrue();

        Answer diagnostics = get("/market-data/order-book/diagnostics/sim");
        assertThat(diagnostics.status()).as(diagnostics.body()).isEqualTo(200);
        assertThat(diagnostics.json().get("trading_pairs").toString()).isEqualTo("[\"BTC-USDT\"]");
        assertThat(diagnostics.json().get("has_order_book_tracker").asBoolean()).isTrue();
        assertThat(diagnostics.json().get("websocket_status").asString()).isEqualTo("connected");
        assertThat(diagnostics.json().get("order_books").get("BTC-USDT").get("last_diff_uid").asLong()).isPositive();

        Answer restarted = post("/market-data/order-book/restart/sim", "");
        assertThat(restarted.status()).as(restarted.body()).isEqualTo(200);
        assertThat(restarted.json().get("success").asBoolean()).as(restarted.body()).isTrue();
        assertThat(restarted.json().get("trading_pairs").toString()).isEqualTo("[\"BTC-USDT\"]");
        assertThat(get("/market-data/order-book/diagnostics/sim").json().get("tracker_ready").asBoolean()).isTrue();

        String pair = "{\"connector_name\": \"sim\", \"trading_pair\": \"BTC-USDT\"}";
        assertThat(post("/market-data/trading-pair/remove", pair).json().get("success").asBoolean()).isTrue();
        assertThat(get("/market-data/active-feeds").json().has("order_book_sim_BTC-USDT")).isFalse();
        Answer again = post("/market-data/trading-pair/remove", pair);
        assertThat(again.json().get("success").asBoolean()).isFalse();
        assertThat(again.json().get("message").asString()).contains("not found or already removed");

        Answer nothing = post("/market-data/order-book/restart/sim", "");
        assertThat(nothing.json().get("success").asBoolean()).isFalse();
        assertThat(nothing.json().get("error").asString()).isEqualTo("No trading pairs to restart");
    }

    @Test
    void wrongInputAnswers4xx() {
        port = server.port();
        Answer slow = post("/market-data/trading-pair/add",
                "{\"connector_name\": \"sim\", \"trading_pair\": \"BTC-USDT\", \"timeout\": 0.5}");
        assertThat(slow.status()).isEqualTo(422);
        assertThat(slow.json().get("detail").get(0).get("loc").toString()).isEqualTo("[\"body\",\"timeout\"]");
        assertThat(post("/market-data/trading-pair/add", "{\"connector_name\": \"sim\", \"trading_pair\": \"NOPE-USDT\"}")
                .status()).isEqualTo(404);
        assertThat(get("/market-data/order-book/diagnostics/nowhere").status()).isEqualTo(404);
        assertThat(post("/market-data/order-book/restart/nowhere", "").status()).isEqualTo(404);
    }
}
