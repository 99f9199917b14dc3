package io.aviary.marketdata.app;

import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.kit.failure.TimedOut;
import io.aviary.kit.failure.TooBusy;
import io.aviary.kit.failure.Unavailable;
import io.aviary.marketdata.domain.CandleKey;
import io.aviary.marketdata.domain.FeedKey;
import io.aviary.marketdata.domain.FeedLease;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The live feeds: created on first use, their last access tracked, stopped by a sweep every
 * {@code cleanup-interval} once unused for {@code feed-timeout}. Candle feeds are also ticked every
 * second so they notice closed candles. A feed that fails to start is dropped, so the next request
 * tries again; a request never waits longer than {@code ready-timeout} for a feed.
 *
 * <p>At most {@code max-feeds} feeds live at once (each holds a venue stream, and on polled venues
 * costs request weight every poll): a request that would open one more is refused with 429 after
 * expired feeds are stopped. The venue is never called inside the map's lock: a request claims the
 * key with a {@link Slot} whose future it completes outside the map, so exactly one request opens a
 * feed, the others for that key wait on the future (bounded), and other keys are never held up.
 */
@Service
public class Feeds {

    private static final Logger log = LoggerFactory.getLogger(Feeds.class);

    /** A feed's place in the map, claimed before the venue is called; {@code opened} completes once it is. */
    private record Slot(FeedKey key, FeedLease lease, CompletableFuture<Feed> opened) {

        /** The feed once it opened; null while it is opening or when it failed to. */
        Feed feed() {
            return opened.state() == Future.State.SUCCESS ? opened.resultNow() : null;
        }
    }

    /** What {@code active-feeds} shows of one feed. */
    public record ActiveFeed(String feedType, Instant lastAccess, Duration sinceAccess, Duration expiresIn, String config) {
    }

    private final Map<String, Slot> feeds = new ConcurrentHashMap<>();
    /** One permit per feed that may still be opened: taken before a slot enters the map, given back when it leaves. */
    private final Semaphore capacity;
    private final CandleHistory history;
    private final MarketDataSettings settings;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "market-data-feeds");
        t.setDaemon(true);
        return t;
    });

    public Feeds(CandleHistory history, MarketDataSettings settings, Clock clock) {
        this.history = history;
        this.settings = settings;
        this.clock = clock;
        this.capacity = new Semaphore(settings.maxFeeds());
        timer.scheduleWithFixedDelay(this::cleanupSafely, settings.cleanupInterval(), settings.cleanupInterval(), TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    }

    /** The candle feed of {@code key}, ready, holding at least {@code records} candles. */
    public CandleFeed candles(CandleKey key, MarketDataConnector venue, int records) {
        FeedKey.Candles id = new FeedKey.Candles(key);
        Slot slot = slot(id, () -> {
            CandleFeed feed = new CandleFeed(key, venue, history, clock, workers, records);
            workers.execute(feed::start);
            return feed;
        });
        CandleFeed feed = (CandleFeed) opened(slot);
        awaitReady(slot, feed);
        return feed;
    }

    /** The order-book feed of {@code pair} (subscribed; in sync is awaited by the reader). */
    public OrderBookFeed orderBook(FeedKey.OrderBook id, MarketDataConnector venue) {
        return (OrderBookFeed) opened(slot(id, () -> {
            OrderBookFeed feed = new OrderBookFeed(id, listener -> venue.subscribeOrderBook(id.pair(), listener), workers);
            feed.start();
            return feed;
        }));
    }

    /** The order-book feed of {@code id}, opened if needed and pinned: it stays until {@link #untrack} removes it. */
    public OrderBookFeed track(FeedKey.OrderBook id, MarketDataConnector venue) {
        OrderBookFeed feed = orderBook(id, venue);
        Slot slot = feeds.get(id.id());
        if (slot != null) {
            slot.lease().pin();
        }
        return feed;
    }

    /**
     * A feed held for a live subscriber (a WebSocket stream): it does not expire while held, whatever the feed
     * timeout; {@link #close()} releases it, after which it expires like a feed last read at that moment.
     */
    public record Held<F extends Feed>(F feed, FeedLease lease, Clock clock) implements AutoCloseable {
        @Override
        public void close() {
            lease.release(clock.instant());
        }
    }

    /** The candle feed of {@code key} (ready, at least {@code records} candles), held until the result is closed. */
    public Held<CandleFeed> holdCandles(CandleKey key, MarketDataConnector venue, int records) {
        CandleFeed feed = candles(key, venue, records);
        return held(new FeedKey.Candles(key), feed);
    }

    /** The order-book feed of {@code id}, held until the result is closed. */
    public Held<OrderBookFeed> holdOrderBook(FeedKey.OrderBook id, MarketDataConnector venue) {
        return held(id, orderBook(id, venue));
    }

    /** Holds the lease of the slot that serves {@code feed} (just touched, so the sweep cannot have taken it). */
    private <F extends Feed> Held<F> held(FeedKey id, F feed) {
        Slot slot = feeds.get(id.id());
        if (slot == null || slot.feed() != feed) { // removed by trading-pair/remove in between
            throw new Unavailable("The " + id.id() + " feed was stopped while it was being opened; retry.");
        }
        slot.lease().hold();
        return new Held<>(feed, slot.lease(), clock);
    }

    /** Stops and removes the order-book feed of {@code id}; false when there was none. */
    public boolean untrack(FeedKey.OrderBook id) {
        Slot slot = feeds.get(id.id());
        return slot != null && drop(slot);
    }

    /** The open order-book feeds of {@code connector}, by pair. */
    public List<OrderBookFeed> orderBooks(String connector) {
        return new TreeMap<>(feeds).values().stream().map(Slot::feed)
                .filter(f -> f instanceof OrderBookFeed book && book.key().connector().equals(connector))
                .map(OrderBookFeed.class::cast).toList();
    }

    public Duration readyTimeout() {
        return settings.readyTimeoutDuration();
    }

    /** The slot of {@code id}, touched; claimed and opened by this request when there is none. */
    private Slot slot(FeedKey id, Supplier<Feed> open) {
        Instant now = clock.instant();
        Slot slot = feeds.get(id.id());
        if (slot == null) {
            slot = claim(id, now, open);
        }
        slot.lease().touch(now);
        return slot;
    }

    /**
     * Puts a new slot for {@code id} into the map (no function runs under the map's lock) and, when this
     * request's slot won, opens the feed here, outside the map.
     */
    private Slot claim(FeedKey id, Instant now, Supplier<Feed> open) {
        if (!reserve()) {
            Slot raced = feeds.get(id.id());
            if (raced != null) {
                return raced;
            }
            throw atCapacity(id, now);
        }
        Slot mine = new Slot(id, new FeedLease(now, settings.feedTimeoutDuration()), new CompletableFuture<>());
        Slot raced = feeds.putIfAbsent(id.id(), mine);
        if (raced != null) {
            capacity.release();
            return raced;
        }
        try {
            mine.opened().complete(open.get());
        } catch (RuntimeException | Error e) { // never leave a slot opening forever: waiters and the permit hang on it
            mine.opened().completeExceptionally(e);
            drop(mine);
        }
        return mine;
    }

    /** Takes a permit; at the limit, stops the feeds that have expired since the last sweep first. */
    private boolean reserve() {
        if (capacity.tryAcquire()) {
            return true;
        }
        cleanup();
        return capacity.tryAcquire();
    }

    private TooBusy atCapacity(FeedKey id, Instant now) {
        String kind = id instanceof FeedKey.Candles ? "candles" : "order book";
        String freed = feeds.values().stream().filter(s -> s.feed() != null).map(s -> s.lease().expiresIn(now))
                .min(Duration::compareTo).map(d -> "; the least recently used one frees its slot in " + d.toSeconds() + " s")
                .orElse("");
        return new TooBusy("Market data already runs " + feeds.size()
                + " live feeds, its limit (MARKET_DATA_MAX_FEEDS=" + settings.maxFeeds() + "), so no new " + kind
                + " feed can be opened. A feed unused for " + settings.feedTimeout() + " s is stopped" + freed
                + " (GET /market-data/active-feeds lists them). Retry later, or raise MARKET_DATA_MAX_FEEDS.");
    }

    /** The feed of {@code slot}, waiting up to the ready timeout while another request opens it. */
    private Feed opened(Slot slot) {
        try {
            return slot.opened().get(settings.readyTimeout(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new Unavailable("The " + slot.key().id() + " feed is still being opened by another request after "
                    + settings.readyTimeout() + " s; the venue is slow or unreachable, retry later.");
        } catch (ExecutionException e) {
            throw rethrown(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting for the " + slot.key().id() + " feed");
        }
    }

    private static RuntimeException rethrown(ExecutionException e) {
        return e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }

    private void awaitReady(Slot slot, CandleFeed feed) {
        try {
            feed.ready().get(settings.readyTimeout(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            drop(slot);
            throw new TimedOut("The candles feed " + slot.key().id()
                    + " did not become ready within " + settings.readyTimeout() + " s; the venue is slow or unreachable, retry later.");
        } catch (ExecutionException e) {
            drop(slot);
            throw rethrown(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting for the candles feed");
        }
    }

    /** Removes the slot (when it is still the key's), gives its permit back and closes its feed; true when removed. */
    private boolean drop(Slot slot) {
        if (!feeds.remove(slot.key().id(), slot)) {
            return false;
        }
        capacity.release();
        Feed feed = slot.feed();
        if (feed != null) {
            feed.close();
        }
        return true;
    }

    /** Every feed, by key, sorted. */
    public Map<String, ActiveFeed> active() {
        Instant now = clock.instant();
        Map<String, ActiveFeed> out = new LinkedHashMap<>();
        new TreeMap<>(feeds).forEach((id, slot) -> {
            Feed feed = slot.feed();
            if (feed != null) { // a feed still opening shows once it is open
                out.put(id, new ActiveFeed(feed.type(), slot.lease().lastAccess(), slot.lease().sinceAccess(now),
                        slot.lease().expiresIn(now), feed.config()));
            }
        });
        return out;
    }

    /** Stops the feeds unused for longer than the feed timeout; returns how many. */
    int cleanup() {
        Instant now = clock.instant();
        int stopped = 0;
        for (Slot slot : feeds.values()) {
            Feed feed = slot.feed(); // a slot still opening is not expired: its opener holds it
            if (feed != null && slot.lease().expired(now) && drop(slot)) {
                stopped++;
                log.info("Stopped unused {} feed {}", feed.type(), slot.key().id());
            }
        }
        return stopped;
    }

    private void cleanupSafely() {
        try {
            cleanup();
        } catch (RuntimeException e) {
            log.error("Feed cleanup failed", e);
        }
    }

    private void tickSafely() {
        Instant now = clock.instant();
        for (Slot slot : feeds.values()) {
            if (slot.feed() instanceof CandleFeed candles) {
                try {
                    candles.tick(now);
                } catch (RuntimeException ex) {
                    log.error("Candle feed {} tick failed", slot.key().id(), ex);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        feeds.values().forEach(this::drop);
        workers.shutdownNow();
    }
}
