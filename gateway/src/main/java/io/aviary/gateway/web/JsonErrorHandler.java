package io.aviary.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself raises becomes {@code {"detail": ...}} with an honest status: no
 * whitelabel page, no stack trace. Reason phrases are FastAPI's ("Not Found", "Method Not Allowed").
 */
@Order(-2)
public class JsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = "Internal Server Error";
        if (error instanceof ResponseStatusException rse) {
            status = rse.getStatusCode();
            detail = status.value() == 413 && rse.getReason() != null ? rse.getReason() : phrase(status);
        } else {
            log.error("Unhandled {} on {} rid={}", error.getClass().getName(), exchange.getRequest().getPath(),
                    RequestIdFilter.requestIdOf(exchange), error);
        }
        return JsonErrors.write(exchange.getResponse(), status, detail);
    }

    private static String phrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error " + status.value() : known.getReasonPhrase();
    }
}
