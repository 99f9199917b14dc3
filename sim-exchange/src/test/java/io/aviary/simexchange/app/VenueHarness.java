package io.aviary.simexchange.app;

import io.aviary.simexchange.domain.exchange.FeeSchedule;
import io.aviary.simexchange.domain.state.VenueState;
import io.aviary.simexchange.infra.FileStateStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The venue's application services without Spring, on a directory, with a clock the test drives. */
final class VenueHarness implements AutoCloseable {

    final AtomicLong clock;
    final VenueConfig config;
    final VenueCore core;
    final PriceOracle oracle;
    final PersistenceService persistence;
    final ApiKeyService keys;
    final TradingService trading;
    final SimulationService simulation;

    VenueHarness(Path dir, AtomicLong clock) {
        this.clock = clock;
        this.config = config(false);
        this.core = new VenueCore(config, clock::get);
        this.oracle = new PriceOracle(config);
        CandleService candles = new CandleService(config, oracle, clock::get);
        core.addListener(candles);
        this.persistence = new PersistenceService(new FileStateStore(dir, false), 1000);
        VenueState state = persistence.load();
        core.restore(state);
        this.keys = new ApiKeyService(core);
        keys.restore(state.apiKeys());
        core.setJournal(persistence);
        keys.setJournal(persistence);
        this.trading = new TradingService(core, oracle);
        this.simulation = new SimulationService(core, oracle, candles, new FundingClock(config.fundingInterval(), clock.get()));
    }

    static VenueConfig config(boolean simulation) {
        return new VenueConfig(42, new FeeSchedule(new BigDecimal("0.0002"), new BigDecimal("0.0005")),
                Map.of("USDT", new BigDecimal("10000"), "BTC", BigDecimal.ONE, "SOL", new BigDecimal("100")),
                "USDT", new BigDecimal("10000"), Duration.ofHours(8), new BigDecimal("0.005"), 20, 125,
                DefaultMarkets.spot().stream().map(m -> m.withSimulated(simulation)).toList(),
                DefaultMarkets.perpetual().stream().map(m -> m.withSimulated(simulation)).toList(), simulation,
                Duration.ofMillis(500), Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"),
                0.0006, Duration.ofSeconds(30));
    }

    Principal principal(ApiKeyService.CreatedKey key) {
        return new Principal(key.apiKey(), key.accountId());
    }

    /** A crash: the process vanishes without a snapshot; only the journal's appends remain. */
    void crash() {
        persistence.abandon();
    }

    @Override
    public void close() {
        persistence.close();
    }
}
