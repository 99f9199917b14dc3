package io.aviary.marketdata.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.FundingInfo;
import io.aviary.connectors.model.FundingRate;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.PublicTrade;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.OrderBookListener;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.registry.ConnectorRegistry;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.kit.ownership.Leases;
import io.aviary.marketdata.app.FundingHistory;
import io.aviary.marketdata.app.Markets;
import io.aviary.marketdata.domain.FundingKey;
import io.aviary.marketdata.domain.FundingPoint;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Funding-rate history on a real PostgreSQL: stored rows and coverage, fetched from the venue once per range and
 * then served from the database, never marked as fetched beyond what the venue can have published.
 */
class FundingHistoryStorageTest {

    private static final TradingPair BTC = TradingPair.parse("BTC-USDT");
    private static final long H8 = 8 * 3600;
    /** The service's "now": 30 days after the epoch. */
    private static final Instant NOW = Instant.ofEpochSecond(30 * 86_400L);

    private static CandleDatabase db;
    private static Leases leases;

    @BeforeAll
    static void start() {
        db = new CandleDatabase();
        leases = db.leases("replica-a");
    }

    @AfterAll
    static void stop() throws Exception {
        leases.close();
        db.close();
    }

    /** Pays every 8 h at a rate that is a function of time; records every range it is asked for. */
    static final class EightHourVenue implements MarketDataConnector {
        final String name;
        final boolean hasHistory;
        final List<long[]> asked = new CopyOnWriteArrayList<>();
        /** Runs before each answer (a test holds a fetch open with it). */
        volatile Runnable beforeAnswer = () -> { };

        EightHourVenue(String name, boolean hasHistory) {
            this.name = name;
            this.hasHistory = hasHistory;
        }

        static BigDecimal rate(long t) {
            return BigDecimal.valueOf((t / H8) % 5 - 2, 5); // −0.00002 … +0.00002
        }

        @Override
        public List<FundingRate> fundingRates(TradingPair pair, Instant start, Instant end, int limit) {
            if (!hasHistory) {
                return MarketDataConnector.super.fundingRates(pair, start, end, limit);
            }
            asked.add(new long[] {start.getEpochSecond(), end.getEpochSecond()});
            beforeAnswer.run();
            List<FundingRate> out = new ArrayList<>();
            for (long t = Math.ceilDiv(start.getEpochSecond(), H8) * H8; t < end.getEpochSecond(); t += H8) {
                out.add(new FundingRate(pair, Instant.ofEpochSecond(t), rate(t), BigDecimal.valueOf(100 + t / H8)));
            }
            return out;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Map<TradingPair, TradingRule> tradingRules() {
            Map<TradingPair, TradingRule> rules = new HashMap<>();
            rules.put(BTC, null); // only the keys are read here
            return rules;
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
        public Subscription subscribeOrderBook(TradingPair pair, OrderBookListener listener) {
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

    private static ConnectorFactory factory(MarketDataConnector venue, boolean perpetual) {
        ConnectorSpec spec = new ConnectorSpec(venue.name(), List.of(), Set.of(), Set.of(), perpetual);
        return new ConnectorFactory() {
            @Override
            public ConnectorSpec spec() {
                return spec;
            }

            @Override
            public MarketDataConnector marketData() {
                return venue;
            }

            @Override
            public TradingConnector trading(Map<String, String> credentials) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static FundingHistory history(ConnectorFactory... factories) {
        return history(leases, factories);
    }

    private static FundingHistory history(Leases replica, ConnectorFactory... factories) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new FundingHistory(new Markets(new ConnectorRegistry(List.of(factories)), clock), db.fundingStore,
                clock, replica);
    }

    @Test
    void twoReplicasAskedForTheSameRangeAtOnceFetchItFromTheVenueOnce() throws Exception {
        EightHourVenue venue = new EightHourVenue("gamma_perpetual", true);
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        venue.beforeAnswer = () -> {
            if (fetching.getCount() > 0) {
                fetching.countDown();
                awaitQuietly(finish);
            }
        };
        long day = 86_400;
        try (Leases other = db.leases("replica-b"); ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            FundingHistory a = history(leases, factory(venue, true));
            FundingHistory b = history(other, factory(venue, true));
            Future<List<FundingPoint>> first = requests.submit(() -> a.rates("gamma_perpetual", "BTC-USDT", 0, 10 * day));
            assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
            Future<List<FundingPoint>> second = requests.submit(() -> b.rates("gamma_perpetual", "BTC-USDT", 0, 10 * day));
            // replica b gets half a second in which it would ask the venue itself if nothing kept it out
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (venue.asked.size() < 2 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertThat(second).isNotDone();
            finish.countDown();
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS)).hasSize(31);
        }
        assertThat(venue.asked).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aRangeIsFetchedOnceThenServedFromTheDatabaseAndOnlyMissingPartsAreFetchedLater() {
        EightHourVenue venue = new EightHourVenue("alpha_perpetual", true);
        FundingHistory history = history(factory(venue, true));
        long day = 86_400;

        List<FundingPoint> first = history.rates("alpha_perpetual", "BTC-USDT", 0, 3 * day);
        assertThat(first).extracting(FundingPoint::time)
                .containsExactly(0L, H8, 2 * H8, 3 * H8, 4 * H8, 5 * H8, 6 * H8, 7 * H8, 8 * H8, 9 * H8);
        assertThat(first.get(3).rate()).isEqualByComparingTo(EightHourVenue.rate(3 * H8));
        assertThat(first.get(3).markPrice()).isEqualByComparingTo("103");
        assertThat(venue.asked).hasSize(1);

        assertThat(history.rates("alpha_perpetual", "BTC-USDT", 0, 3 * day)).isEqualTo(first);
        assertThat(history.rates("alpha_perpetual", "BTC-USDT", day, 2 * day)).hasSize(4);
        assertThat(venue.asked).as("stored ranges are not fetched again").hasSize(1);

        assertThat(history.rates("alpha_perpetual", "BTC-USDT", 2 * day, 5 * day)).hasSize(10);
        assertThat(venue.asked).hasSize(2);
        assertThat(venue.asked.get(1)).as("only the part after the stored range").containsExactly(3 * day + 1, 5 * day + 1);
        assertThat(db.fundingStore.coverage(new FundingKey("alpha_perpetual", BTC), new Range(0, 10 * day)))
                .containsExactly(new Range(0, 5 * day + 1));
    }

    @Test
    void coverageStopsBeforeWhatTheVenueCannotHavePublishedYet() {
        EightHourVenue venue = new EightHourVenue("beta_perpetual", true);
        FundingHistory history = history(factory(venue, true));
        long now = NOW.getEpochSecond();

        List<FundingPoint> rates = history.rates("beta_perpetual", "BTC-USDT", now - 86_400, now + 86_400);
        assertThat(rates).extracting(FundingPoint::time).allMatch(t -> t < now).hasSize(3);
        assertThat(db.fundingStore.coverage(new FundingKey("beta_perpetual", BTC), new Range(0, now + 86_400)))
                .containsExactly(new Range(now - 86_400, now - 60));
    }

    @Test
    void aConnectorWithoutFundingHistoryIsRefusedNamingItAndASpotOneIsBadInput() {
        FundingHistory history = history(factory(new EightHourVenue("gamma_perpetual", false), true),
                factory(new EightHourVenue("delta", true), false));
        assertThatThrownBy(() -> history.rates("gamma_perpetual", "BTC-USDT", 0, 86_400))
                .isInstanceOf(Unprocessable.class).hasMessageContaining("gamma_perpetual");
        assertThatThrownBy(() -> history.rates("delta", "BTC-USDT", 0, 86_400))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("perpetual");
        assertThatThrownBy(() -> history.rates("gamma_perpetual", "BTC-USDT", 10, 5))
                .isInstanceOf(InvalidRequest.class);
    }
}
