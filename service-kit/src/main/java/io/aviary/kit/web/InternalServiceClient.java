package io.aviary.kit.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls from one service to another's token-guarded API ({@code /internal/...}, or a public endpoint the gateway
 * would route): the internal token and the caller's name on every request, one timeout for connecting and
 * answering, JSON back. One instance per target service; the underlying client keeps its connections.
 */
public final class InternalServiceClient {

    /** Names the calling service; the target may record it (accounts-service audits credential reads with it). */
    public static final String CALLER_HEADER = "X-Aviary-Caller";

    // HTTP/1.1 on purpose: the default (HTTP/2) sends an h2c upgrade with every request on plain http
    private final HttpClient http;
    private final String target;
    private final URI baseUrl;
    private final String internalToken;
    private final String caller;
    private final Duration timeout;
    private final JsonMapper json;
    private final Map<String, String> extraHeaders;

    /**
     * @param target  the target service's name, for error messages
     * @param baseUrl where it listens, e.g. {@code http://127.0.0.1:8101}
     * @param caller  this service's name
     */
    public InternalServiceClient(String target, String baseUrl, String internalToken, String caller, Duration timeout,
            JsonMapper json) {
        this(target, baseUrl, internalToken, caller, timeout, json, Map.of());
    }

    /** @param extraHeaders sent on every request too, e.g. the {@link CredentialsToken} for the credential API */
    public InternalServiceClient(String target, String baseUrl, String internalToken, String caller, Duration timeout,
            JsonMapper json, Map<String, String> extraHeaders) {
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.target = target;
        this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.internalToken = internalToken;
        this.caller = caller;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * @param pathAndQuery relative to the base URL, e.g. {@code internal/credentials}; segments already encoded
     * @return the JSON body of a 200; empty on 404
     * @throws UnavailableException for any other status, an unreachable target, a timeout or an interrupt
     */
    public Optional<JsonNode> get(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(pathAndQuery)).timeout(timeout)
                .header(InternalTokenFilter.HEADER, internalToken).header(CALLER_HEADER, caller)
                .header("Accept", "application/json");
        extraHeaders.forEach(builder::header);
        HttpRequest request = builder.GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new UnavailableException(target + " answered HTTP " + response.statusCode() + " on /" + path(pathAndQuery));
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw new UnavailableException(target + " is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while asking " + target);
        }
    }

    /** A POST's answer, whatever its status: the caller decides what a 4xx means for it. */
    public record Answer(int status, String body) {
    }

    /**
     * POSTs {@code body} as JSON; {@code timeout} bounds the answer (a large read may need more than the default).
     *
     * @throws UnavailableException for an unreachable target, a timeout or an interrupt
     */
    public Answer post(String pathAndQuery, JsonNode body, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(pathAndQuery)).timeout(timeout)
                .header(InternalTokenFilter.HEADER, internalToken).header(CALLER_HEADER, caller)
                .header("Accept", "application/json").header("Content-Type", "application/json");
        extraHeaders.forEach(builder::header);
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UnavailableException(target + " is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while asking " + target);
        }
    }

    /** One path segment or query value, percent-encoded (spaces as %20). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The path only: a query may name accounts and is not needed to say which call failed. */
    private static String path(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /** The target could not be asked, or answered something other than 200/404; the caller decides what follows. */
    public static final class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }
    }
}
