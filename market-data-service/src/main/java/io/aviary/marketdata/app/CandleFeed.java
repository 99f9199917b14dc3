package io.aviary.marketdata.app;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.VenueException;
import io.aviary.marketdata.domain.CandleBar;
import io.aviary.marketdata.domain.CandleKey;
import io.aviary.marketdata.domain.CandleWindow;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live candle series. Start: the closed candles of the window come from {@link CandleHistory}
 * (database first, venue for what is missing) and the candle in progress from the venue. Live: the
 * venue's public trades update the candle in progress as they print; when the clock passes a candle's
 * end, the venue's own closed candles replace what the trades built, are stored and published as
 * {@code CandleClosed}. A failed roll is retried on the next tick, the trades keep the window fresh.
 */
public final class CandleFeed implements Feed {

    private static final Logger log = LoggerFactory.getLogger(CandleFeed.class);

    private final CandleKey key;
    private final MarketDataConnector venue;
    private final CandleHistory history;
    private final Clock clock;
    private final Executor executor;
    private final CandleWindow window;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final AtomicBoolean rolling = new AtomicBoolean();
    private volatile Subscription trades;
    private volatile boolean closed;
    /** Open time of the newest candle known closed and stored. */
    private volatile long lastClosedOpen;
    private CandleBar current; // guarded by this
    private long tradesFromMillis; // guarded by this: older trades are already inside `current`

    CandleFeed(CandleKey key, MarketDataConnector venue, CandleHistory history, Clock clock, Executor executor,
            int capacity) {
        this.key = key;
        this.venue = venue;
        this.history = history;
        this.clock = clock;
        this.executor = executor;
        this.window = new CandleWindow(capacity);
    }

    @Override
    public String type() {
        return "candles";
    }

    @Override
    public String config() {
        return "connector='" + key.connector() + "' trading_pair='" + key.pair() + "' interval='"
                + key.interval().wireName() + "' max_records=" + window.capacity();
    }

    public CandleKey key() {
        return key;
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Backfills and subscribes; completes {@link #ready()} either way. Blocking: run it off the request thread. */
    void start() {
        try {
            long currentOpen = key.openOf(clock.instant().getEpochSecond());
            long from = currentOpen - (long) (window.capacity() - 1) * key.step();
            window.putAll(history.closed(key, venue, from, currentOpen));
            lastClosedOpen = currentOpen - key.step();
            refreshCurrent(currentOpen);
            subscribeTrades();
            ready.complete(null);
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
        }
    }

    /** The last {@code n} candles (the one in progress last); grows the window from history when needed. */
    List<CandleBar> tail(int n) {
        if (n > window.capacity()) {
            long currentOpen = key.openOf(clock.instant().getEpochSecond());
            long oldest = window.oldest().map(CandleBar::timestamp).orElse(currentOpen);
            window.growTo(n);
            window.putAll(history.closed(key, venue, currentOpen - (long) (n - 1) * key.step(), oldest));
        }
        return window.tail(n);
    }

    /** Called every second: when a candle has closed since the last roll, rolls (off the caller's thread). */
    void tick(Instant now) {
        if (closed || !ready.isDone() || ready.isCompletedExceptionally()) {
            return;
        }
        long nowOpen = key.openOf(now.getEpochSecond());
        if (lastClosedOpen < nowOpen - key.step() && rolling.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    roll(nowOpen);
                } catch (VenueException e) {
                    log.warn("Candles {}: closing candles failed, retrying next tick: {}", key, e.getMessage());
                } catch (RuntimeException e) {
                    log.error("Candles {}: closing candles failed, retrying next tick", key, e);
                } finally {
                    rolling.set(false);
                }
            });
        }
    }

    private void roll(long nowOpen) {
        long from = Math.max(lastClosedOpen + key.step(), nowOpen - (long) window.capacity() * key.step());
        long fetchStarted = clock.millis();
        List<Candle> fetched = venue.candles(key.pair(), key.interval(), Instant.ofEpochSecond(from),
                Instant.ofEpochSecond(nowOpen + key.step()), (int) ((nowOpen - from) / key.step()) + 1);
        List<Candle> closedNow = fetched.stream()
                .filter(c -> c.openTime().getEpochSecond() >= from && c.openTime().getEpochSecond() < nowOpen).toList();
        history.recordClosed(key, closedNow, new Range(from, nowOpen));
        window.putAll(closedNow.stream().map(CandleBar::of).toList());
        lastClosedOpen = nowOpen - key.step();
        takeCurrent(nowOpen, fetched, fetchStarted);
    }

    /** Asks the venue for the candle in progress. */
    private void refreshCurrent(long open) {
        long fetchStarted = clock.millis();
        takeCurrent(open, venue.candles(key.pair(), key.interval(), Instant.ofEpochSecond(open),
                Instant.ofEpochSecond(open + key.step()), 1), fetchStarted);
    }

    /** The venue's candle at {@code open} becomes the one in progress; trades older than the fetch are in it. */
    private void takeCurrent(long open, List<Candle> fetched, long fetchStarted) {
        fetched.stream().filter(c -> c.openTime().getEpochSecond() == open).findFirst().map(CandleBar::of)
                .ifPresent(bar -> {
                    synchronized (this) {
                        if (current == null || current.timestamp() <= open) {
                            current = bar;
                            tradesFromMillis = Math.max(tradesFromMillis, fetchStarted);
                            window.put(bar);
                        }
                    }
                });
    }

    private void subscribeTrades() {
        try {
            synchronized (this) {
                tradesFromMillis = Math.max(tradesFromMillis, clock.millis());
            }
            trades = venue.subscribeTrades(key.pair(), this::onTrade);
        } catch (VenueException e) {
            // Candles still close from the venue's REST candles; only the in-progress candle is less fresh.
            log.warn("Candles {}: no public trade stream ({}), the candle in progress updates when it closes",
                    key, e.getMessage());
        }
    }

    synchronized void onTrade(PublicTrade trade) {
        if (closed || trade.timestamp().toEpochMilli() < tradesFromMillis) {
            return;
        }
        long open = key.openOf(trade.timestamp().getEpochSecond());
        double price = trade.price().doubleValue();
        double amount = trade.amount().doubleValue();
        boolean takerBuy = trade.takerSide() == TradeType.BUY;
        if (current != null && open == current.timestamp()) {
            current = current.withTrade(price, amount, takerBuy);
        } else if (current == null || open > current.timestamp()) {
            CandleBar fresh = new CandleBar(open, price, price, price, price, 0, 0, 0, 0, 0);
            current = fresh.withTrade(price, amount, takerBuy);
        } else {
            return; // a late trade of a candle that closed: the venue's closed candle has it
        }
        window.put(current);
    }

    @Override
    public void close() {
        closed = true;
        Subscription s = trades;
        if (s != null) {
            s.close();
        }
        ready.completeExceptionally(new IllegalStateException("feed closed"));
    }
}
