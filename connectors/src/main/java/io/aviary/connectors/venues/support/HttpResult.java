package io.aviary.connectors.venues.support;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** A venue's raw answer. */
public record HttpResult(int status, String body, HttpHeaders headers) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonNode json() {
        return Json.parse(body);
    }

    /** The Retry-After hint in milliseconds (seconds on the wire), 0 when absent. */
    public long retryAfterMillis() {
        return headers == null ? 0 : headers.firstValue("Retry-After").map(v -> {
            try {
                return (long) (Double.parseDouble(v.trim()) * 1000);
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }
}
