package io.aviary.gateway.web;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
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
 *
 * <p>Cheap per request (issue 16): the request itself is not mutated (a mutation copies every header); the id and the
 * trace parent are exchange attributes, which {@code InternalTokenFilter} writes onto the proxied request in its one
 * header rewrite. The access line is built once as a plain string (no placeholder formatting), only when it is logged.
 */
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** Exchange attribute and MDC key holding the id, for other log lines of the same request. */
    public static final String ATTRIBUTE = "requestId";

    public static final String TRACE_PARENT = "traceparent";
    /** Exchange attribute holding the {@value #TRACE_PARENT} value for the proxied request. */
    public static final String TRACE_PARENT_ATTRIBUTE = "traceParent";

    private static final int MAX_ID_LENGTH = 128;

    private final double sampling;

    /** @param sampling the share of requests whose trace is recorded (sampled flag set), 0 to 1 */
    public RequestIdFilter(double sampling) {
        this.sampling = sampling;
    }

    public RequestIdFilter() {
        this(0.1);
    }
    /** The logger of the access line, written asynchronously ({@link AsyncAccessLog}). */
    public static final String ACCESS_LOGGER = "io.aviary.gateway.access";
    private static final Logger access = LoggerFactory.getLogger(ACCESS_LOGGER);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public static String requestIdOf(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "-");
    }

    /** The {@value #TRACE_PARENT} this filter chose for the request, or null outside a filtered exchange. */
    public static String traceParentOf(ServerWebExchange exchange) {
        return exchange.getAttribute(TRACE_PARENT_ATTRIBUTE);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = idFor(exchange.getRequest());
        String traceParent = traceParentFor(requestId);
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        exchange.getAttributes().put(TRACE_PARENT_ATTRIBUTE, traceParent);
        ServerHttpRequest request = exchange.getRequest();
        // Set just before commit: replaces the copy a proxied service echoes, so the client sees one value.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(exchange)
                .doFinally(signal -> logAccess(request, exchange.getResponse().getStatusCode(), started, requestId,
                        traceParent.substring(3, 35)));
    }

    private static String idFor(ServerHttpRequest request) {
        String presented = request.getHeaders().getFirst(HEADER);
        return presented != null && isSaneId(presented) ? presented : randomHex(16);
    }

    /** {@code [A-Za-z0-9._-]{1,128}}, checked by hand: this runs on every request. */
    static boolean isSaneId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A W3C trace id: 32 lowercase hex digits, not all zero. */
    static boolean isTraceId(String id) {
        if (id.length() != 32) {
            return false;
        }
        boolean nonZero = false;
        for (int i = 0; i < 32; i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
            nonZero |= c != '0';
        }
        return nonZero;
    }

    /** {@code 00-<trace id>-<parent span id>-<flags>}: the request id as trace id when it is one. */
    private String traceParentFor(String requestId) {
        String traceId = isTraceId(requestId) ? requestId : randomHex(16);
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

    /** {@code GET /accounts/ 200 3ms rid=<id>}, plus {@code  trace=<trace id>} when the two differ. */
    private static void logAccess(ServerHttpRequest request, HttpStatusCode status, long startedNanos, String requestId,
            String traceId) {
        if (!access.isInfoEnabled()) {
            return;
        }
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        String path = request.getPath().value();
        StringBuilder line = new StringBuilder(48 + path.length() + 2 * requestId.length())
                .append(request.getMethod().name()).append(' ').append(path).append(' ');
        if (status == null) {
            line.append('-');
        } else {
            line.append(status.value());
        }
        line.append(' ').append(millis).append("ms rid=").append(requestId);
        if (!traceId.equals(requestId)) {
            line.append(" trace=").append(traceId);
        }
        try (var ignored = MDC.putCloseable(ATTRIBUTE, requestId)) {
            access.info(line.toString());
        }
    }
}
