package io.aviary.connectors.venues.support;

import io.aviary.connectors.port.VenueException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Base of a venue's REST API, after XChange's base service per exchange: public and signed calls go
 * through one {@link RestClient}; the venue supplies only how a call is signed ({@link #sign}), how its
 * answer envelope is opened ({@link #unwrap}) and, through an {@link ErrorRules} table, what its failures mean.
 */
public abstract class SignedRestApi {

    /** One request as the venue wants it sent: path with encoded query, headers, body (null for none). */
    public record Call(String pathAndQuery, Map<String, String> headers, String body) {
    }

    protected final String connector;
    protected final RestClient http;
    /** The session's key; null for the public client of market data, which never signs. */
    protected final ApiKey key;

    protected SignedRestApi(String connector, RestClient http, ApiKey key) {
        this.connector = connector;
        this.http = http;
        this.key = key;
    }

    protected SignedRestApi(VenueContext venue, ApiKey key) {
        this(venue.name(), venue.http(), key);
    }

    /** An unauthenticated GET; the answer's payload. */
    public JsonNode get(String path, Query query) {
        Call call = publicCall(path, query);
        return check(http.send("GET", call.pathAndQuery(), call.headers(), call.body()));
    }

    /** A signed call with an optional JSON body; the answer's payload. */
    public JsonNode signed(String method, String path, Query query, JsonNode body) {
        Call call = sign(method, path, query, body == null ? null : Json.write(body));
        return check(http.send(method, call.pathAndQuery(), call.headers(), call.body()));
    }

    /** How a public GET is sent: the path and query as given, no headers. */
    protected Call publicCall(String path, Query query) {
        return new Call(path + query.suffix(), Map.of(), null);
    }

    /**
     * The signing hook: the call that authenticates {@code method path?query} with {@code jsonBody}
     * (null for none). Keys and signatures go into the call only, never into a message.
     */
    protected abstract Call sign(String method, String path, Query query, String jsonBody);

    /** The payload of a JSON answer, or the venue's classified failure thrown. */
    protected abstract JsonNode unwrap(HttpResult result, JsonNode body);

    /** Headers in the order given: {@code name, value, name, value, …}. */
    protected static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    /** A call with the given headers, and {@code Content-Type: application/json} when it carries a body. */
    protected static Call jsonCall(String pathAndQuery, String jsonBody, String... namesAndValues) {
        Map<String, String> headers = headers(namesAndValues);
        if (jsonBody != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Call(pathAndQuery, headers, jsonBody);
    }

    /** An answer that is not JSON: unexpected when the status says success, else classified by status. */
    protected VenueException notJson(HttpResult result, IllegalStateException parseError) {
        return result.ok() ? VenueErrors.unexpected(connector, parseError)
                : VenueErrors.fromHttp(connector, result, result.body());
    }

    private JsonNode check(HttpResult result) {
        JsonNode body;
        try {
            body = result.json();
        } catch (IllegalStateException e) {
            throw notJson(result, e);
        }
        return unwrap(result, body);
    }
}
