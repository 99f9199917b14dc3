package io.aviary.gateway.routing;

import io.aviary.gateway.web.JsonErrors;
import io.aviary.gateway.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards a request it could not deliver: the service refused the
 * connection, did not answer in time, or its breaker is open. The answer is 503
 * {@code {"detail":"<service> service is unavailable"}}. The one exception is a refusal the gateway
 * itself raised while streaming the request (a chunked body over the size limit), which keeps its
 * own 4xx status, since the service is not at fault.
 */
@RestController
class UnavailableFallback {

    static final String PATH = "/__unavailable/";
    static final String PATH_PREFIX = "forward:" + PATH;

    private static final Logger log = LoggerFactory.getLogger(UnavailableFallback.class);

    @RequestMapping(PATH + "{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause == null || !ServiceRoutes.PREFIXES.containsKey(service)) {
            // Only the breaker comes here; a client calling this path directly finds nothing.
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        if (cause instanceof ResponseStatusException refusal && refusal.getStatusCode().is4xxClientError()) {
            return JsonErrors.write(exchange.getResponse(), refusal.getStatusCode(), String.valueOf(refusal.getReason()));
        }
        // The access line with the same rid carries method and path.
        log.warn("{} service unavailable: {} rid={}", service, describe(cause), RequestIdFilter.requestIdOf(exchange));
        return JsonErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, service + " service is unavailable");
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
}
