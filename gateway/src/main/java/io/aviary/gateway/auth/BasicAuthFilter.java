package io.aviary.gateway.auth;

import io.aviary.gateway.web.ClientAddress;
import io.aviary.gateway.web.JsonErrors;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic on everything but the public paths (root, docs, health, metrics) and CORS preflights,
 * with the failed-login throttle in front: an address that must still wait gets 429 (with
 * Retry-After) before its credentials are even looked at. Neither the Authorization header nor the
 * password is ever logged.
 */
public class BasicAuthFilter implements WebFilter, Ordered {

    /** After request id, CORS and the body limit; before routing. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private static final Logger log = LoggerFactory.getLogger(BasicAuthFilter.class);

    /** Open like FastAPI's root, /docs and /openapi.json, plus what Swagger UI loads and the probes. */
    private static final Set<String> PUBLIC_EXACT = Set.of("/", "/docs", "/openapi.json", "/actuator/health",
            "/actuator/prometheus", "/v3/api-docs/swagger-config");
    private static final Set<String> PUBLIC_PREFIXES = Set.of("/docs/", "/swagger-ui/", "/webjars/", "/actuator/health/");

    private final BasicCredentials credentials;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;

    public BasicAuthFilter(BasicCredentials credentials, LoginThrottle throttle, ClientAddress clientAddress) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isPublic(exchange.getRequest().getPath().value()) || isCorsPreflight(exchange)) {
            return chain.filter(exchange);
        }
        String address = clientAddress.of(exchange);
        var blocked = throttle.blockedFor(address);
        if (blocked.isPresent()) {
            return tooManyFailures(exchange, blocked.get());
        }
        var verdict = credentials.check(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (verdict == BasicCredentials.Verdict.ACCEPTED) {
            throttle.recordSuccess(address);
            return chain.filter(exchange);
        }
        if (verdict.isFailedLogin()) {
            recordFailure(address);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic");
        return JsonErrors.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, verdict.detail());
    }

    private void recordFailure(String address) {
        throttle.recordFailure(address);
        throttle.blockedFor(address).ifPresent(wait ->
                log.warn("Failed logins from {}: its next attempt must wait {} ms", address, wait.toMillis()));
    }

    private static Mono<Void> tooManyFailures(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return JsonErrors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed login attempts. Retry in " + seconds + " seconds.");
    }

    private static boolean isPublic(String path) {
        return PUBLIC_EXACT.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** A browser's preflight carries no credentials by design, so it must pass unauthenticated. */
    private static boolean isCorsPreflight(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return exchange.getRequest().getMethod() == HttpMethod.OPTIONS && headers.getOrigin() != null
                && headers.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }
}
