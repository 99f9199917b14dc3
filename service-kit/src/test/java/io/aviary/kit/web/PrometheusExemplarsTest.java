package io.aviary.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Prometheus reads from a service in OpenMetrics, with the kit's defaults and every request traced: exemplars
 * (trace ids) on histogram buckets, where OpenMetrics 1.0 allows them, and never on a {@code _count} line, which
 * Prometheus 2.x refuses with the whole scrape ("does not support exemplars"; Debian's Prometheus 2.42 is compose's
 * local stand-in, deploy/compose/docker-compose.local.yml).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = PrometheusExemplarsTest.App.class,
        properties = {
                "aviary.service.schema=unused",
                "management.tracing.sampling.probability=1.0",
                "spring.autoconfigure.exclude=io.aviary.kit.ServiceKitAutoConfiguration,"
                        + "io.aviary.kit.connectors.ConnectorsConfiguration,"
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                        + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
class PrometheusExemplarsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void exemplarsOnlyWhereOpenMetricsAllowsThem() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/actuator/health", "application/json").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> scrape = get("/actuator/prometheus", "application/openmetrics-text;version=1.0.0");
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/openmetrics-text"));
        List<String> withExemplar = scrape.body().lines().filter(line -> line.contains(" # {")).toList();
        assertThat(withExemplar).as("the traced requests' exemplars")
                .anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{"));
        assertThat(withExemplar).allSatisfy(line -> assertThat(line.substring(0, line.indexOf('{')))
                .as(line).matches(name -> name.endsWith("_bucket") || name.endsWith("_total"), "a bucket or a counter"));
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
