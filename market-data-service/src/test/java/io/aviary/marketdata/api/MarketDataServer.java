package io.aviary.marketdata.api;

import io.aviary.common.events.EventJson;
import io.aviary.common.events.Topics;
import io.aviary.kit.events.EventOutbox;
import io.aviary.kit.events.OutboxRelay;
import io.aviary.kit.web.ApiExceptionHandler;
import io.aviary.kit.web.VenueExceptionHandler;
import io.aviary.marketdata.app.MarketDataSettings;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * market-data-service's web layer, services and stores on a random port, on a given (embedded) PostgreSQL migrated by
 * Flyway and a given sim venue; without Kafka and the kit's auto-configuration (no broker runs in module tests).
 * Started by hand rather than by {@code @SpringBootTest}, so a test can stop it and start it again on the same
 * database (a restart).
 */
final class MarketDataServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private MarketDataServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** {@code more}: further {@code --name=value} arguments, e.g. shorter feed timeouts. */
    static MarketDataServer start(String jdbcUrl, URI simVenue, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.application.name=market-data-service",
                        "--aviary.service.schema=market_data",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--AVIARY_SIM_EXCHANGE_URL=" + simVenue,
                        "--spring.autoconfigure.exclude=io.aviary.kit.ServiceKitAutoConfiguration,"
                                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"));
        args.addAll(List.of(more));
        // command-line arguments: above the kit's defaults (builder properties would rank below them)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.SERVLET).run(args.toArray(String[]::new));
        return new MarketDataServer(context);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableConfigurationProperties(MarketDataSettings.class)
    @ComponentScan({"io.aviary.marketdata.api", "io.aviary.marketdata.app", "io.aviary.marketdata.infra"})
    static class App {

        @Bean
        ApiExceptionHandler apiExceptionHandler() {
            return new ApiExceptionHandler();
        }

        @Bean
        VenueExceptionHandler venueExceptionHandler() {
            return new VenueExceptionHandler();
        }

        @Bean
        EventOutbox eventOutbox(JdbcTemplate jdbc) {
            return new EventOutbox(jdbc, new EventJson(), "market-data-service", Topics.MARKET_DATA,
                    new OutboxRelay(jdbc, null, null));
        }

        /** This replica's leases, as the kit makes them (its auto-configuration is left out here). */
        @Bean(destroyMethod = "close")
        io.aviary.kit.ownership.Leases leases(JdbcTemplate jdbc) {
            return new io.aviary.kit.ownership.Leases(jdbc, "market-data-test", java.time.Duration.ofSeconds(15),
                    java.time.Duration.ofSeconds(5));
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
