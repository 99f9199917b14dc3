package io.aviary.marketdata.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.aviary.kit.ownership.Leases;
import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A real PostgreSQL (embedded) with this service's migrations, and the candle and funding stores on it. */
final class CandleDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    final DataSource dataSource;
    final JdbcCandleStore store;
    final JdbcFundingStore fundingStore;

    CandleDatabase() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PGSimpleDataSource ds = (PGSimpleDataSource) postgres.getPostgresDatabase();
        ds.setCurrentSchema("market_data");
        ds.setPrepareThreshold(-1); // as the service sets it: server-prepared, binary float8 transfer
        dataSource = ds;
        Flyway.configure().dataSource(ds).schemas("market_data").defaultSchema("market_data")
                .locations("classpath:db/kit", "classpath:db/migration").load().migrate();
        store = new JdbcCandleStore(ds, new DataSourceTransactionManager(ds));
        fundingStore = new JdbcFundingStore(ds, new DataSourceTransactionManager(ds));
    }

    /** One replica's leases on this database (ADR 0026), as the service kit makes them. */
    Leases leases(String replica) {
        return new Leases(new JdbcTemplate(dataSource), replica, Duration.ofSeconds(15), Duration.ofSeconds(5));
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
