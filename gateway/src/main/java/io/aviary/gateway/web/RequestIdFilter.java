package io.aviary.gateway.web;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
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
 * Gives every request an id (the client's {@value #HEADER} when it is sane, else a random W3C trace id: 32 hex
 * digits), passes it to the service, returns it to the client, and writes one access line per request with it.
 *
 * <p>The gateway also starts the request's trace: it sends the service a W3C {@value #TRACE_PARENT} whose trace id is
 * the request id when that is a valid trace id (always so for an id the gateway made), so the request id and the
 * trace id in the services' log lines, Kafka headers and consumers are one value; a client's own request id that is
 * not a trace id gets a fresh trace id, logged beside it. A client's {@value #TRACE_PARENT} is replaced: the trace
 * starts at the edge. The sampled flag is set with {@code management.tracing.sampling.probability}, so the services
 * (parent-based sampling) record the same share of traces end to end (docs/adr/0029-observability.md).
 * Runs first, so even refused requests (401, 429, 413) are logged with their id. The access line
 * holds method, path (no query string, which may carry secrets), status, time and id, never headers.
 */
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** Exchange attribute and MDC key holding the id, for other log lines of the same request. */
    public static final String ATTRIBUTE = "requestId";

    public static final String TRACE_PARENT = "traceparent";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern TRACE_ID = Pattern.compile("(?!0{32})[0-9a-f]{32}");

    private final double sampling;

    /** @param sampling the share of requests whose trace is recorded (sampled flag set), 0 to 1 */
    public RequestIdFilter(double sampling) {
        this.sampling = sampling;
    }

    public RequestIdFilter() {
        this(0.1);
    }
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
        String traceParent = traceParentFor(requestId);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> {
            h.set(HEADER, requestId);
            h.set(TRACE_PARENT, traceParent);
        }).build();
        // Set just before commit: replaces the copy a proxied service echoes, so the client sees one value.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> logAccess(request, exchange.getResponse().getStatusCode(), started, requestId,
                        traceParent.substring(3, 35)));
    }

    private static String idFor(ServerHttpRequest request) {
        String presented = request.getHeaders().getFirst(HEADER);
        return presented != null && VALID.matcher(presented).matches() ? presented : randomHex(16);
    }

    /** {@code 00-<trace id>-<parent span id>-<flags>}: the request id as trace id when it is one. */
    private String traceParentFor(String requestId) {
        String traceId = TRACE_ID.matcher(requestId).matches() ? requestId : randomHex(16);
        boolean sampled = sampling > 0 && ThreadLocalRandom.current().nextDouble() < sampling;
        return "00-" + traceId + "-" + randomHex(8) + (sampled ? "-01" : "-00");
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (allZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void logAccess(ServerHttpRequest request, HttpStatusCode status, long startedNanos, String requestId,
            String traceId) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        try (var ignored = MDC.putCloseable(ATTRIBUTE, requestId)) {
            if (traceId.equals(requestId)) {
                access.info("{} {} {} {}ms rid={}", request.getMethod(), request.getPath().value(),
                        status == null ? "-" : status.value(), millis, requestId);
            } else {
                access.info("{} {} {} {}ms rid={} trace={}", request.getMethod(), request.getPath().value(),
                        status == null ? "-" : status.value(), millis, requestId, traceId);
            }
        }
    }
}
