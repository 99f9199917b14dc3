package io.aviary.gateway.auth;

import io.aviary.gateway.web.ClientAddress;
import io.aviary.gateway.web.JsonErrors;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic on everything but the public paths (root, docs, health, metrics), with the failed
 * login throttle in front: a throttled address gets 429 before its credentials are even checked.
 */
public class BasicAuthFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

    private static final Set<String> PUBLIC_EXACT = Set.of("/", "/docs", "/openapi.json", "/actuator/health",
            "/actuator/prometheus", "/v3/api-docs/swagger-config");
    private static final Set<String> PUBLIC_PREFIXES = Set.of("/docs/", "/webjars/", "/swagger-ui/", "/actuator/health/");

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
        if (isPublic(path) || isCorsPreflight(exchange)) {
            return chain.filter(exchange);
        }
        String address = clientAddress.of(exchange);
        Optional<Duration> blocked = throttle.blockedFor(address);
        if (blocked.isPresent()) {
            long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return JsonErrors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed login attempts. Retry in " + seconds + " seconds.");
        }
        BasicCredentials.Verdict verdict = credentials.check(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (verdict == BasicCredentials.Verdict.ACCEPTED) {
            throttle.recordSuccess(address);
            return chain.filter(exchange);
        }
        if (verdict == BasicCredentials.Verdict.WRONG || verdict == BasicCredentials.Verdict.MALFORMED) {
            throttle.recordFailure(address);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic");
        return JsonErrors.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, verdict.detail());
    }

    private static boolean isPublic(String path) {
        return PUBLIC_EXACT.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static boolean isCorsPreflight(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        return exchange.getRequest().getMethod() == HttpMethod.OPTIONS && headers.getOrigin() != null
                && headers.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }
}
