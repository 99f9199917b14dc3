package io.aviary.simexchange.api.rest;

import io.aviary.simexchange.api.Wire;
import io.aviary.simexchange.app.AuthFailure;
import io.aviary.simexchange.domain.model.VenueRejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure as {@code {"code": "...", "message": "..."}} with an honest status: 400 refused
 * request, 401 authentication, 404 unknown market/order/route, 405, 415, 500 (never a stack trace).
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(VenueRejection.class)
    ResponseEntity<Wire.Error> rejected(VenueRejection e) {
        return body(e.code().notFound() ? 404 : 400, e.code().name(), e.getMessage());
    }

    @ExceptionHandler(AuthFailure.class)
    ResponseEntity<Wire.Error> auth(AuthFailure e) {
        return body(401, e.code(), e.getMessage());
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Wire.Error> api(ApiException e) {
        return body(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HttpMessageNotReadableException.class, IllegalArgumentException.class})
    ResponseEntity<Wire.Error> badRequest(Exception e) {
        String message = switch (e) {
            case MissingServletRequestParameterException m -> "parameter '" + m.getParameterName() + "' is required";
            case MethodArgumentTypeMismatchException m -> "parameter '" + m.getName() + "' has an invalid value";
            case HttpMessageNotReadableException m -> "request body is not valid JSON for this endpoint";
            default -> e.getMessage();
        };
        return body(400, "INVALID_REQUEST", message);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Wire.Error> notFound(NoResourceFoundException e) {
        return body(404, "NOT_FOUND", "no such endpoint: " + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Wire.Error> method(HttpRequestMethodNotSupportedException e) {
        return body(405, "METHOD_NOT_ALLOWED", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Wire.Error> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(415, "UNSUPPORTED_MEDIA_TYPE", "send request bodies as application/json");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Wire.Error> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return body(500, "INTERNAL_ERROR", "the venue failed to process the request");
    }

    private static ResponseEntity<Wire.Error> body(int status, String code, String message) {
        return ResponseEntity.status(HttpStatus.valueOf(status)).body(new Wire.Error(code, message));
    }
}
