package io.aviary.kit.web;

import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.TimedOut;
import io.aviary.kit.failure.OwnedElsewhere;
import io.aviary.kit.failure.TooBusy;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.kit.failure.UseCaseException;
import io.aviary.kit.web.ErrorBody.ValidationError;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps every failure to an honest status with a {@code {"detail": ...}} body. Validation
 * failures use FastAPI's 422 list shape; anything unexpected is a bare 500 with the request id in
 * the log, never a stack trace or exception text in the response. A PostgreSQL that cannot be reached
 * is a 503 {@value DatabaseUnavailable#DETAIL} (the pool gives up within its short connection timeout),
 * so callers can tell an outage from a bug and retry.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(ErrorBody.of(e.getMessage()));
    }

    /** Use cases refuse without naming a status; this is where each kind of refusal gets its one. */
    @ExceptionHandler(UseCaseException.class)
    ResponseEntity<Map<String, Object>> refused(UseCaseException e) {
        if (e instanceof OwnedElsewhere) {
            // the gateway tries the next replica; a client that still gets this retries after a moment
            return ResponseEntity.status(status(e)).header("Retry-After", "1").body(ErrorBody.of(e.getMessage()));
        }
        return ResponseEntity.status(status(e)).body(ErrorBody.of(e.getMessage()));
    }

    static HttpStatus status(UseCaseException e) {
        return switch (e) {
            case InvalidRequest invalid -> HttpStatus.BAD_REQUEST;
            case NotFound notFound -> HttpStatus.NOT_FOUND;
            case Conflict conflict -> HttpStatus.CONFLICT;
            case Unprocessable unprocessable -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TooBusy tooBusy -> HttpStatus.TOO_MANY_REQUESTS;
            case Unavailable unavailable -> HttpStatus.SERVICE_UNAVAILABLE;
            case TimedOut timedOut -> HttpStatus.GATEWAY_TIMEOUT;
            case OwnedElsewhere ownedElsewhere -> HttpStatus.MISDIRECTED_REQUEST;
        };
    }

    @ExceptionHandler(RequestValidationException.class)
    ResponseEntity<Map<String, Object>> invalid(RequestValidationException e) {
        return ResponseEntity.unprocessableContent().body(ErrorBody.validation(e.errors()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return validation(ValidationError.missingQuery(e.getParameterName()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        return validation(new ValidationError("type_error", List.of("query", e.getName()),
                "Input should be a valid " + type));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (causedByOversizeBody(e)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ErrorBody.of(rootMessage(e)));
        }
        String problem = jsonProblem(e);
        if (problem.equals(EMPTY_BODY)) {
            // FastAPI reads an empty body as none: a required body is then simply missing
            return validation(new ValidationError("missing", List.of("body"), "Field required"));
        }
        return validation(ValidationError.invalidJson(problem));
    }

    private static final String EMPTY_BODY = "the request body is empty";

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return validation(new ValidationError("json_invalid", List.of("body"),
                "Request body must be JSON (Content-Type: application/json)"));
    }

    @ExceptionHandler(BodySizeLimitFilter.BodyTooLargeException.class)
    ResponseEntity<Map<String, Object>> tooLarge(BodySizeLimitFilter.BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ErrorBody.of(e.getMessage()));
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(Exception e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ErrorBody.of("Not Found"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ErrorBody.of("Method Not Allowed"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (DatabaseUnavailable.causes(e)) {
            // however Spring wrapped it (no connection for a query or a transaction, a commit that lost its connection)
            return databaseUnavailable(e);
        }
        // The type and stack go to the log (with the request id); the caller learns nothing internal.
        log.error("Unhandled {}", e.getClass().getName(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ErrorBody.of("Internal Server Error"));
    }

    private static ResponseEntity<Map<String, Object>> databaseUnavailable(Exception e) {
        // one line, no stack: during an outage every request lands here
        log.warn("Database unavailable: {}", DatabaseUnavailable.describe(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ErrorBody.of(DatabaseUnavailable.DETAIL));
    }

    private static ResponseEntity<Map<String, Object>> validation(ValidationError error) {
        return ResponseEntity.unprocessableContent().body(ErrorBody.validation(List.of(error)));
    }

    private static boolean causedByOversizeBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /**
     * Names the problem without quoting the body: the body may be a credential, and Jackson's own
     * messages can echo source text.
     */
    private static String jsonProblem(HttpMessageNotReadableException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No content") || message.contains("Required request body is missing")) {
            return EMPTY_BODY;
        }
        if (message.contains("Cannot deserialize") || message.contains("Unexpected token")
                || message.contains("MismatchedInput")) {
            return "the request body has the wrong JSON type";
        }
        return "the request body is not valid JSON";
    }
}
