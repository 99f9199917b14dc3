package io.aviary.trading.testing;

import io.aviary.common.events.EventJson;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.events.OutboxRelay;
import io.aviary.trading.app.TradeRecorder;
import io.aviary.trading.infra.FundingRepository;
import io.aviary.trading.infra.OrderRepository;
import io.aviary.trading.infra.PositionRepository;
import io.aviary.trading.infra.TradeRepository;
import io.aviary.trading.infra.WatermarkRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * trading-service's store as the app classes use it, on a real (embedded) PostgreSQL with the service's, the kit's and
 * the paper ledger's migrations: the repositories, the transaction template and an outbox whose relay is never started, so a test reads
 * the events the code under test wrote from {@code event_outbox}.
 */
public final class TradingStore implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    public final JdbcTemplate jdbc;
    public final TransactionTemplate tx;
    public final EventOutbox outbox;
    public final OrderRepository orders;
    public final PositionRepository positions;
    public final WatermarkRepository watermarks;
    public final TradeRepository trades;
    public final FundingRepository funding;

    public TradingStore(EventJson json) {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setCurrentSchema("trading");
        Flyway.configure().dataSource(ds).schemas("trading").defaultSchema("trading")
                .locations("classpath:db/kit", "classpath:db/paper", "classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        outbox = new EventOutbox(jdbc, json, "trading-service", "aviary.trading.events", new OutboxRelay(jdbc, tx, null));
        orders = new OrderRepository(jdbc);
        positions = new PositionRepository(jdbc);
        watermarks = new WatermarkRepository(jdbc);
        trades = new TradeRepository(jdbc);
        funding = new FundingRepository(jdbc);
    }

    public TradingStore() {
        this(new EventJson());
    }

    /** The recorder every path of the service writes through, on this store. */
    public TradeRecorder recorder(Clock clock) {
        return recorder(clock, java.util.List.of());
    }

    /** The recorder, telling {@code outcomes} of fills and finished orders as the service's executors host is. */
    public TradeRecorder recorder(Clock clock, java.util.List<io.aviary.trading.app.OrderOutcomeListener> outcomes) {
        return new TradeRecorder(orders, trades, positions, funding, outbox, tx, clock, outcomes);
    }

    /** Business meters on a registry of their own, for a test that does not read them. */
    public static io.aviary.trading.app.TradingMetrics unreadMetrics() {
        return new io.aviary.trading.app.TradingMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                new io.aviary.trading.app.session.SessionRegistry(
                        new io.aviary.connectors.registry.ConnectorRegistry(java.util.List.of()), Clock.systemUTC()));
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
