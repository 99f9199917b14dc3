package io.aviary.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An existing schema (kit V0_1 and the service's V1, V2 applied) gets the kit's later V0_2 at the next start:
 * the kit's Flyway defaults apply library scripts numbered below the service's versions instead of refusing.
 */
class KitMigrationUpgradeTest {

    private static final String SCHEMA = "upgraded";

    @Test
    void aSchemaMigratedBeforeTheDeadLetterTableGetsItAtTheNextStart() throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
            ds.setCurrentSchema(SCHEMA);
            // as installed before this change: only the kit's first script, then the service's own
            flyway(ds).target("0.1").load().migrate();
            flyway(ds).locations("classpath:db/service-before-kit-v0_2").ignoreMigrationPatterns("*:missing").load().migrate();

            flyway(ds).locations("classpath:db/kit", "classpath:db/service-before-kit-v0_2").load().migrate();

            JdbcTemplate jdbc = new JdbcTemplate(ds);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM event_dead_letter", Long.class)).isZero();
            assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank", String.class))
                    .containsExactly("0.1", "2", "0.2", "0.3", "0.4");
        }
    }

    /** Flyway configured as the kit's defaults configure it for every service. */
    private static FluentConfiguration flyway(PGSimpleDataSource ds) throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = KitMigrationUpgradeTest.class.getClassLoader().getResourceAsStream("aviary-kit-defaults.properties")) {
            defaults.load(in);
        }
        return Flyway.configure().dataSource(ds).schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/kit")
                .outOfOrder(Boolean.parseBoolean(defaults.getProperty("spring.flyway.out-of-order", "false")));
    }
}
