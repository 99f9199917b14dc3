package io.aviary.accounts.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real PostgreSQL (zonky's embedded binaries) for this test JVM, migrated exactly as the service
 * migrates its schema: the kit's scripts, then the service's own.
 */
final class TestDatabase {

    static final String SCHEMA = "accounts";
    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private TestDatabase() {
    }

    static synchronized JdbcTemplate jdbc() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
            ds.setCurrentSchema(SCHEMA);
            dataSource = ds;
            Flyway.configure().dataSource(ds).schemas(SCHEMA).defaultSchema(SCHEMA)
                    .locations("classpath:db/kit", "classpath:db/migration").load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return new JdbcTemplate(dataSource);
    }
}
