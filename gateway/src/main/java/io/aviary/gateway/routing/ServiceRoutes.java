package io.aviary.gateway.routing;

import io.aviary.gateway.GatewayProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which service owns which path prefix (ARCHITECTURE.md). Paths are forwarded unchanged. Each
 * route runs behind a circuit breaker named after its service; a connection failure, timeout or
 * open breaker falls back to a 503, while any answer the service gives (4xx or 5xx) passes through.
 */
@Configuration
public class ServiceRoutes {

    /** service → the path prefixes it serves. */
    public static final Map<String, List<String>> PREFIXES = prefixes();

    private static Map<String, List<String>> prefixes() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("accounts", List.of("/accounts", "/portfolio"));
        map.put("trading", List.of("/trading"));
        map.put("market-data", List.of("/market-data", "/connectors"));
        map.put("orchestration", List.of("/bot-orchestration", "/docker", "/controllers", "/scripts"));
        map.put("backtesting", List.of("/backtesting"));
        map.put("archive", List.of("/archived-bots", "/databases"));
        return Map.copyOf(map);
    }

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        PREFIXES.forEach((service, prefixes) -> {
            String target = properties.services().get(service);
            if (target == null) {
                throw new IllegalStateException("aviary.gateway.services." + service + " (its base URL) is not set");
            }
            String[] patterns = prefixes.stream().flatMap(p -> java.util.stream.Stream.of(p, p + "/**")).toArray(String[]::new);
            routes.route(service, r -> r.path(patterns)
                    .filters(f -> f.circuitBreaker(cb -> cb.setName(service).setFallbackUri("forward:/__unavailable/" + service)))
                    .uri(target));
        });
        return routes.build();
    }
}
