package io.aviary.backtesting.infra;

import io.aviary.backtesting.domain.CandleSource;
import io.aviary.backtesting.domain.Resolution;
import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.kit.web.InternalServiceClient;
import io.aviary.strategy.market.Candles;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Candles from market-data-service's {@code POST /market-data/historical-candles}, which fetches a range from the
 * venue once and then answers from its database. The answer (about 200 bytes a candle, 9 MB for a month of 1m) is
 * read with a streaming parser straight into column arrays, never as a tree of objects.
 */
@Component
public class MarketDataCandles implements CandleSource {

    private static final String TARGET = "market-data-service";

    private final InternalServiceClient marketData;
    private final JsonMapper json;
    private final Duration timeout;

    public MarketDataCandles(@Value("${aviary.backtesting.market-data-url}") String baseUrl,
            @Value("${aviary.backtesting.candles-timeout:120s}") Duration timeout, ServiceProperties service,
            JsonMapper json) {
        this.marketData = new InternalServiceClient(TARGET, baseUrl, service.internalToken(), "backtesting-service",
                Duration.ofSeconds(5), json);
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public Candles load(String connector, String pair, Resolution resolution, long start, long end) {
        ObjectNode body = json.createObjectNode().put("connector_name", connector).put("trading_pair", pair)
                .put("interval", resolution.text()).put("start_time", start).put("end_time", end);
        InternalServiceClient.Answer answer;
        try {
            answer = marketData.post("market-data/historical-candles", body, timeout);
        } catch (InternalServiceClient.UnavailableException e) {
            throw new Unavailable(e.getMessage());
        }
        if (answer.status() != 200) {
            throw refusal(answer);
        }
        Candles candles = parse(answer.body(), resolution.seconds(), end);
        if (candles.isEmpty()) {
            throw new NotFound("No closed " + resolution.text() + " candles of " + connector + " " + pair
                    + " between " + start + " and " + end);
        }
        return candles;
    }

    /** market-data-service's 4xx keeps its kind and reason (unknown connector, range without candles, too long). */
    private RuntimeException refusal(InternalServiceClient.Answer answer) {
        String detail = detail(answer.body());
        return switch (answer.status()) {
            case 400 -> new InvalidRequest("Candles: " + detail);
            case 404 -> new NotFound("Candles: " + detail);
            case 422 -> new Unprocessable("Candles: " + detail);
            default -> new Unavailable(TARGET + " answered HTTP " + answer.status() + " for candles: " + detail);
        };
    }

    private String detail(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode detail = node.get("detail");
            String text = detail == null ? "" : detail.isString() ? detail.asString() : detail.toString();
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        } catch (RuntimeException e) {
            return "(no reason given)";
        }
    }

    /**
     * Closed candles only: one still in progress at the answer's end (open time + interval after the range's end or
     * in the future) is left out, as a backtest must not trade on a candle that has not closed.
     */
    private Candles parse(String body, long interval, long end) {
        Columns c = new Columns();
        long now = System.currentTimeMillis() / 1000;
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new Unavailable(TARGET + " answered candles that are not a JSON array");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                long ts = 0;
                double o = 0, h = 0, l = 0, cl = 0, v = 0;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "timestamp" -> ts = p.getValueAsLong();
                        case "open" -> o = p.getValueAsDouble();
                        case "high" -> h = p.getValueAsDouble();
                        case "low" -> l = p.getValueAsDouble();
                        case "close" -> cl = p.getValueAsDouble();
                        case "volume" -> v = p.getValueAsDouble();
                        default -> p.skipChildren();
                    }
                }
                if (ts + interval <= now) {
                    c.add(ts, o, h, l, cl, v);
                }
            }
        }
        return c.candles(interval);
    }

    /** Growable primitive columns. */
    private static final class Columns {
        private long[] ts = new long[1024];
        private double[] o = new double[1024];
        private double[] h = new double[1024];
        private double[] l = new double[1024];
        private double[] c = new double[1024];
        private double[] v = new double[1024];
        private int n;

        void add(long t, double open, double high, double low, double close, double volume) {
            if (n == ts.length) {
                int size = n * 2;
                ts = Arrays.copyOf(ts, size);
                o = Arrays.copyOf(o, size);
                h = Arrays.copyOf(h, size);
                l = Arrays.copyOf(l, size);
                c = Arrays.copyOf(c, size);
                v = Arrays.copyOf(v, size);
            }
            ts[n] = t;
            o[n] = open;
            h[n] = high;
            l[n] = low;
            c[n] = close;
            v[n] = volume;
            n++;
        }

        Candles candles(long interval) {
            return Candles.of(interval, Arrays.copyOf(ts, n), Arrays.copyOf(o, n), Arrays.copyOf(h, n),
                    Arrays.copyOf(l, n), Arrays.copyOf(c, n), Arrays.copyOf(v, n));
        }
    }
}
