package io.aviary.gateway.routing;

import io.aviary.gateway.GatewayProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which service owns which path prefix (ARCHITECTURE.md). Paths are forwarded unchanged, with and
 * without the trailing slash. Each route runs behind a circuit breaker named after its service: a
 * connection failure, timeout or open breaker is forwarded to {@link UnavailableFallback} (503),
 * while every answer the service gives, 4xx and 5xx included, passes through untouched (no
 * {@code statusCodes} are configured on the breaker, so no status is turned into a failure). The WebSocket streams
 * ({@link #STREAMS}) have their own routes, without the breaker, whose time limit would cut a long-lived stream.
 */
@Configuration
public class ServiceRoutes {

    /** service → the path prefixes it serves, in a stable order (also the order of the API docs). */
    public static final Map<String, List<String>> PREFIXES = prefixes();

    private static Map<String, List<String>> prefixes() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("accounts", List.of("/accounts", "/portfolio"));
        map.put("trading", List.of("/trading"));
        map.put("market-data", List.of("/market-data", "/connectors", "/rate-oracle"));
        map.put("orchestration", List.of("/bot-orchestration", "/docker", "/controllers", "/scripts", "/system", "/storage"));
        map.put("backtesting", List.of("/backtesting"));
        map.put("archive", List.of("/archived-bots", "/databases"));
        return Collections.unmodifiableMap(map);
    }

    /** WebSocket stream → the service that serves it (proxied by {@link WebSocketProxy}, authenticated like HTTP). */
    public static final Map<String, String> STREAMS = Map.of(
            "/ws/market-data", "market-data",
            "/ws/executors", "trading");

    /** The base URL of {@code service}, failing startup when it is not configured. */
    public static String baseUrl(GatewayProperties properties, String service) {
        String target = properties.services().get(service);
        if (target == null || target.isBlank()) {
            throw new IllegalStateException("aviary.gateway.services." + service + " (its base URL) is not set");
        }
        return target;
    }

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        STREAMS.forEach((path, service) -> routes.route(service + "-stream" + path.substring(path.lastIndexOf('/')),
                r -> r.path(path).filters(f -> f.filter(new WebSocketProxy(service))).uri(baseUrl(properties, service))));
        PREFIXES.forEach((service, prefixes) -> routes.route(service, r -> r.path(patterns(prefixes))
                .filters(f -> f.circuitBreaker(cb -> cb.setName(service)
                        .setFallbackUri(UnavailableFallback.PATH_PREFIX + service)))
                .uri(baseUrl(properties, service))));
        return routes.build();
    }

    /** {@code /accounts} and {@code /accounts/**}, but not {@code /accountsX}. */
    private static String[] patterns(List<String> prefixes) {
        return prefixes.stream().flatMap(p -> Stream.of(p, p + "/**")).toArray(String[]::new);
    }
}
