package io.aviary.connectors.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.sim.SimVenueProcess;
import io.aviary.connectors.venues.VenueSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry's sim connectors are protected like the real venues: a dead venue fails fast, a returning one is used again. */
class SimResilienceTest {

    private static final TradingPair BTC = TradingPair.parse("BTC-USDT");

    @Test
    void aDeadSimVenueFailsFastOnceTheBreakerOpensAndRecoversWhenItReturns() throws Exception {
        try (SimVenueProcess venue = SimVenueProcess.start(Map.of())) {
            MarketDataConnector sim = StandardConnectors.registry(venue.url(), VenueSettings.defaults())
                    .find("sim").orElseThrow().marketData();
            venue.awaitQuotes();
            assertThat(sim.orderBook(BTC, 1).bids()).isNotEmpty();

            venue.stop();
            for (int i = 0; i < StandardConnectors.SIM_POLICY.breakerWindow(); i++) {
                assertThatThrownBy(() -> sim.orderBook(BTC, 1)).isInstanceOf(VenueException.Unavailable.class);
            }
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> sim.orderBook(BTC, 1)).isInstanceOf(VenueException.Unavailable.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("an open breaker answers without trying")
                    .isLessThan(Duration.ofMillis(200));

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
        }
    }
}
