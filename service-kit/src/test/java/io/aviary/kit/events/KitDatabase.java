package io.aviary.kit.events;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A real (embedded) PostgreSQL with only the kit's migrations (outbox, inbox, dead letters) in schema {@value #SCHEMA}. */
public final class KitDatabase implements AutoCloseable {

    public static final String SCHEMA = "kit";

    private final EmbeddedPostgres postgres;
    public final JdbcTemplate jdbc;
    public final TransactionTemplate tx;

    public KitDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setCurrentSchema(SCHEMA);
        Flyway.configure().dataSource(ds).schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/kit").load().migrate();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
