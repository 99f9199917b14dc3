package io.aviary.marketdata.app;

import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.kit.web.ApiException;
import io.aviary.marketdata.domain.CandleKey;
import io.aviary.marketdata.domain.FeedKey;
import io.aviary.marketdata.domain.FeedLease;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The live feeds: created on first use, their last access tracked, stopped by a sweep every
 * {@code cleanup-interval} once unused for {@code feed-timeout}. Candle feeds are also ticked every
 * second so they notice closed candles. A feed that fails to start is dropped, so the next request
 * tries again; a request never waits longer than {@code ready-timeout} for a feed.
 */
@Service
public class Feeds {

    private static final Logger log = LoggerFactory.getLogger(Feeds.class);

    private record Entry(FeedKey key, Feed feed, FeedLease lease) {
    }

    /** What {@code active-feeds} shows of one feed. */
    public record ActiveFeed(String feedType, Instant lastAccess, Duration sinceAccess, Duration expiresIn, String config) {
    }

    private final Map<String, Entry> feeds = new ConcurrentHashMap<>();
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
        timer.scheduleWithFixedDelay(this::cleanupSafely, settings.cleanupInterval(), settings.cleanupInterval(), TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    }

    /** The candle feed of {@code key}, ready, holding at least {@code records} candles. */
    public CandleFeed candles(CandleKey key, MarketDataConnector venue, int records) {
        FeedKey.Candles id = new FeedKey.Candles(key);
        Entry entry = entry(id, () -> {
            CandleFeed feed = new CandleFeed(key, venue, history, clock, workers, records);
            workers.execute(feed::start);
            return feed;
        });
        CandleFeed feed = (CandleFeed) entry.feed();
        awaitReady(entry, feed);
        return feed;
    }

    /** The order-book feed of {@code pair} (subscribed; in sync is awaited by the reader). */
    public OrderBookFeed orderBook(FeedKey.OrderBook id, MarketDataConnector venue) {
        return (OrderBookFeed) entry(id, () -> {
            OrderBookFeed feed = new OrderBookFeed(id, listener -> venue.subscribeOrderBook(id.pair(), listener), workers);
            feed.start();
            return feed;
        }).feed();
    }

    public Duration readyTimeout() {
        return settings.readyTimeoutDuration();
    }

    private Entry entry(FeedKey id, java.util.function.Supplier<Feed> create) {
        Instant now = clock.instant();
        Entry entry = feeds.computeIfAbsent(id.id(), k -> new Entry(id, create.get(), new FeedLease(now, settings.feedTimeoutDuration())));
        entry.lease().touch(now);
        return entry;
    }

    private void awaitReady(Entry entry, CandleFeed feed) {
        try {
            feed.ready().get(settings.readyTimeout(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            drop(entry);
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "The candles feed " + entry.key().id()
                    + " did not become ready within " + settings.readyTimeout() + " s; the venue is slow or unreachable, retry later.");
        } catch (ExecutionException e) {
            drop(entry);
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while waiting for the candles feed");
        }
    }

    private void drop(Entry entry) {
        if (feeds.remove(entry.key().id(), entry)) {
            entry.feed().close();
        }
    }

    /** Every feed, by key, sorted. */
    public Map<String, ActiveFeed> active() {
        Instant now = clock.instant();
        Map<String, ActiveFeed> out = new LinkedHashMap<>();
        new TreeMap<>(feeds).forEach((id, e) -> out.put(id, new ActiveFeed(e.feed().type(), e.lease().lastAccess(),
                e.lease().sinceAccess(now), e.lease().expiresIn(now), e.feed().config())));
        return out;
    }

    /** Stops the feeds unused for longer than the feed timeout; returns how many. */
    int cleanup() {
        Instant now = clock.instant();
        int stopped = 0;
        for (Entry e : feeds.values()) {
            if (e.lease().expired(now) && feeds.remove(e.key().id(), e)) {
                e.feed().close();
                stopped++;
                log.info("Stopped unused {} feed {}", e.feed().type(), e.key().id());
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
        for (Entry e : feeds.values()) {
            if (e.feed() instanceof CandleFeed candles) {
                try {
                    candles.tick(now);
                } catch (RuntimeException ex) {
                    log.error("Candle feed {} tick failed", e.key().id(), ex);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        feeds.values().forEach(e -> e.feed().close());
        feeds.clear();
        workers.shutdownNow();
    }
}
