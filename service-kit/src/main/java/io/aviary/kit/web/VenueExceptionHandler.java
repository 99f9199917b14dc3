package io.aviary.kit.web;

import io.aviary.connectors.port.VenueErrorStatus;
import io.aviary.connectors.port.VenueException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers venue failures with the status {@link VenueErrorStatus} assigns, before the catch-all 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class VenueExceptionHandler {

    @ExceptionHandler(VenueException.class)
    ResponseEntity<Map<String, Object>> venue(VenueException e) {
        VenueErrorStatus answer = VenueErrorStatus.of(e);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        if (answer.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfterSeconds()));
        }
        return response.body(ErrorBody.of(answer.detail()));
    }
}
