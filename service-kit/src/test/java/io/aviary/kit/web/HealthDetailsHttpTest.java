package io.aviary.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * A service's health on its own port, with the kit's defaults (loaded by its environment post-processor) and its
 * token filter: status for anyone, components and details only with the internal token. The kit's own
 * auto-configuration and the database/Kafka parts are left out; they are not what is tested here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = HealthDetailsHttpTest.App.class,
        properties = {
                "aviary.service.schema=unused",
                "spring.autoconfigure.exclude=io.aviary.kit.ServiceKitAutoConfiguration,"
                        + "io.aviary.kit.connectors.ConnectorsConfiguration,"
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
class HealthDetailsHttpTest {

    private static final String TOKEN = "kit-health-token";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        FilterRegistrationBean<InternalTokenFilter> internalTokenFilter() {
            FilterRegistrationBean<InternalTokenFilter> registration = new FilterRegistrationBean<>(new InternalTokenFilter(TOKEN));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }

        /** Stands for eventPath, db, deadLetters: a component whose details an anonymous caller must not see. */
        @Bean
        HealthIndicator internalState() {
            return () -> Health.up().withDetail("topic", "aviary.accounts").build();
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anonymousHealthIsStatusOnly() {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"")
                .doesNotContain("components").doesNotContain("details").doesNotContain("aviary.accounts");

        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void healthWithTheInternalTokenShowsComponentsAndDetails() {
        HttpResponse<String> health = get("/actuator/health", TOKEN);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"components\"").contains("\"internalState\"").contains("\"topic\":\"aviary.accounts\"");
    }

    @Test
    void healthWithAWrongTokenIs401() {
        HttpResponse<String> health = get("/actuator/health", "not-the-token");
        assertThat(health.statusCode()).isEqualTo(401);
        assertThat(health.body()).doesNotContain("components");
    }

    @Test
    void metricsStayOpenAndTheRestNeedsTheToken() {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header(InternalTokenFilter.HEADER, token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
