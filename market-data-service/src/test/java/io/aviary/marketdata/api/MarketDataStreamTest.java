package io.aviary.marketdata.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.kit.testing.ServiceHttpTestBase;
import io.aviary.kit.testing.WsClient;
import io.aviary.kit.stream.StreamSocket;
import io.aviary.kit.stream.StreamStats;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /ws/market-data} with a real WebSocket client (the JDK's) on the real sim venue: candles and books arrive
 * within 2 s of the subscription, unsubscribe stops them and releases the feed, a client that stops reading gets
 * coalesced updates from a bounded queue and is then closed with a reason, bad input gets errors and repeated abuse
 * a close. Feeds expire after 1 s here, so a feed that outlives that is held by its subscription.
 */
class MarketDataStreamTest extends ServiceHttpTestBase {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    /** Opening a feed the first time may backfill from the venue; bounded by the service's ready timeout. */
    private static final Duration FEED_OPEN = Duration.ofSeconds(30);

    static EmbeddedPostgres postgres;
    static SimVenueProcess venue;
    static MarketDataServer server;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        venue = SimVenueProcess.start(Map.of());
        server = MarketDataServer.start(postgres.getJdbcUrl("postgres", "postgres"), venue.url(),
                "--aviary.market-data.feed-timeout=1", "--aviary.market-data.cleanup-interval=1",
                "--aviary.market-data.ws.max-errors=6", "--aviary.market-data.ws.send-timeout=2s",
                "--aviary.market-data.ws.control-queue=16");
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        venue.close();
        postgres.close();
    }

    @BeforeEach
    void port() {
        port = server.port();
    }

    private WsClient connect() {
        WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws/market-data"));
        JsonNode hello = client.next(TWO_SECONDS);
        assertThat(hello.path("type").asString()).isEqualTo("connected");
        assertThat(hello.path("connection_id").asString()).isNotBlank();
        return client;
    }

    private static String subscribe(WsClient client, String json) {
        client.send(json);
        JsonNode reply = client.next(m -> !m.path("type").asString().equals("heartbeat"), FEED_OPEN);
        assertThat(reply.path("type").asString()).as(reply.toString()).isEqualTo("subscribed");
        return reply.path("subscription_id").asString();
    }

    @Test
    void candlesAndBooksStreamUntilUnsubscribedAndHoldTheirFeedsMeanwhile() {
        try (WsClient client = connect()) {
            String candles = subscribe(client, """
                    {"action": "subscribe", "type": "candles", "connector": "sim", "trading_pair": "BTC-USDT",
                     "interval": "1m", "max_records": 50, "update_interval": 0.25}""");
            assertThat(candles).isEqualTo("candles_sim_BTC-USDT_1m");
            JsonNode window = client.next("candles", TWO_SECONDS);
            assertThat(window.path("subscription_id").asString()).isEqualTo(candles);
            assertThat(window.path("data").size()).isEqualTo(50);
            assertThat(window.path("data").get(49).path("close").asDouble()).isPositive();

            String book = subscribe(client, """
                    {"action": "subscribe", "type": "order_book", "connector": "sim", "trading_pair": "BTC-USDT",
                     "depth": 5, "update_interval": 0.25}""");
            assertThat(book).isEqualTo("order_book_sim_BTC-USDT");
            JsonNode levels = client.next("order_book", TWO_SECONDS).path("data");
            assertThat(levels.path("bids").size()).isEqualTo(5);
            assertThat(levels.path("asks").size()).isEqualTo(5);
            assertThat(levels.path("bids").get(0).get(0).asDouble()).isLessThan(levels.path("asks").get(0).get(0).asDouble());
            client.next("order_book", TWO_SECONDS); // the book moves by itself on sim: updates keep coming

            // feeds expire 1 s after their last use here; a subscribed one stays
            client.drain(Duration.ofMillis(2500));
            JsonNode active = get("/market-data/active-feeds").json();
            assertThat(active.has("order_book_sim_BTC-USDT")).as(active.toString()).isTrue();
            assertThat(active.has("candles_sim_BTC-USDT_1m")).as(active.toString()).isTrue();

            client.send("{\"action\": \"unsubscribe\", \"subscription_id\": \"" + book + "\"}");
            client.next("unsubscribed", TWO_SECONDS);
            // the candles stream goes on (it sends when the candle in progress changes: on a loaded machine that can
            // take longer than one short drain, so up to 10 s), and no order book arrives meanwhile
            List<JsonNode> after = new java.util.ArrayList<>(client.drain(Duration.ofMillis(1500)));
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
            while (after.stream().noneMatch(m -> m.path("subscription_id").asString().equals(candles))
                    && java.time.Instant.now().isBefore(deadline)) {
                after.addAll(client.drain(Duration.ofMillis(500)));
            }
            assertThat(after).noneMatch(m -> m.path("type").asString().equals("order_book"));
            assertThat(after).anyMatch(m -> m.path("subscription_id").asString().equals(candles));
            awaitPath("/market-data/active-feeds", a -> !a.json().has("order_book_sim_BTC-USDT"));

            client.send("{\"action\": \"ping\"}");
            client.next("pong", TWO_SECONDS);
        }
        // disconnecting releases the candles feed too
        awaitPath("/market-data/active-feeds", a -> !a.json().has("candles_sim_BTC-USDT_1m"));
    }

    @Test
    void tradesArriveAsTheyPrint() {
        try (WsClient client = connect()) {
            String trades = subscribe(client, """
                    {"action": "subscribe", "type": "trades", "connector": "sim", "trading_pair": "ETH-USDT",
                     "update_interval": 0.5}""");
            assertThat(trades).isEqualTo("trades_sim_ETH-USDT");
            // sim's takers print about once a second
            JsonNode batch = client.next("trades", Duration.ofSeconds(10));
            JsonNode first = batch.path("data").get(0);
            assertThat(first.path("price").asDouble()).isPositive();
            assertThat(first.path("side").asString()).isIn("buy", "sell");
        }
    }

    @Test
    void aClientThatStopsReadingIsCoalescedWithinABoundThenClosedWithAReason() {
        WsClient client = connect();
        try {
            client.pause();
            // the whole 1000-candle window leaves on every (re)subscription: a client that asks and never reads
            for (int i = 0; i < 12; i++) {
                client.send("{\"action\": \"subscribe\", \"type\": \"candles\", \"connector\": \"sim\","
                        + " \"trading_pair\": \"BTC-USDT\", \"interval\": \"1s\", \"max_records\": 1000,"
                        + " \"update_interval\": 0.25}");
            }
            client.send("{\"action\": \"subscribe\", \"type\": \"order_book\", \"connector\": \"sim\","
                    + " \"trading_pair\": \"BTC-USDT\", \"depth\": 1000, \"update_interval\": 0.25}");
            StreamSocket socket = server.bean(StreamSocket.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Optional<StreamStats> ended = Optional.empty();
            long maxQueued = 0;
            long coalesced = 0;
            while (ended.isEmpty() && System.nanoTime() < deadline) {
                for (StreamStats s : socket.stats()) {
                    maxQueued = Math.max(maxQueued, s.queued());
                    coalesced = Math.max(coalesced, s.coalesced());
                    if (s.closeCode() != 0 && s.closeReason() != null && s.closeReason().startsWith("consumer too slow")) {
                        ended = Optional.of(s);
                    }
                }
                client.drain(Duration.ofMillis(50));
            }
            assertThat(ended).as("closed as too slow; stats " + socket.stats()).isPresent();
            assertThat(ended.get().closeCode()).isEqualTo(1008);
            // never more than the control queue (16 here) plus one pending update per subscription (2)
            assertThat(maxQueued).isLessThanOrEqualTo(16 + 2);
            assertThat(coalesced).as("updates skipped while the client did not read").isPositive();
        } finally {
            client.close();
        }
    }

    @Test
    void badMessagesGetErrorsThatNameTheProblemAndRepeatedAbuseCloses() {
        try (WsClient client = connect()) {
            client.send("this is not json");
            assertThat(client.next("error", TWO_SECONDS).path("message").asString()).contains("not JSON");

            String huge = "x".repeat(5000);
            client.send("{\"action\": \"" + huge + "\"}");
            String tooLarge = client.next("error", TWO_SECONDS).path("message").asString();
            assertThat(tooLarge).contains("too large").contains("4096").doesNotContain("xxxx");

            client.send("{\"action\": \"" + "y".repeat(300) + "\"}");
            String unknown = client.next("error", TWO_SECONDS).path("message").asString();
            assertThat(unknown).startsWith("Unknown action").doesNotContain("yyyy");

            client.send("{\"action\": \"subscribe\", \"type\": \"order_book\", \"connector\": \"sim\", \"trading_pair\": \"NOPE-USDT\"}");
            assertThat(client.next("error", Duration.ofSeconds(10)).path("message").asString()).contains("NOPE-USDT");

            client.send("{\"action\": \"unsubscribe\"}");
            assertThat(client.next("error", TWO_SECONDS).path("message").asString()).contains("subscription_id");

            client.send("{\"action\": \"subscribe\", \"type\": \"candles\", \"connector\": \"sim\", \"trading_pair\": \"BTC-USDT\", \"max_records\": 5000}");
            assertThat(client.next("error", Duration.ofSeconds(10)).path("message").asString()).contains("max_records");

            client.send("[1, 2, 3]"); // the 7th error with max-errors=6
            WsClient.Closed closed = client.awaitClose(Duration.ofSeconds(5));
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).contains("too many invalid messages");
        }
    }
}
