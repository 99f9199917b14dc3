package io.aviary.gateway.edge;

import io.aviary.common.web.PathTricks;
import io.aviary.gateway.web.JsonErrors;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 400, request paths a backend or a later filter might read differently from the
 * gateway's router: dot segments, encoded dots and slashes, backslashes, matrix parameters and
 * empty segments. No API path needs any of them. Runs right after the request id, before CORS,
 * authentication and routing, so the public-path check, the router and the services only ever see
 * paths whose raw and decoded forms are the same segments. The answer names the rule, never the path.
 */
public class PathGuardFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> violation = violationIn(exchange.getRequest().getURI().getRawPath());
        if (violation.isPresent()) {
            return JsonErrors.write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
                    PathTricks.detail(violation.get()));
        }
        return chain.filter(exchange);
    }

    static Optional<String> violationIn(String rawPath) {
        return PathTricks.violationIn(rawPath);
    }
}
