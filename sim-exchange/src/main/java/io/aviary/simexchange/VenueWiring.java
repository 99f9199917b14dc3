package io.aviary.simexchange;

import io.aviary.simexchange.app.ApiKeyService;
import io.aviary.simexchange.app.CandleService;
import io.aviary.simexchange.app.FundingClock;
import io.aviary.simexchange.app.MarketDataService;
import io.aviary.simexchange.app.PersistenceService;
import io.aviary.simexchange.app.PriceOracle;
import io.aviary.simexchange.app.SimulationScheduler;
import io.aviary.simexchange.app.SimulationService;
import io.aviary.simexchange.app.TradingService;
import io.aviary.simexchange.app.VenueConfig;
import io.aviary.simexchange.app.VenueCore;
import io.aviary.simexchange.domain.state.VenueState;
import io.aviary.simexchange.infra.FileStateStore;
import io.aviary.simexchange.infra.VenueMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Assembles the venue from its configuration and restores its durable state before it serves. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimExchangeProperties.class)
public class VenueWiring {

    private static final Logger log = LoggerFactory.getLogger(VenueWiring.class);

    @Bean
    Clock venueClock() {
        return Clock.systemUTC();
    }

    @Bean
    VenueConfig venueConfig(SimExchangeProperties properties) {
        return properties.toVenueConfig();
    }

    @Bean
    PriceOracle priceOracle(VenueConfig config) {
        return new PriceOracle(config);
    }

    @Bean
    VenueCore venueCore(VenueConfig config, Clock clock) {
        return new VenueCore(config, clock::millis);
    }

    @Bean
    CandleService candleService(VenueConfig config, PriceOracle oracle, VenueCore core, Clock clock) {
        CandleService candles = new CandleService(config, oracle, clock::millis);
        core.addListener(candles);
        return candles;
    }

    @Bean
    FundingClock fundingClock(VenueConfig config, Clock clock) {
        return new FundingClock(config.fundingInterval(), clock.millis());
    }

    @Bean
    MarketDataService marketDataService(VenueCore core, PriceOracle oracle, CandleService candles, FundingClock funding) {
        return new MarketDataService(core, oracle, candles, funding);
    }

    @Bean
    TradingService tradingService(VenueCore core, PriceOracle oracle) {
        return new TradingService(core, oracle);
    }

    @Bean
    SimulationService simulationService(VenueCore core, PriceOracle oracle, CandleService candles, FundingClock funding) {
        return new SimulationService(core, oracle, candles, funding);
    }

    @Bean(destroyMethod = "close")
    PersistenceService persistenceService(SimExchangeProperties properties) {
        return new PersistenceService(new FileStateStore(properties.dataDir(), properties.journalFsync()),
                properties.snapshotEvery());
    }

    /** Restores accounts, balances, open orders and positions, then journals everything new. */
    @Bean
    ApiKeyService apiKeyService(VenueCore core, PersistenceService persistence, SimExchangeProperties properties) {
        VenueState state = persistence.load();
        core.restore(state);
        ApiKeyService keys = new ApiKeyService(core);
        keys.restore(state.apiKeys());
        core.setJournal(persistence);
        keys.setJournal(persistence);
        log.info("sim-exchange restored {} API keys from {} (seed {})", state.apiKeys().size(),
                properties.dataDir().toAbsolutePath(), properties.seed());
        return keys;
    }

    @Bean
    VenueMetrics venueMetrics(VenueCore core, MeterRegistry registry) {
        VenueMetrics metrics = new VenueMetrics(registry);
        core.addListener(metrics);
        return metrics;
    }

    @Bean
    SimulationScheduler simulationScheduler(SimulationService simulation, PersistenceService persistence,
            VenueConfig config) {
        return new SimulationScheduler(simulation, persistence, config.simulationTick());
    }
}
