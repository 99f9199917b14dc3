package io.aviary.backtesting.infra;

import io.aviary.backtesting.domain.CandleSource;
import io.aviary.backtesting.domain.Resolution;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import io.aviary.strategy.market.Candles;
import java.util.Arrays;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Candles from market-data-service's {@code POST /market-data/historical-candles}, which fetches a range from the
 * venue once and then answers from its database. The answer (about 200 bytes a candle, 9 MB for a month of 1m) is
 * read with a streaming parser straight into column arrays, never as a tree of objects.
 */
@Component
public class MarketDataCandles implements CandleSource {

    private static final String TARGET = MarketDataHistory.TARGET;

    private final MarketDataHistory history;
    private final JsonMapper json;

    public MarketDataCandles(MarketDataHistory history, JsonMapper json) {
        this.history = history;
        this.json = json;
    }

    @Override
    public Candles load(String connector, String pair, Resolution resolution, long start, long end) {
        ObjectNode body = history.body(connector, pair).put("interval", resolution.text()).put("start_time", start)
                .put("end_time", end);
        String answer = history.read("market-data/historical-candles", body, "Candles");
        Candles candles = parse(answer, resolution.seconds(), end);
        if (candles.isEmpty()) {
            throw new NotFound("No closed " + resolution.text() + " candles of " + connector + " " + pair
                    + " between " + start + " and " + end);
        }
        return candles;
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
