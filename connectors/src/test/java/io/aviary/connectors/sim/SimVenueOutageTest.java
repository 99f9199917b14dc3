package io.aviary.connectors.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The venue goes away and comes back: fast failures, a reconnecting stream, and nothing forgotten. */
class SimVenueOutageTest {

    static final TradingPair SOL = TradingPair.parse("SOL-USDT");

    @Test
    void unavailableWhileDownThenTheStreamReconnectsAndTheAccountIsIntact() {
        try (SimVenueProcess venue = SimVenueProcess.start(Map.of("SIM_EXCHANGE_SIMULATION_ENABLED", "false"))) {
            SimConnectorFactory spot = SimConnectorFactory.spot(venue.url());
            SimApiKeys.Created key = SimApiKeys.create(venue.url(), "outage");
            try (TradingConnector alice = spot.trading(key.credentials("sim"))) {
                Recorder stream = new Recorder();
                Subscription sub = alice.subscribeUserStream(stream);
                alice.placeOrder(new OrderRequest("resting", SOL, TradeType.BUY, OrderType.LIMIT, new BigDecimal("5"),
                        new BigDecimal("10"), null));

                venue.stop();

                Recorder.await(stream.disconnects, d -> true, Duration.ofSeconds(10));
                assertRefusedNotTimedOut(() -> alice.balances());
                assertRefusedNotTimedOut(() -> spot.marketData().orderBook(SOL, 5));

                venue.restart();

                // the account, its locked funds and its resting order survived the restart
                assertThat(alice.openOrders(Optional.of(SOL))).singleElement()
                        .satisfies(o -> assertThat(o.clientOrderId()).isEqualTo("resting"));
                assertThat(alice.balances()).filteredOn(b -> b.asset().equals("USDT")).singleElement()
                        .satisfies(b -> assertThat(b.available()).isEqualByComparingTo("9950"));
                // the stream logged in again by itself and delivers new events
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                int n = 0;
                while (stream.orders.stream().noneMatch(o -> o.clientOrderId().startsWith("after-"))
                        && System.nanoTime() < deadline) {
                    alice.placeOrder(new OrderRequest("after-" + (++n), SOL, TradeType.BUY, OrderType.LIMIT,
                            BigDecimal.ONE, new BigDecimal("10"), null));
                    SimVenueProcess.sleep(300);
                }
                assertThat(stream.orders).anyMatch(o -> o.clientOrderId().startsWith("after-")
                        && o.state() == OrderState.OPEN);
                sub.close();
            }
        }
    }

    @Test
    void nothingListeningIsUnavailableQuickly() {
        SimConnectorFactory spot = SimConnectorFactory.spot(java.net.URI.create("http://localhost:9"));
        assertRefusedNotTimedOut(() -> spot.marketData().tradingRules());
        assertRefusedNotTimedOut(() -> spot.trading(Map.of("sim_api_key", "k", "sim_api_secret", "s")).verifyCredentials());
    }

    /**
     * "Quickly" without a stopwatch: the call failed on the refused connection itself, not after a
     * connect or request timeout ({@link java.net.http.HttpTimeoutException}, which is no
     * {@link ConnectException}), so it waited for nothing.
     */
    private static void assertRefusedNotTimedOut(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(VenueException.Unavailable.class).hasMessageContaining("unreachable")
                .cause().isInstanceOf(ConnectException.class);
    }
}
