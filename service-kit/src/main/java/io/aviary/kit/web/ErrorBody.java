package io.aviary.kit.web;

import java.util.List;
import java.util.Map;

/**
 * FastAPI-compatible error bodies: {@code {"detail": "text"}} for plain errors and
 * {@code {"detail": [{type, loc, msg, ...}]}} for request validation (422), which is what the
 * Hummingbot API client and Dashboard read.
 */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static Map<String, Object> of(String detail) {
        return Map.of("detail", detail);
    }

    public static Map<String, Object> validation(List<ValidationError> errors) {
        return Map.of("detail", errors);
    }

    /** One FastAPI/pydantic validation error. {@code input} is never echoed: bodies may hold secrets. */
    public record ValidationError(String type, List<Object> loc, String msg) {

        public static ValidationError missingQuery(String name) {
            return new ValidationError("missing", List.of("query", name), "Field required");
        }

        public static ValidationError invalidJson(String reason) {
            return new ValidationError("json_invalid", List.of("body"), "JSON decode error: " + reason);
        }
    }
}
