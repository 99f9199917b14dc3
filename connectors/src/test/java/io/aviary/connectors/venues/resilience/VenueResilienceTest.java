package io.aviary.connectors.venues.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.connectors.port.VenueException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VenueResilienceTest {

    static final TradingPair PAIR = TradingPair.parse("BTC-USDT");

    /** A session whose every call fails with the given exception and counts the attempts. */
    static final class Failing implements TradingConnector {
        final AtomicInteger calls = new AtomicInteger();
        volatile RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        <T> T fail() {
            calls.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return null;
        }

        @Override public String name() { return "test"; }
        @Override public void verifyCredentials() { fail(); }
        @Override public List<Balance> balances() { fail(); return List.of(); }
        @Override public OrderUpdate placeOrder(OrderRequest request) { return fail(); }
        @Override public OrderUpdate cancelOrder(TradingPair pair, String id) { return fail(); }
        @Override public List<OrderUpdate> openOrders(Optional<TradingPair> pair) { fail(); return List.of(); }
        @Override public OrderUpdate orderStatus(TradingPair pair, String id) { return fail(); }
        @Override public List<Fill> orderFills(TradingPair pair, String id) { return fail(); }
        @Override public List<Fill> trades(TradingPair pair, Instant since) { return fail(); }
        @Override public List<Position> positions() { return fail(); }
        @Override public void setLeverage(TradingPair pair, int leverage) { fail(); }
        @Override public PositionMode positionMode() { return fail(); }
        @Override public void setPositionMode(PositionMode mode) { fail(); }
        @Override public List<FundingPayment> fundingPayments(TradingPair pair, Instant since) { return fail(); }
        @Override public Subscription subscribeUserStream(UserStreamListener listener) { return () -> { }; }
        @Override public void close() { }
    }

    static VenueException.Unavailable down() {
        return new VenueException.Unavailable("test", "connection refused", null);
    }

    static ResiliencePolicy fast() {
        return ResiliencePolicy.perSecond(1000).withReadAttempts(3, Duration.ofMillis(1))
                .withBreaker(5, Duration.ofSeconds(60));
    }

    @Test
    void aFailingReadIsTriedThreeTimes() {
        Failing venue = new Failing(down());
        TradingConnector c = new ResilientTradingConnector(venue, new VenueResilience("test", fast()));
        assertThatThrownBy(c::balances).isInstanceOf(VenueException.Unavailable.class);
        assertThat(venue.calls).hasValue(3);
    }

    @Test
    void aReadThatRecoversSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        VenueResilience r = new VenueResilience("test", fast());
        String result = r.read(() -> {
            if (calls.incrementAndGet() < 3) {
                throw down();
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void placeOrderAndCancelAreNeverRetried() {
        Failing venue = new Failing(down());
        TradingConnector c = new ResilientTradingConnector(venue, new VenueResilience("test", fast()));
        assertThatThrownBy(() -> c.placeOrder(new OrderRequest("c1", PAIR, TradeType.BUY, OrderType.LIMIT,
                BigDecimal.ONE, BigDecimal.TEN, null))).isInstanceOf(VenueException.Unavailable.class);
        assertThat(venue.calls).hasValue(1);
        assertThatThrownBy(() -> c.cancelOrder(PAIR, "c1")).isInstanceOf(VenueException.Unavailable.class);
        assertThat(venue.calls).hasValue(2);
        assertThatThrownBy(() -> c.setLeverage(PAIR, 5)).isInstanceOf(VenueException.Unavailable.class);
        assertThat(venue.calls).hasValue(3);
    }

    @Test
    void rejectionsAreNeitherRetriedNorCountedByTheBreaker() {
        Failing venue = new Failing(new VenueException.Rejected("test", "insufficient balance"));
        VenueResilience r = new VenueResilience("test", fast());
        TradingConnector c = new ResilientTradingConnector(venue, r);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(c::balances).isInstanceOf(VenueException.Rejected.class);
        }
        assertThat(venue.calls).hasValue(10);
        assertThat(r.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theBreakerOpensAfterNFailuresAndThenFailsFast() {
        Failing venue = new Failing(down());
        VenueResilience r = new VenueResilience("test", fast());
        TradingConnector c = new ResilientTradingConnector(venue, r);
        for (int i = 0; i < 5; i++) {
            String id = "c" + i;
            assertThatThrownBy(() -> c.placeOrder(new OrderRequest(id, PAIR, TradeType.BUY, OrderType.MARKET,
                    BigDecimal.ONE, null, null))).isInstanceOf(VenueException.Unavailable.class);
        }
        assertThat(r.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = venue.calls.get();
        venue.failure = null; // the venue is back, but the breaker is open for 60 s
        assertThatThrownBy(c::balances).isInstanceOf(VenueException.Unavailable.class)
                .hasMessageContaining("circuit breaker open");
        assertThat(venue.calls).as("open breaker does not reach the venue, nor retries").hasValue(before);
    }

    @Test
    void theBreakerIsSharedByAllSessionsOfAVenue() {
        VenueResilience r = new VenueResilience("test", fast());
        Failing a = new Failing(down());
        Failing b = new Failing(null);
        TradingConnector first = new ResilientTradingConnector(a, r);
        TradingConnector second = new ResilientTradingConnector(b, r);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(first::balances).isInstanceOf(VenueException.Unavailable.class);
        }
        assertThat(r.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(second::balances).isInstanceOf(VenueException.Unavailable.class);
        assertThat(b.calls).hasValue(0);
    }

    @Test
    void theClientSideRateLimitAnswersRateLimited() {
        VenueResilience r = new VenueResilience("test",
                ResiliencePolicy.perSecond(2).withRateLimit(2, Duration.ZERO).withReadAttempts(1, Duration.ZERO));
        r.read(() -> 1);
        r.read(() -> 2);
        assertThatThrownBy(() -> r.read(() -> 3)).isInstanceOf(VenueException.RateLimited.class);
    }
}
