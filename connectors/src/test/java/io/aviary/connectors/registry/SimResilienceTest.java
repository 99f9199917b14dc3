package io.aviary.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.ConnectorFactory;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.resilience.ResilientConnectorFactory;
import io.aviary.connectors.venues.resilience.VenueResilience;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry's sim connectors are protected like the real venues: a dead venue opens the breaker, so
 * calls fail without trying it; a returning one closes it again.
 */
class SimResilienceTest {

    private static final TradingPair BTC = TradingPair.parse("BTC-USDT");

    @Test
    void aDeadSimVenueFailsFastOnceTheBreakerOpensAndRecoversWhenItReturns() throws Exception {
        try (SimVenueProcess venue = SimVenueProcess.start(Map.of())) {
            ConnectorFactory factory = StandardConnectors.registry(venue.url(), VenueSettings.defaults())
                    .find("sim").orElseThrow();
            MarketDataConnector sim = factory.marketData();
            VenueResilience resilience = ((ResilientConnectorFactory) factory).resilience();
            venue.awaitQuotes();
            assertThat(sim.orderBook(BTC, 1).bids()).isNotEmpty();

            venue.stop();
            for (int i = 0; i < StandardConnectors.SIM_POLICY.breakerWindow(); i++) {
                assertThatThrownBy(() -> sim.orderBook(BTC, 1)).isInstanceOf(VenueException.Unavailable.class);
            }
            assertThat(resilience.breakerState()).as("the breaker after a window of failures").isEqualTo(State.OPEN);
            assertThatThrownBy(() -> sim.orderBook(BTC, 1)).isInstanceOf(VenueException.Unavailable.class)
                    .as("an open breaker answers without trying the venue")
                    .hasCauseInstanceOf(CallNotPermittedException.class);

            venue.restart();
            Instant deadline = Instant.now().plus(StandardConnectors.SIM_POLICY.breakerOpenFor()).plusSeconds(30);
            boolean back = false;
            while (!back && Instant.now().isBefore(deadline)) {
                try {
                    back = !sim.orderBook(BTC, 1).bids().isEmpty();
                } catch (VenueException.Unavailable stillDown) {
                    Thread.sleep(250);
                }
            }
            assertThat(back).as("the venue is used again after it returns").isTrue();
            assertThat(resilience.breakerState()).as("the breaker once the venue answered again").isEqualTo(State.CLOSED);
        }
    }
}
