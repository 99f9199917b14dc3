package io.aviary.gateway.auth;

import io.aviary.gateway.web.ClientAddress;
import io.aviary.gateway.web.JsonErrors;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
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
 * HTTP Basic on everything but the public paths (root, docs, health status) and CORS preflights,
 * with the failed-login throttle in front: an address that must still wait gets 429 (with
 * Retry-After) before its credentials are even looked at. Neither the Authorization header nor the
 * password is ever logged. A WebSocket upgrade of a {@code /ws/} stream may present its credentials in the query
 * instead ({@link WebSocketLogin}); a refused one gets the same 401 or 429 before any upgrade.
 *
 * <p>Health: anyone gets the status of {@code /actuator/health} and its probe groups; the components
 * and their details live in the {@value #DETAILED_HEALTH} group, which needs Basic like the API. An
 * operator who sends Basic to {@code /actuator/health} itself is authenticated and served that group,
 * so one URL answers both. (Spring Boot's own {@code show-details=when-authorized} cannot see this login:
 * on WebFlux it reads only Spring Security's context, which the gateway does not use.) Metrics
 * ({@code /actuator/prometheus}) need Basic too.
 */
public class BasicAuthFilter implements WebFilter, Ordered {

    /** After request id, CORS and the body limit; before routing. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private static final Logger log = LoggerFactory.getLogger(BasicAuthFilter.class);

    private static final String HEALTH = "/actuator/health";

    /** The health group with components and details (management.endpoint.health.group.operator in application.yml). */
    public static final String DETAILED_HEALTH = HEALTH + "/operator";

    /** Open like FastAPI's root, /docs and /openapi.json, plus what Swagger UI loads and the health probes. */
    private static final Set<String> PUBLIC_EXACT = Set.of("/", "/docs", "/openapi.json", HEALTH,
            "/v3/api-docs/swagger-config");
    private static final Set<String> PUBLIC_PREFIXES = Set.of("/docs/", "/swagger-ui/", "/webjars/", HEALTH + "/");

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
        String path = exchange.getRequest().getPath().value();
        if (path.equals(HEALTH) && exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return authenticated(exchange, chain, BasicAuthFilter::detailedHealth);
        }
        if (isPublic(path) || isCorsPreflight(exchange)) {
            return chain.filter(exchange);
        }
        return authenticated(exchange, chain, UnaryOperator.identity());
    }

    /** Passes an operator's request on (as {@code onSuccess} makes it); 401 or 429 for anyone else. */
    private Mono<Void> authenticated(ServerWebExchange exchange, WebFilterChain chain, UnaryOperator<ServerWebExchange> onSuccess) {
        String address = clientAddress.of(exchange);
        var blocked = throttle.blockedFor(address);
        if (blocked.isPresent()) {
            return tooManyFailures(exchange, blocked.get());
        }
        var verdict = credentials.check(presented(exchange));
        if (verdict == BasicCredentials.Verdict.ACCEPTED) {
            throttle.recordSuccess(address);
            return chain.filter(onSuccess.apply(exchange));
        }
        if (verdict.isFailedLogin()) {
            recordFailure(address);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic");
        return JsonErrors.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, verdict.detail());
    }

    /** The Authorization header; for a {@code /ws/} upgrade also the query credentials ({@link WebSocketLogin}). */
    private static String presented(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        return WebSocketLogin.isStreamUpgrade(request) ? WebSocketLogin.authorization(request)
                : request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
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

    private static ServerWebExchange detailedHealth(ServerWebExchange exchange) {
        return exchange.mutate().request(request -> request.path(DETAILED_HEALTH)).build();
    }

    private static boolean isPublic(String path) {
        if (path.equals(DETAILED_HEALTH) || path.startsWith(DETAILED_HEALTH + "/")) {
            return false;
        }
        return PUBLIC_EXACT.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** A browser's preflight carries no credentials by design, so it must pass unauthenticated. */
    private static boolean isCorsPreflight(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return exchange.getRequest().getMethod() == HttpMethod.OPTIONS && headers.getOrigin() != null
                && headers.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }
}
