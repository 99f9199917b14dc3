package io.aviary.marketdata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.VenueException;
import io.aviary.kit.failure.TooBusy;
import io.aviary.marketdata.domain.FeedKey;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The feed map: a cap on live feeds (429 naming the limit; expired or failed feeds free their slot), and
 * no venue call inside the map's lock (a slow subscription of one pair holds up no other pair, and a
 * second request for the same pair waits for the one opener instead of subscribing again).
 */
class FeedsTest {

    private static final TradingPair SLOW = TradingPair.parse("BTC-USDT");

    private final LatchVenue venue = new LatchVenue();
    private final MovableClock clock = new MovableClock();
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private Feeds feeds;

    @AfterEach
    void stop() {
        venue.release.countDown(); // whatever still waits in the venue returns
        requests.shutdownNow();
        if (feeds != null) {
            feeds.stop();
        }
    }

    @Test
    void aSlowSubscriptionOfOnePairHoldsUpNoOtherPairAndIsMadeOnce() throws Exception {
        feeds = feeds(100);
        Future<OrderBookFeed> opener = requests.submit(() -> open(SLOW));
        assertThat(venue.entered.await(10, TimeUnit.SECONDS)).as("the venue was asked for the slow pair").isTrue();
        Future<OrderBookFeed> sameKey = requests.submit(() -> open(SLOW));

        // enough other pairs to share the slow pair's bin or to resize the map: both waited for a lock held
        // during the venue call before. The bound only ends a test that would otherwise hang.
        Future<List<String>> others = requests.submit(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(open(pair(i)).config());
            }
            feeds.active();
            return ids;
        });
        assertThat(others.get(20, TimeUnit.SECONDS)).hasSize(40);
        assertThat(feeds.active()).hasSize(40).doesNotContainKey("order_book_sim_BTC-USDT");
        assertThat(opener).isNotDone();
        assertThat(sameKey).isNotDone();

        venue.release.countDown();
        OrderBookFeed first = opener.get(10, TimeUnit.SECONDS);
        assertThat(sameKey.get(10, TimeUnit.SECONDS)).isSameAs(first);
        assertThat(venue.subscriptions(SLOW)).as("one opener per pair").isEqualTo(1);
        assertThat(feeds.active()).hasSize(41).containsKey("order_book_sim_BTC-USDT");
    }

    @Test
    void aFeedBeyondTheLimitIsRefusedWith429NamingTheLimitWhileLiveFeedsStayServed() {
        feeds = feeds(2);
        OrderBookFeed a = open(pair(1));
        open(pair(2));

        assertThatThrownBy(() -> open(pair(3))).isInstanceOfSatisfying(TooBusy.class, e -> {
            assertThat(e.getMessage()).contains("2 live feeds", "MARKET_DATA_MAX_FEEDS=2", "raise MARKET_DATA_MAX_FEEDS",
                    "frees its slot in 600 s").doesNotContain(pair(3).toString());
        });
        assertThat(venue.subscriptions(pair(3))).as("no venue call for a refused feed").isZero();
        assertThat(open(pair(1))).as("a live feed is still served at the limit").isSameAs(a);
        assertThat(feeds.active()).hasSize(2);
    }

    @Test
    void liveFeedsAreMeteredByTypeAndAnExpiredOneLeavesTheCount() {
        feeds = feeds(5);
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        new FeedMetrics(feeds).bindTo(meters);
        open(pair(1));
        open(pair(2));
        assertThat(meters.get("aviary.feeds").tag("type", "order_book").gauge().value()).isEqualTo(2.0);
        assertThat(meters.get("aviary.feeds").tag("type", "candles").gauge().value()).isZero();

        clock.advance(Duration.ofSeconds(601));
        open(pair(3));
        feeds.cleanup(); // the periodic sweep stops the two unused feeds
        assertThat(meters.get("aviary.feeds").tag("type", "order_book").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void anExpiredFeedFreesItsSlotForTheNextOne() {
        feeds = feeds(1);
        open(pair(1));
        clock.advance(Duration.ofSeconds(601)); // past the 600 s feed timeout, before the sweep ran

        open(pair(2));

        assertThat(feeds.active()).containsOnlyKeys("order_book_sim_" + pair(2));
        assertThat(venue.closed(pair(1))).as("the expired feed's venue stream was closed").isEqualTo(1);
    }

    @Test
    void aFeedThatFailsToOpenFreesItsSlotAndTheNextRequestTriesAgain() {
        feeds = feeds(1);
        venue.unknown.add(pair(9));
        assertThatThrownBy(() -> open(pair(9))).isInstanceOf(VenueException.NotFound.class);
        assertThatThrownBy(() -> open(pair(9))).isInstanceOf(VenueException.NotFound.class);
        assertThat(venue.subscriptions(pair(9))).isEqualTo(2);

        open(pair(1));
        assertThat(feeds.active()).containsOnlyKeys("order_book_sim_" + pair(1));
    }

    private Feeds feeds(int maxFeeds) {
        return new Feeds(null, new MarketDataSettings(600, 300, 30, 1000, maxFeeds), clock);
    }

    private OrderBookFeed open(TradingPair pair) {
        return feeds.orderBook(new FeedKey.OrderBook("sim", pair), venue);
    }

    private static TradingPair pair(int i) {
        return TradingPair.parse("C" + i + "-USDT");
    }

    /** A venue whose book subscription of {@link #SLOW} blocks until {@link #release}; counts subscriptions. */
    private static final class LatchVenue implements MarketDataConnector {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Set<TradingPair> unknown = ConcurrentHashMap.newKeySet();
        private final Map<TradingPair, AtomicInteger> subscribed = new ConcurrentHashMap<>();
        private final Map<TradingPair, AtomicInteger> closed = new ConcurrentHashMap<>();

        int subscriptions(TradingPair pair) {
            return subscribed.getOrDefault(pair, new AtomicInteger()).get();
        }

        int closed(TradingPair pair) {
            return closed.getOrDefault(pair, new AtomicInteger()).get();
        }

        @Override
        public Subscription subscribeOrderBook(TradingPair pair, OrderBookListener listener) {
            subscribed.computeIfAbsent(pair, p -> new AtomicInteger()).incrementAndGet();
            if (unknown.contains(pair)) {
                throw new VenueException.NotFound("sim", "unknown trading pair");
            }
            if (pair.equals(SLOW)) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return () -> closed.computeIfAbsent(pair, p -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String name() {
            return "sim";
        }

        @Override
        public Map<TradingPair, TradingRule> tradingRules() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<TradingPair, BigDecimal> lastPrices(Collection<TradingPair> pairs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrderBookSnapshot orderBook(TradingPair pair, int depth) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Subscription subscribeTrades(TradingPair pair, Consumer<PublicTrade> listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Candle> candles(TradingPair pair, CandleInterval interval, Instant start, Instant end, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Collection<CandleInterval> candleIntervals() {
            return List.of();
        }

        @Override
        public FundingInfo fundingInfo(TradingPair pair) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
