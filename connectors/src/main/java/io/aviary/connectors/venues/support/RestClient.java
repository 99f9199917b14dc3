package io.aviary.connectors.venues.support;

import io.aviary.connectors.port.VenueException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP to one venue with {@link java.net.http.HttpClient}: a base URL (overridable so tests
 * can point at a stub), a request timeout, and transport failures reported as
 * {@link VenueException.Unavailable}. It never logs headers, so keys and signatures stay private.
 */
public final class RestClient {

    private static final HttpClient SHARED = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String connector;
    private final URI baseUrl;
    private final Duration timeout;

    public RestClient(String connector, URI baseUrl, Duration timeout) {
        this.connector = connector;
        String s = baseUrl.toString();
        this.baseUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.timeout = timeout;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Sends {@code method pathAndQuery} with the given headers and body (null for none).
     *
     * @param pathAndQuery path beginning with '/', with its already-encoded query string
     */
    public HttpResult send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout);
        headers.forEach(builder::header);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        builder.method(method, publisher);
        try {
            HttpResponse<String> response = SHARED.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.body(), response.headers());
        } catch (HttpTimeoutException e) {
            throw new VenueException.Unavailable(connector, method + " " + path(pathAndQuery) + " timed out", e);
        } catch (IOException e) {
            throw new VenueException.Unavailable(connector,
                    method + " " + path(pathAndQuery) + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException.Unavailable(connector, "interrupted", e);
        }
    }

    private static String path(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}
