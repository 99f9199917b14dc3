package io.aviary.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id (the client's {@value #HEADER} when it is sane, else a UUID), passes it
 * to the service (exchange attribute {@value #ATTRIBUTE}, which {@code InternalTokenFilter} puts on the proxied
 * request), returns it to the client, and writes one access line per request with it.
 * Runs first, so even refused requests (401, 429, 413) are logged with their id. The access line
 * holds method, path (no query string, which may carry secrets), status, time and id, never headers.
 */
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** Exchange attribute and MDC key holding the id, for other log lines of the same request. */
    public static final String ATTRIBUTE = "requestId";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Logger access = LoggerFactory.getLogger("io.aviary.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public static String requestIdOf(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "-");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = idFor(exchange.getRequest());
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        // The id reaches the service through InternalTokenFilter, which rewrites the proxied request's headers anyway:
        // mutating the request here too cost a second copy of every header per request (issue 16, docs/benchmarks.md).
        ServerHttpRequest request = exchange.getRequest();
        // Set just before commit: replaces the copy a proxied service echoes, so the client sees one value.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(exchange)
                .doFinally(signal -> logAccess(request, exchange.getResponse().getStatusCode(), started, requestId));
    }

    private static String idFor(ServerHttpRequest request) {
        String presented = request.getHeaders().getFirst(HEADER);
        return presented != null && VALID.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
    }

    private static void logAccess(ServerHttpRequest request, HttpStatusCode status, long startedNanos, String requestId) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        try (var ignored = MDC.putCloseable(ATTRIBUTE, requestId)) {
            access.info("{} {} {} {}ms rid={}", request.getMethod(), request.getPath().value(),
                    status == null ? "-" : status.value(), millis, requestId);
        }
    }
}
