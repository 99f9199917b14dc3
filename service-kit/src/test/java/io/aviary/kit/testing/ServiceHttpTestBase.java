package io.aviary.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's own HTTP API as a client meets it, for module tests that start the service on a random port
 * ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)}): real requests, the status, the body and its JSON.
 * Shared by every service's test base (service-kit's test-jar), so a new service's tests start from it.
 */
public abstract class ServiceHttpTestBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One answer: the status, the parsed JSON (null for an empty body) and the raw body. */
    public record Answer(int status, JsonNode json, String body) {
    }

    protected Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    protected Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    protected Answer post(String path, String json) {
        return post(path, json, "application/json");
    }

    protected Answer post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Polls {@code path} until it answers 200 and {@code done} holds (at most 60 s: a bound on waiting, not a timing assertion). */
    protected Answer awaitPath(String path, Predicate<Answer> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Answer answer = get(path);
            if (answer.status() == 200 && done.test(answer)) {
                return answer;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(path + " never got there; last: " + answer.body());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body.isEmpty() ? null : JSON.readTree(body);
            return new Answer(response.statusCode(), json, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
