package io.aviary.gateway.edge;

import io.aviary.gateway.web.JsonErrors;
import io.aviary.gateway.web.RequestIdFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS from an explicit allow-list ({@link EdgeProperties}); with an empty list CORS is off. A
 * cross-origin request (preflight or actual) from an origin not on the list gets 403 and no
 * Access-Control-* header: a browser caches Basic credentials and sends them on a foreign page's
 * form post, so refusing the request, not only hiding the answer, keeps such pages from trading.
 * Same-origin requests (no Origin, or the gateway's own) pass untouched. Runs before authentication
 * so preflights, which carry no credentials, are answered here.
 */
public class CorsFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    private final CorsConfiguration configuration;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // the 403 with a JSON body is written by filter()
        }
    };

    public CorsFilter(EdgeProperties properties) {
        this.configuration = configurationOf(properties);
    }

    static CorsConfiguration configurationOf(EdgeProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        if (properties.corsAllowedOrigins().contains(EdgeProperties.WILDCARD)) {
            cors.addAllowedOrigin(EdgeProperties.WILDCARD);
        } else {
            properties.corsAllowedOrigins().forEach(cors::addAllowedOrigin);
        }
        cors.setAllowCredentials(properties.corsAllowCredentials());
        cors.addAllowedMethod(CorsConfiguration.ALL);
        cors.addAllowedHeader(CorsConfiguration.ALL);
        cors.addExposedHeader(RequestIdFilter.HEADER);
        return cors;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!processor.process(configuration, exchange)) {
            return JsonErrors.write(exchange.getResponse(), HttpStatus.FORBIDDEN,
                    "Cross-origin request from an origin that is not allowed (see AVIARY_CORS_ALLOWED_ORIGINS)");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }
}
