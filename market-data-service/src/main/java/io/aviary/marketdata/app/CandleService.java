package io.aviary.marketdata.app;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.marketdata.domain.CandleBar;
import io.aviary.marketdata.domain.CandleKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/** Live candles (from a feed) and historical candles (from the database, fetched once from the venue). */
@Service
public class CandleService {

    private final Markets markets;
    private final Feeds feeds;
    private final CandleHistory history;
    private final MarketDataSettings settings;
    private final Clock clock;

    public CandleService(Markets markets, Feeds feeds, CandleHistory history, MarketDataSettings settings, Clock clock) {
        this.markets = markets;
        this.feeds = feeds;
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /** The last {@code maxRecords} candles of the live feed, the one in progress last. */
    public List<CandleBar> live(String connectorName, String pair, String interval, int maxRecords) {
        ConnectorFactory connector = markets.connector(connectorName);
        CandleKey key = key(connector, pair, interval);
        List<CandleBar> candles = feeds.candles(key, connector.marketData(), maxRecords).tail(maxRecords);
        if (candles.isEmpty()) {
            throw new NotFound("No candles data available for " + key);
        }
        return candles;
    }

    /** A historical range, ready to stream: stored closed candles plus the candle in progress when asked for. */
    public record Historical(CandleKey key, long from, long to, Optional<CandleBar> inProgress) {
    }

    /**
     * Candles whose open time lies in {@code [start, end]} (epoch seconds). Missing closed parts are
     * fetched from the venue and stored first, so the answer then streams from the database.
     */
    public Historical historical(String connectorName, String pair, String interval, long start, long end) {
        if (start > end) {
            throw new InvalidRequest("start_time (" + start + ") is after end_time (" + end
                    + "); both are epoch seconds and start_time must not be later than end_time.");
        }
        ConnectorFactory connector = markets.connector(connectorName);
        CandleKey key = key(connector, pair, interval);
        long step = key.step();
        long nowOpen = key.openOf(clock.instant().getEpochSecond());
        long from = Math.ceilDiv(start, step) * step;
        long to = Math.min(key.openOf(end) + step, nowOpen);
        boolean wantsCurrent = start <= nowOpen && end >= nowOpen;
        long count = Math.max(0, (to - from) / step) + (wantsCurrent ? 1 : 0);
        if (count > settings.maxHistoricalCandles()) {
            throw new InvalidRequest("The range holds " + count + " " + interval + " candles; at most "
                    + settings.maxHistoricalCandles() + " per request. Split it into smaller ranges.");
        }
        history.ensureStored(key, connector.marketData(), from, to);
        Optional<CandleBar> current = wantsCurrent ? inProgress(connector, key, nowOpen) : Optional.empty();
        if (current.isEmpty() && (to <= from || !history.any(key, from, to))) {
            throw new NotFound("No historical data available for " + key + " between " + start + " and " + end);
        }
        return new Historical(key, from, Math.max(from, to), current);
    }

    public void stream(Historical range, Consumer<CandleBar> sink) {
        history.forEach(range.key(), range.from(), range.to(), sink);
        range.inProgress().ifPresent(sink);
    }

    private Optional<CandleBar> inProgress(ConnectorFactory connector, CandleKey key, long open) {
        List<Candle> candles = connector.marketData().candles(key.pair(), key.interval(), Instant.ofEpochSecond(open),
                Instant.ofEpochSecond(open + key.step()), 1);
        return candles.stream().filter(c -> c.openTime().getEpochSecond() == open).findFirst().map(CandleBar::of);
    }

    private CandleKey key(ConnectorFactory connector, String pair, String interval) {
        return new CandleKey(connector.spec().name(), markets.pair(connector, pair), markets.interval(connector, interval));
    }
}
