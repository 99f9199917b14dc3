package io.aviary.archive.api;

import io.aviary.kit.config.ServiceProperties;
import io.aviary.kit.testing.ServiceHttpTestBase;
import io.aviary.kit.web.ApiExceptionHandler;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * archive-service's endpoints over real HTTP on a random port, on a real (embedded) PostgreSQL migrated by Flyway,
 * with a real archive folder ({@code BOTS_PATH/bots/archived}) in a temporary directory filled with SQLite files
 * before the service starts. No broker runs in module tests: events are handed to the kit's real inbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ArchiveHttpTestBase.App.class,
        properties = {
                "spring.application.name=archive-service",
                "aviary.service.domain=archive",
                "aviary.service.schema=archive",
                "aviary.service.internal-token=test-internal-token",
                // segments of 3 fills: the 7-fill fixtures span three, so pages replay across segment boundaries
                "aviary.archive.performance-segment=3",
                "spring.autoconfigure.exclude=io.aviary.kit.ServiceKitAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
abstract class ArchiveHttpTestBase extends ServiceHttpTestBase {

    static final Path BOTS_PATH;
    static final Path ARCHIVED;
    private static final EmbeddedPostgres POSTGRES;

    static {
        try {
            POSTGRES = EmbeddedPostgres.builder().start();
            BOTS_PATH = Files.createTempDirectory("archive-bots-path");
            ARCHIVED = BOTS_PATH.resolve("bots").resolve("archived");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ArchiveDatabases.botMade(ARCHIVED, "sim_pmm-20260101-000000");
        ArchiveDatabases.hummingbotDdl(ARCHIVED, "binance_pmm");
        ArchiveDatabases.oldArchive(ARCHIVED, "old_bot");
        ArchiveDatabases.otherSqlite(ARCHIVED, "stray");
        ArchiveDatabases.textFile(ARCHIVED, "stray");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                POSTGRES.close();
            } catch (IOException ignored) {
                // the JVM is going away anyway
            }
            deleteTree(BOTS_PATH);
        }));
    }

    static final String BOT_DB = "bots/archived/sim_pmm-20260101-000000/data/conf_sim_pmm.sqlite";
    static final String DDL_DB = "bots/archived/binance_pmm/data/conf_v2_binance.sqlite";
    static final String OLD_DB = "bots/archived/old_bot/data/old_pmm.sqlite";
    static final String OTHER_DB = "bots/archived/stray/data/notes.sqlite";
    static final String TEXT_DB = "bots/archived/stray/data/readme.sqlite";

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; best effort
        }
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("aviary.archive.bots-path", BOTS_PATH::toString);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(ServiceProperties.class)
    @ComponentScan({"io.aviary.archive.api", "io.aviary.archive.app", "io.aviary.archive.infra"})
    static class App {

        @Bean
        ApiExceptionHandler apiExceptionHandler() {
            return new ApiExceptionHandler();
        }
    }

    @Autowired
    JdbcTemplate jdbc;
}
