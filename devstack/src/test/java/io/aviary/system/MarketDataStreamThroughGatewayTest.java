package io.aviary.system;

import static io.aviary.system.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.aviary.devstack.RunningSuite;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /ws/market-data} through the whole suite with a real WebSocket client, authenticated as
 * hummingbot-api-client does it ({@code ?token=base64(user:pass)}): candles and the order book of {@code sim} arrive
 * within 2 s, unsubscribe stops the book, and a reconnect streams again. Without credentials the upgrade is refused.
 */
class MarketDataStreamThroughGatewayTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    /** A feed opened for the first time may backfill from the venue first (the service's ready timeout bounds it). */
    private static final Duration FEED_OPEN = Duration.ofSeconds(30);

    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
    }

    private URI stream(boolean withToken) {
        return StreamClient.gatewayStream(suite, "/ws/market-data", withToken);
    }

    @Test
    void subscribeReceiveWithinTwoSecondsUnsubscribeAndReconnect() throws Exception {
        try (StreamClient ws = StreamClient.open(stream(true))) {
            assertThat(type(ws.next(TWO_SECONDS))).isEqualTo("connected");
            ws.send("{\"action\":\"subscribe\",\"type\":\"candles\",\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                    + "\"interval\":\"1m\",\"max_records\":20,\"update_interval\":0.5}");
            String subscribed = ws.next(FEED_OPEN);
            assertThat(type(subscribed)).as(subscribed).isEqualTo("subscribed");
            String candles = ws.nextOf("candles", TWO_SECONDS);
            assertThat(JsonPath.<List<?>>read(candles, "$.data")).hasSize(20);
            assertThat(JsonPath.<String>read(candles, "$.subscription_id")).isEqualTo("candles_sim_BTC-USDT_1m");

            ws.send("{\"action\":\"subscribe\",\"type\":\"order_book\",\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                    + "\"depth\":3,\"update_interval\":0.25}");
            assertThat(type(ws.nextOf(m -> !type(m).startsWith("candle"), FEED_OPEN))).isEqualTo("subscribed");
            String book = ws.nextOf("order_book", TWO_SECONDS);
            assertThat(JsonPath.<List<?>>read(book, "$.data.bids")).hasSize(3);
            assertThat(JsonPath.<List<?>>read(book, "$.data.asks")).hasSize(3);

            ws.send("{\"action\":\"unsubscribe\",\"subscription_id\":\"order_book_sim_BTC-USDT\"}");
            ws.nextOf("unsubscribed", TWO_SECONDS);
            List<String> after = ws.drain(Duration.ofMillis(1500));
            assertThat(after).noneMatch(m -> type(m).equals("order_book"));
        }

        try (StreamClient again = StreamClient.open(stream(true))) {
            assertThat(type(again.next(TWO_SECONDS))).isEqualTo("connected");
            again.send("{\"action\":\"subscribe\",\"type\":\"order_book\",\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                    + "\"depth\":3,\"update_interval\":0.25}");
            assertThat(type(again.next(FEED_OPEN))).isEqualTo("subscribed");
            assertThat(JsonPath.<List<?>>read(again.nextOf("order_book", TWO_SECONDS), "$.data.bids")).hasSize(3);
        }
    }

    @Test
    void withoutCredentialsTheUpgradeIsRefused() {
        try {
            StreamClient.open(stream(false)).close();
            throw new AssertionError("the upgrade was accepted without credentials");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401);
        }
    }

}
