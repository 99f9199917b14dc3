package io.aviary.orchestration.api;

import io.aviary.common.events.EventJson;
import io.aviary.common.events.Topics;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.events.OutboxRelay;
import io.aviary.kit.testing.ServiceHttpTestBase;
import io.aviary.kit.web.ApiExceptionHandler;
import io.aviary.kit.web.EmptyBodyFilter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * orchestration-service's config endpoints over real HTTP on a random port, on a real (embedded) PostgreSQL migrated
 * by Flyway with the kit's and the service's scripts, with the kit's exception handler and body filter. Events are
 * checked where the kit's outbox puts them (its relay, which only forwards rows to Kafka, is not started here: no
 * broker runs in this module's tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = OrchestrationHttpTestBase.App.class,
        properties = {
                "spring.application.name=orchestration-service",
                "aviary.service.schema=orchestration",
                "spring.autoconfigure.exclude=io.aviary.kit.ServiceKitAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
abstract class OrchestrationHttpTestBase extends ServiceHttpTestBase {

    static final Path BOTS_PATH;
    private static final EmbeddedPostgres POSTGRES;

    static {
        try {
            POSTGRES = EmbeddedPostgres.builder().start();
            BOTS_PATH = Files.createTempDirectory("aviary-bots-path");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                POSTGRES.close();
            } catch (IOException ignored) {
                // the JVM is going away anyway
            }
        }));
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("aviary.bots.path", BOTS_PATH::toString);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan({"io.aviary.orchestration.api", "io.aviary.orchestration.app", "io.aviary.orchestration.infra",
            "io.aviary.orchestration.deploy", "io.aviary.orchestration.runtime"})
    static class App {

        @Bean
        ApiExceptionHandler apiExceptionHandler() {
            return new ApiExceptionHandler();
        }

        @Bean
        FilterRegistrationBean<EmptyBodyFilter> emptyBodyFilter() {
            FilterRegistrationBean<EmptyBodyFilter> registration = new FilterRegistrationBean<>(new EmptyBodyFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
            return registration;
        }

        /** This replica's leases, as the kit makes them (its auto-configuration is left out here). */
        @Bean(destroyMethod = "close")
        io.aviary.kit.ownership.Leases leases(JdbcTemplate jdbc) {
            return new io.aviary.kit.ownership.Leases(jdbc, "replica-a", java.time.Duration.ofSeconds(15),
                    java.time.Duration.ofSeconds(5));
        }

        @Bean
        EventOutbox eventOutbox(JdbcTemplate jdbc) {
            return new EventOutbox(jdbc, new EventJson(), "orchestration-service", Topics.ORCHESTRATION,
                    new OutboxRelay(jdbc, null, null));
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    /** Event types the outbox holds for this key, oldest first. */
    List<String> outboxEvents(String key) {
        return jdbc.queryForList("SELECT event_type FROM orchestration.event_outbox WHERE event_key = ? "
                + "ORDER BY seq", String.class, key);
    }
}
