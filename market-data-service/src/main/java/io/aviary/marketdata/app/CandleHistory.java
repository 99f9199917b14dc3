package io.aviary.marketdata.app;

import io.aviary.common.events.marketdata.CandleClosed;
import io.aviary.connectors.model.Candle;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.ownership.Leases;
import io.aviary.marketdata.domain.CandleBar;
import io.aviary.marketdata.domain.CandleKey;
import io.aviary.marketdata.domain.CandleStore;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closed candles, fetched from the venue once and kept in PostgreSQL. A request for a range reads
 * the stored coverage, fetches only the missing parts (in pages, each stored as it arrives, so an
 * interrupted fetch keeps its progress) and then serves everything from the database. Only closed
 * candles are stored: ranges are cut at the candle in progress.
 */
@Service
public class CandleHistory {

    /** Candles per venue round of a missing range (the connector pages further inside it). */
    static final int FETCH_PAGE = 10_000;

    private final CandleStore store;
    private final EventOutbox outbox;
    private final TransactionTemplate tx;
    private final FetchedOnce<CandleKey> fetched;

    public CandleHistory(CandleStore store, EventOutbox outbox, TransactionTemplate aviaryTransactionTemplate,
            Leases leases) {
        this.store = store;
        this.fetched = new FetchedOnce<>("market-data-candles", store::coverage, leases);
        this.outbox = outbox;
        this.tx = aviaryTransactionTemplate;
    }

    /** Closed candles with open time in {@code [from, to)} ({@code to} at most the candle in progress). */
    public List<CandleBar> closed(CandleKey key, MarketDataConnector venue, long from, long to) {
        ensureStored(key, venue, from, to);
        return store.read(key, from, to);
    }

    public void forEach(CandleKey key, long from, long to, Consumer<CandleBar> sink) {
        store.forEach(key, from, to, sink);
    }

    public boolean any(CandleKey key, long from, long to) {
        return store.any(key, from, to);
    }

    /** Makes sure every closed candle of {@code [from, to)} has been fetched from the venue once. */
    public void ensureStored(CandleKey key, MarketDataConnector venue, long from, long to) {
        fetched.ensure(key, from, to, gap -> fetch(key, venue, gap));
    }

    private void fetch(CandleKey key, MarketDataConnector venue, Range gap) {
        long step = key.step();
        for (long start = gap.start(); start < gap.end(); ) {
            long end = Math.min(gap.end(), start + FETCH_PAGE * step);
            List<CandleBar> page = venue.candles(key.pair(), key.interval(), Instant.ofEpochSecond(start),
                    Instant.ofEpochSecond(end), (int) ((end - start + step - 1) / step)).stream()
                    .map(CandleBar::of).filter(c -> c.timestamp() >= gap.start() && c.timestamp() < gap.end()).toList();
            store.store(key, page, new Range(start, end));
            start = end;
        }
    }

    /**
     * Candles a live feed saw close in {@code covered}: stored, and each announced as
     * {@link CandleClosed} through the outbox in the same transaction.
     */
    public void recordClosed(CandleKey key, List<Candle> closed, Range covered) {
        tx.executeWithoutResult(status -> {
            store.store(key, closed.stream().map(CandleBar::of).toList(), covered);
            for (Candle c : closed) {
                outbox.append(new CandleClosed(key.connector(), key.pair().toString(), key.interval().wireName(),
                        c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume(), c.quoteAssetVolume(),
                        c.trades()));
            }
        });
    }
}
