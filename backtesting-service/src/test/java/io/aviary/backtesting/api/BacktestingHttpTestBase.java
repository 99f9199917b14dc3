package io.aviary.backtesting.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aviary.backtesting.app.BacktestingSettings;
import io.aviary.common.events.EventJson;
import io.aviary.common.events.Topics;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.events.OutboxRelay;
import io.aviary.kit.ownership.Leases;
import io.aviary.kit.testing.ServiceHttpTestBase;
import io.aviary.kit.web.ApiExceptionHandler;
import io.aviary.kit.web.InternalTokenFilter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * backtesting-service's endpoints over real HTTP on a random port, on a real (embedded) PostgreSQL migrated by Flyway,
 * with a small real HTTP server playing market-data-service's {@code POST /market-data/historical-candles} (1m
 * candles of a deterministic series with dips and spikes, so bollinger_v1 trades) and orchestration-service's
 * {@code GET /controllers/configs/{name}}. One worker and a queue of one, so the 429 of a full queue is reachable.
 * Events are checked in the kit's outbox (no broker runs in module tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = BacktestingHttpTestBase.App.class,
        properties = {
                "spring.application.name=backtesting-service",
                "aviary.service.domain=backtesting",
                "aviary.service.schema=backtesting",
                "aviary.service.internal-token=" + BacktestingHttpTestBase.TOKEN,
                "aviary.backtesting.workers=1",
                "aviary.backtesting.queue-capacity=1",
                "aviary.backtesting.kept-tasks=50",
                "spring.autoconfigure.exclude=io.aviary.kit.ServiceKitAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
abstract class BacktestingHttpTestBase extends ServiceHttpTestBase {

    static final String TOKEN = "test-internal-token";
    /** 2026-01-01T00:00:00Z: a whole day of candles starts here. */
    static final long DAY_START = 1_767_225_600L;
    static final String EMPTY_PAIR = "EMPTY-USDT";
    /** A pair with candles but no funding events (a perpetual range that should have them). */
    static final String NO_FUNDING_PAIR = "NOFUND-USDT";
    /** The fake venue's funding rate, paid every 8 h from the epoch on (longs pay). */
    static final double FUNDING_RATE = 0.0001;
    /** Funding reads the fake market-data-service answered. */
    static final java.util.concurrent.atomic.AtomicInteger fundingReads = new java.util.concurrent.atomic.AtomicInteger();

    private static final EmbeddedPostgres POSTGRES;
    private static final HttpServer UPSTREAM;
    /** A pair whose trading rules step amounts by whole units (1 base is about 100 quote here). */
    static final String WHOLE_UNITS_PAIR = "UNITS-USDT";
    /** A pair whose minimum notional no executor of these configs reaches. */
    static final String BIG_MINIMUM_PAIR = "BIGMIN-USDT";
    /** A pair whose trading-rules read fails (market-data-service answers 500). */
    static final String RULES_DOWN_PAIR = "RULESDOWN-USDT";
    /** Trading-rules reads the fake market-data-service answered. */
    static final java.util.concurrent.atomic.AtomicInteger rulesReads = new java.util.concurrent.atomic.AtomicInteger();
    /** Candle answers wait for this latch: closed by a test to hold a task in its candle read. */
    static volatile CountDownLatch candleGate = new CountDownLatch(0);
    /** Candle reads the fake market-data-service answered (a sweep reads its range once). */
    static final java.util.concurrent.atomic.AtomicInteger candleReads = new java.util.concurrent.atomic.AtomicInteger();

    static {
        try {
            POSTGRES = EmbeddedPostgres.builder().start();
            UPSTREAM = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UPSTREAM.createContext("/market-data/historical-candles", BacktestingHttpTestBase::historicalCandles);
        UPSTREAM.createContext("/market-data/historical-funding-rates", BacktestingHttpTestBase::historicalFundingRates);
        UPSTREAM.createContext("/controllers/configs/", BacktestingHttpTestBase::storedConfig);
        UPSTREAM.createContext("/connectors/", BacktestingHttpTestBase::tradingRules);
        UPSTREAM.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        UPSTREAM.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            UPSTREAM.stop(0);
            try {
                POSTGRES.close();
            } catch (IOException ignored) {
                // the JVM is going away anyway
            }
        }));
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        String upstream = "http://127.0.0.1:" + UPSTREAM.getAddress().getPort();
        registry.add("aviary.backtesting.market-data-url", () -> upstream);
        registry.add("aviary.backtesting.orchestration-url", () -> upstream);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties({ServiceProperties.class, BacktestingSettings.class})
    @ComponentScan({"io.aviary.backtesting.api", "io.aviary.backtesting.app", "io.aviary.backtesting.infra"})
    static class App {

        @Bean
        ApiExceptionHandler apiExceptionHandler() {
            return new ApiExceptionHandler();
        }

        /** This replica's leases, as the kit makes them (its auto-configuration is left out here). */
        @Bean(destroyMethod = "close")
        Leases leases(JdbcTemplate jdbc) {
            return new Leases(jdbc, "replica-a", Duration.ofSeconds(15), Duration.ofSeconds(5));
        }

        @Bean
        EventOutbox eventOutbox(JdbcTemplate jdbc) {
            return new EventOutbox(jdbc, new EventJson(), "backtesting-service", Topics.BACKTESTING,
                    new OutboxRelay(jdbc, null, null));
        }
    }

    /** A bollinger_v1 config on the fake market; {@code extra} is a JSON fragment of more keys (may be empty). */
    static String bollinger(String extra) {
        return """
                {"id": "bb_test", "controller_name": "bollinger_v1", "controller_type": "directional_trading",
                 "total_amount_quote": "1000", "connector_name": "sim", "trading_pair": "BTC-USDT",
                 "candles_connector": "sim", "candles_trading_pair": "BTC-USDT", "interval": "1m",
                 "bb_length": 20, "stop_loss": "0.01", "take_profit": "0.01", "time_limit": 1800,
                 "cooldown_time": 60%s}""".formatted(extra.isEmpty() ? "" : ", " + extra);
    }

    /** A backtest body over one day of 1m candles (1440 of them) with {@code config} as given (JSON). */
    static String dayBody(String config) {
        return """
                {"start_time": %d, "end_time": %d, "backtesting_resolution": "1m", "trade_cost": 0.0006,
                 "config": %s}""".formatted(DAY_START, DAY_START + 86_340, config);
    }

    private static void historicalCandles(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst(InternalTokenFilter.HEADER))) {
                answer(exchange, 401, "{\"detail\":\"no internal token\"}");
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            candleReads.incrementAndGet();
            if (!candleGate.await(30, TimeUnit.SECONDS)) {
                answer(exchange, 503, "{\"detail\":\"gate never opened\"}");
                return;
            }
            String pair = body.get("trading_pair").asString();
            long start = body.get("start_time").asLong();
            long end = body.get("end_time").asLong();
            if (pair.equals(EMPTY_PAIR)) {
                answer(exchange, 404, "{\"detail\":\"No historical data available for sim " + pair + " 1m between "
                        + start + " and " + end + "\"}");
                return;
            }
            JsonNode interval = body.get("interval");
            answer(exchange, 200, candles(start, end, interval == null ? 60 : intervalSeconds(interval.asString())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** market-data-service's funding history: every 8 h in [start, end] at {@link #FUNDING_RATE}, mark = 100. */
    private static void historicalFundingRates(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst(InternalTokenFilter.HEADER))) {
                answer(exchange, 401, "{\"detail\":\"no internal token\"}");
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            fundingReads.incrementAndGet();
            String connector = body.get("connector_name").asString();
            if (!connector.endsWith("_perpetual")) {
                answer(exchange, 400, "{\"detail\":\"Funding rates are only available for perpetual trading pairs.\"}");
                return;
            }
            StringBuilder out = new StringBuilder("[");
            if (!body.get("trading_pair").asString().equals(NO_FUNDING_PAIR)) {
                long step = 8 * 3600;
                for (long t = Math.ceilDiv(body.get("start_time").asLong(), step) * step;
                        t <= body.get("end_time").asLong(); t += step) {
                    out.append(out.length() > 1 ? "," : "").append("{\"timestamp\":").append(t)
                            .append(",\"funding_rate\":").append(FUNDING_RATE).append(",\"mark_price\":100}");
                }
            }
            answer(exchange, 200, out.append(']').toString());
        }
    }

    /** 1m candles with open time in [start, end]: a slow wave with a dip every 97 and a spike every 89 minutes. */
    static String candles(long start, long end) {
        return candles(start, end, 60);
    }

    /**
     * Candles of {@code interval} seconds (epoch-aligned, a whole number of minutes) with open time in [start, end],
     * made of the 1m series as a venue makes them: first open, max high, min low, last close, summed volume.
     */
    static String candles(long start, long end, long interval) {
        StringBuilder out = new StringBuilder("[");
        long first = Math.ceilDiv(start, interval) * interval;
        for (long t = first; t <= end; t += interval) {
            int i = (int) ((t - DAY_START) / 60);
            int minutes = (int) (interval / 60);
            double open = price(i - 1);
            double close = price(i + minutes - 1);
            double high = 0;
            double low = Double.MAX_VALUE;
            for (int m = i; m < i + minutes; m++) {
                high = Math.max(high, Math.max(price(m - 1), price(m)) * 1.001);
                low = Math.min(low, Math.min(price(m - 1), price(m)) * 0.999);
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"timestamp\":").append(t).append(",\"open\":").append(open).append(",\"high\":")
                    .append(high).append(",\"low\":").append(low).append(",\"close\":").append(close)
                    .append(",\"volume\":").append(10 * minutes).append(",\"quote_asset_volume\":1000,\"n_trades\":5,"
                            + "\"taker_buy_base_volume\":5,\"taker_buy_quote_volume\":500}");
        }
        return out.append(']').toString();
    }

    /** Seconds of a whole-minute interval in Hummingbot's notation (1m, 3m, 1h, 1d); the fake serves no others. */
    private static long intervalSeconds(String interval) {
        long n = Long.parseLong(interval.substring(0, interval.length() - 1));
        return n * switch (interval.charAt(interval.length() - 1)) {
            case 'm' -> 60;
            case 'h' -> 3_600;
            case 'd' -> 86_400;
            default -> throw new IllegalArgumentException("the fake market-data-service serves no " + interval);
        };
    }

    static double price(int i) {
        double p = 100 + Math.sin(i / 15.0);
        if (Math.floorMod(i, 97) == 50) {
            p -= 3;
        }
        if (Math.floorMod(i, 89) == 30) {
            p += 3;
        }
        return p;
    }

    /**
     * market-data-service's {@code GET /connectors/{connector}/trading-rules?trading_pairs=...}: rules for the pairs
     * above, 404 (not listed) for any other, as market-data-service answers for a pair its venue does not list.
     */
    private static void tradingRules(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst(InternalTokenFilter.HEADER))) {
                answer(exchange, 401, "{\"detail\":\"no internal token\"}");
                return;
            }
            rulesReads.incrementAndGet();
            String query = exchange.getRequestURI().getQuery();
            String pair = query == null ? "" : query.substring(query.indexOf('=') + 1);
            String rule = switch (pair) {
                case WHOLE_UNITS_PAIR -> rule("1", "0.01", "1", "10");
                case BIG_MINIMUM_PAIR -> rule("0.001", "0.01", "0.001", "1000000");
                default -> null;
            };
            if (pair.equals(RULES_DOWN_PAIR)) {
                answer(exchange, 500, "{\"detail\":\"Internal server error\"}");
            } else if (rule == null) {
                answer(exchange, 404, "{\"detail\":\"Trading pair(s) not found on sim: " + pair + "\"}");
            } else {
                answer(exchange, 200, "{\"" + pair + "\":" + rule + "}");
            }
        }
    }

    private static String rule(String minSize, String tick, String step, String minNotional) {
        return """
                {"min_order_size": %s, "max_order_size": null, "min_price_increment": %s,
                 "min_base_amount_increment": %s, "min_quote_amount_increment": 0.01, "min_notional_size": %s,
                 "min_order_value": 0, "max_price_significant_digits": 8, "supports_limit_orders": true,
                 "supports_market_orders": true, "buy_order_collateral_token": "USDT",
                 "sell_order_collateral_token": "USDT"}""".formatted(minSize, tick, step, minNotional);
    }

    private static void storedConfig(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/controllers/configs/".length());
            if (name.equals("stored_bb")) {
                answer(exchange, 200, bollinger(""));
            } else {
                answer(exchange, 404, "{\"detail\":\"Configuration '" + name + "' not found\"}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Autowired
    JdbcTemplate jdbc;

    /** Event types the outbox holds for this key, oldest first. */
    List<String> outboxEvents(String key) {
        return jdbc.queryForList("SELECT event_type FROM backtesting.event_outbox WHERE event_key = ? ORDER BY seq",
                String.class, key);
    }
}
