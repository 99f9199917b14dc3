package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.Topics;
import io.aviary.devstack.RunningSuite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The /market-data contract through the gateway, on the simulated venue's spot and perpetual markets. */
class MarketDataThroughGatewayTest {

    private static RunningSuite suite;
    private static Http api;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
        api = Http.to(suite.gatewayUrl()).basicAuth(suite.username(), suite.password());
    }

    private static Http.Response post(String path, String json) {
        return api.postJson("/market-data" + path, json);
    }

    private static List<Map<String, Object>> ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return JsonPath.read(response.body(), "$");
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void liveCandlesEndWithTheCandleInProgress() {
        // the v1.0.2 client sends "connector"; HEAD clients send "connector_name"
        List<Map<String, Object>> spot = ok(post("/candles",
                "{\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\",\"interval\":\"1m\",\"max_records\":50}"));
        List<Map<String, Object>> perp = ok(post("/candles",
                "{\"connector_name\":\"sim_perpetual\",\"trading_pair\":\"ETH-USDT\",\"interval\":\"5m\",\"max_records\":20}"));
        assertThat(spot).hasSize(50);
        assertThat(perp).hasSize(20);
        assertThat(spot.getFirst()).containsOnlyKeys("timestamp", "open", "high", "low", "close", "volume",
                "quote_asset_volume", "n_trades", "taker_buy_base_volume", "taker_buy_quote_volume");
        long now = Instant.now().getEpochSecond();
        assertSeries(spot, 60, now);
        assertSeries(perp, 300, now);
        assertThat(number(spot.getLast().get("close"))).isBetween(10_000.0, 1_000_000.0);
    }

    private static void assertSeries(List<Map<String, Object>> candles, long step, long now) {
        for (int i = 1; i < candles.size(); i++) {
            assertThat(((Number) candles.get(i).get("timestamp")).longValue()
                    - ((Number) candles.get(i - 1).get("timestamp")).longValue()).isEqualTo(step);
            Map<String, Object> c = candles.get(i);
            assertThat(number(c.get("high"))).isGreaterThanOrEqualTo(number(c.get("low")));
        }
        long last = ((Number) candles.getLast().get("timestamp")).longValue();
        assertThat(last).isBetween(now - now % step - step, now - now % step + step);
    }

    @Test
    void historicalCandlesAreServedTheSameFromTheDatabaseTheSecondTime() throws Exception {
        long start = (Instant.now().getEpochSecond() / 3600 - 30) * 3600;
        long end = start + 7200 - 60;
        String body = "{\"connector_name\":\"sim\",\"trading_pair\":\"ETH-USDT\",\"interval\":\"1m\",\"start_time\":"
                + start + ",\"end_time\":" + end + "}";
        Http.Response first = post("/historical-candles", body);
        List<Map<String, Object>> candles = ok(first);
        assertThat(candles).hasSize(120);
        assertThat(((Number) candles.getFirst().get("timestamp")).longValue()).isEqualTo(start);
        assertThat(storedCloses("sim", "ETH-USDT", "1m", start, end)).as("the first answer, stored")
                .hasSize(120).containsEntry(start, number(candles.getFirst().get("close")));

        // a close only the database knows: the second answer shows it only if it was read from there
        double planted = 4_242.4242;
        setStoredClose("sim", "ETH-USDT", "1m", start, planted);
        List<Map<String, Object>> second = ok(post("/historical-candles", body));
        assertThat(number(second.getFirst().get("close"))).as("the first candle's close, read from the database")
                .isEqualTo(planted);
        assertThat(second.subList(1, second.size())).as("the others, unchanged").isEqualTo(candles.subList(1, candles.size()));
        setStoredClose("sim", "ETH-USDT", "1m", start, number(candles.getFirst().get("close")));
        assertThat(post("/historical-candles", body).body()).isEqualTo(first.body());
        List<Map<String, Object>> perp = ok(post("/historical-candles", "{\"connector_name\":\"sim_perpetual\","
                + "\"trading_pair\":\"BTC-USDT\",\"interval\":\"1h\",\"start_time\":" + (start - 86_400) + ",\"end_time\":" + start + "}"));
        assertThat(perp).hasSize(25);
    }

    private static final String SERIES = "(SELECT id FROM market_data.candle_series WHERE connector = ? AND trading_pair = ?"
            + " AND candle_interval = ?)";

    /** open_time → close_price of the stored candles of one series in [from, to]. */
    private static Map<Long, Double> storedCloses(String connector, String pair, String interval, long from, long to)
            throws SQLException {
        Map<Long, Double> closes = new java.util.TreeMap<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("SELECT open_time, close_price"
                + " FROM market_data.candle WHERE series_id = " + SERIES + " AND open_time BETWEEN ? AND ?")) {
            query.setString(1, connector);
            query.setString(2, pair);
            query.setString(3, interval);
            query.setLong(4, from);
            query.setLong(5, to);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    closes.put(rs.getLong(1), rs.getDouble(2));
                }
            }
        }
        return closes;
    }

    private static void setStoredClose(String connector, String pair, String interval, long openTime, double close)
            throws SQLException {
        try (Connection db = database(); PreparedStatement update = db.prepareStatement("UPDATE market_data.candle"
                + " SET close_price = ? WHERE series_id = " + SERIES + " AND open_time = ?")) {
            update.setDouble(1, close);
            update.setString(2, connector);
            update.setString(3, pair);
            update.setString(4, interval);
            update.setLong(5, openTime);
            assertThat(update.executeUpdate()).as("stored candle at %s", openTime).isEqualTo(1);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(suite.jdbcUrl(), suite.jdbcUser(), suite.jdbcPassword());
    }

    @Test
    void pricesAndFundingInfo() {
        Http.Response prices = post("/prices", "{\"connector_name\":\"sim\",\"trading_pairs\":[\"BTC-USDT\",\"SOL-USDT\"]}");
        assertThat(prices.status()).as(prices.toString()).isEqualTo(200);
        assertThat((String) JsonPath.read(prices.body(), "$.connector")).isEqualTo("sim");
        assertThat(number(JsonPath.read(prices.body(), "$.prices['BTC-USDT']"))).isPositive();
        assertThat(number(JsonPath.read(prices.body(), "$.prices['SOL-USDT']"))).isPositive();
        assertThat(number(JsonPath.read(prices.body(), "$.timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60.0));
        assertThat(post("/prices", "{\"connector_name\":\"sim_perpetual\",\"trading_pairs\":[\"ETH-USDT\"]}").status()).isEqualTo(200);

        Http.Response funding = post("/funding-info", "{\"connector_name\":\"sim_perpetual\",\"trading_pair\":\"BTC-USDT\"}");
        assertThat(funding.status()).as(funding.toString()).isEqualTo(200);
        Map<String, Object> info = JsonPath.read(funding.body(), "$");
        assertThat(info).containsOnlyKeys("trading_pair", "funding_rate", "next_funding_time", "mark_price", "index_price");
        assertThat(number(info.get("mark_price"))).isPositive();
        assertThat(number(info.get("next_funding_time"))).isGreaterThan(Instant.now().getEpochSecond() - 1);
    }

    @Test
    void orderBookAndItsFiveQueries() {
        for (String connector : List.of("sim", "sim_perpetual")) {
            Http.Response book = post("/order-book", "{\"connector_name\":\"" + connector + "\",\"trading_pair\":\"BTC-USDT\",\"depth\":5}");
            assertThat(book.status()).as(book.toString()).isEqualTo(200);
            List<Double> bids = JsonPath.<List<Number>>read(book.body(), "$.bids[*].price").stream().map(Number::doubleValue).toList();
            List<Double> asks = JsonPath.<List<Number>>read(book.body(), "$.asks[*].price").stream().map(Number::doubleValue).toList();
            assertThat(bids).hasSize(5).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(asks).hasSize(5).isSorted();
            assertThat(bids.getFirst()).isLessThan(asks.getFirst());

            String base = "{\"connector_name\":\"" + connector + "\",\"trading_pair\":\"BTC-USDT\",";
            Map<String, Object> pv = query("price-for-volume", base + "\"is_buy\":true,\"volume\":0.001}");
            assertThat(number(pv.get("result_price"))).isPositive();
            assertThat(number(pv.get("result_volume"))).isEqualTo(0.001);
            assertThat(number(pv.get("query_volume"))).isEqualTo(0.001);

            Map<String, Object> vp = query("volume-for-price", base + "\"is_buy\":false,\"price\":1}");
            assertThat(number(vp.get("result_volume"))).isPositive(); // every bid is at or above 1
            // selling down to 1 takes every bid: the worst level taken is at or above the limit and below the best bid
            assertThat(number(vp.get("result_price"))).isBetween(1.0, bids.getFirst());

            Map<String, Object> pq = query("price-for-quote-volume", base + "\"is_buy\":true,\"quote_volume\":10}");
            assertThat(number(pq.get("result_price"))).isPositive();
            assertThat(number(pq.get("result_volume"))).isEqualTo(10.0);

            Map<String, Object> qp = query("quote-volume-for-price", base + "\"is_buy\":true,\"price\":1000000000}");
            assertThat(number(qp.get("result_quote_volume"))).isGreaterThan(number(qp.get("result_volume")));

            Map<String, Object> vwap = query("vwap-for-volume", base + "\"is_buy\":true,\"volume\":0.002}");
            assertThat(number(vwap.get("average_price"))).isPositive();
            assertThat(number(vwap.get("result_volume"))).isEqualTo(0.002);
            assertThat(vwap).containsKeys("trading_pair", "is_buy", "query_volume", "query_price", "result_price",
                    "result_quote_volume", "timestamp");
            // a buy of a tiny amount costs about the best ask: never less than the best bid of the book
            assertThat(number(vwap.get("average_price"))).isGreaterThan(bids.getFirst() * 0.99);
        }
    }

    private static Map<String, Object> query(String name, String body) {
        Http.Response response = post("/order-book/" + name, body);
        assertThat(response.status()).as(name + " " + response).isEqualTo(200);
        return JsonPath.read(response.body(), "$");
    }

    @Test
    void feedsAppearInActiveFeedsAndSettingsAreShown() {
        ok(post("/candles", "{\"connector\":\"sim\",\"trading_pair\":\"SOL-USDT\",\"interval\":\"15m\",\"max_records\":3}"));
        assertThat(post("/order-book", "{\"connector_name\":\"sim\",\"trading_pair\":\"SOL-USDT\"}").status()).isEqualTo(200);
        Http.Response active = api.get("/market-data/active-feeds");
        assertThat(active.status()).isEqualTo(200);
        Map<String, Object> candles = JsonPath.read(active.body(), "$['candles_sim_SOL-USDT_15m']");
        assertThat(candles).containsEntry("feed_type", "candles").containsKeys("last_access_time", "seconds_since_access", "config");
        assertThat(number(candles.get("will_expire_in"))).isBetween(500.0, 600.0);
        Map<String, Object> book = JsonPath.read(active.body(), "$['order_book_sim_SOL-USDT']");
        assertThat(book).containsEntry("feed_type", "order_book");

        assertThat(api.get("/market-data/settings").body()).isEqualTo("{\"cleanup_interval\":300,\"feed_timeout\":600,"
                + "\"description\":\"cleanup_interval: seconds between cleanup runs, feed_timeout: seconds before unused feeds expire\"}");
        List<String> candleConnectors = JsonPath.read(api.get("/market-data/available-candle-connectors").body(), "$");
        assertThat(candleConnectors).contains("sim", "sim_perpetual");
    }

    @Test
    void closedCandlesArePublishedOnKafka() throws InterruptedException {
        ok(post("/candles", "{\"connector\":\"sim\",\"trading_pair\":\"SOL-USDT\",\"interval\":\"1s\",\"max_records\":10}"));
        List<EventEnvelope> events = TopicReader.awaitEnvelopes(suite.kafkaBootstrap(), Topics.MARKET_DATA,
                e -> e.type().equals("CandleClosed") && e.key().equals("sim/SOL-USDT/1s"), Duration.ofSeconds(60));
        EventEnvelope closed = events.stream().filter(e -> e.key().equals("sim/SOL-USDT/1s")).findFirst().orElseThrow();
        assertThat(closed.payload().get("tradingPair").asString()).isEqualTo("SOL-USDT");
        assertThat(closed.payload().get("close").asDouble()).isPositive();
    }

    @Test
    void badInputIsA4xxThatSaysWhatToFix() {
        Http.Response connector = post("/candles", "{\"connector\":\"nope\",\"trading_pair\":\"BTC-USDT\"}");
        assertThat(connector.status()).isEqualTo(404);
        assertThat(connector.body()).contains("Connector 'nope' not found");
        Http.Response pair = post("/order-book", "{\"connector_name\":\"sim\",\"trading_pair\":\"DOGE-XYZ\"}");
        assertThat(pair.status()).isEqualTo(404);
        assertThat(pair.body()).contains("DOGE-XYZ");
        assertThat(post("/prices", "{\"connector_name\":\"sim\",\"trading_pairs\":[\"BTCUSDT\"]}").status()).isEqualTo(400);
        Http.Response interval = post("/candles", "{\"connector\":\"sim\",\"trading_pair\":\"BTC-USDT\",\"interval\":\"7m\"}");
        assertThat(interval.status()).isEqualTo(400);
        assertThat(interval.body()).contains("Interval '7m'").contains("1m");
        Http.Response range = post("/historical-candles", "{\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                + "\"interval\":\"1m\",\"start_time\":1700003600,\"end_time\":1700000000}");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.body()).contains("start_time");
        Http.Response depth = post("/order-book", "{\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\",\"depth\":101}");
        assertThat(depth.status()).isEqualTo(422);
        assertThat(depth.body()).contains("less_than_equal").contains("depth");
        assertThat(post("/order-book", "{\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\",\"depth\":0}").status()).isEqualTo(422);
        Http.Response funding = post("/funding-info", "{\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\"}");
        assertThat(funding.status()).isEqualTo(400);
        assertThat(funding.body()).isEqualTo("{\"detail\":\"Funding info is only available for perpetual trading pairs.\"}");
        Http.Response missing = post("/order-book/vwap-for-volume", "{\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("is_buy").contains("volume");
        assertThat(post("/order-book/price-for-volume", "{\"connector_name\":\"sim\",\"trading_pair\":\"BTC-USDT\","
                + "\"is_buy\":true,\"volume\":-1}").status()).isEqualTo(422);
    }
}
