package io.aviary.gateway.routing;

import io.aviary.gateway.GatewayProperties;
import java.net.ConnectException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Which service owns which path prefix (ARCHITECTURE.md). Paths are forwarded unchanged, with and
 * without the trailing slash. Each route runs behind a circuit breaker named after its service: a
 * connection failure, timeout or open breaker is forwarded to {@link UnavailableFallback} (503),
 * while every answer the service gives, 4xx and 5xx included, passes through untouched (no
 * {@code statusCodes} are configured on the breaker, so no status is turned into a failure). The WebSocket streams
 * ({@link #STREAMS}) have their own routes, without the breaker, whose time limit would cut a long-lived stream.
 *
 * <p>A service with several instances ({@code AVIARY_TRADING_URL=http://a:8102,http://b:8112}) gets them in turn
 * ({@link InstanceRoundRobinFilter}); inside the breaker, a request whose connection was refused, or that an instance
 * answered with 421 (it does not own what the request needs, ADR 0026), is sent to the next instance, each instance
 * at most once. Both mean the instance did nothing, so this holds for every method. A timeout or a connection lost
 * mid-answer is never retried: the instance may have acted.
 */
@Configuration
public class ServiceRoutes {

    /** service → the path prefixes it serves, in a stable order (also the order of the API docs). */
    public static final Map<String, List<String>> PREFIXES = prefixes();

    private static Map<String, List<String>> prefixes() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        map.put("accounts", List.of("/accounts", "/portfolio"));
        map.put("trading", List.of("/trading", "/executors"));
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

    /** The base URL of {@code service} (its first instance), failing startup when it is not configured. */
    public static String baseUrl(GatewayProperties properties, String service) {
        return instances(properties, service).first().toString();
    }

    static ServiceInstances instances(GatewayProperties properties, String service) {
        return ServiceInstances.parse(service, properties.services().get(service));
    }

    @Bean
    RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        STREAMS.forEach((path, service) -> routes.route(service + "-stream" + path.substring(path.lastIndexOf('/')),
                r -> r.path(path).filters(f -> f.filter(new WebSocketProxy(service))).uri(baseUrl(properties, service))));
        PREFIXES.forEach((service, prefixes) -> {
            ServiceInstances instances = instances(properties, service);
            routes.route(service, r -> r.path(patterns(prefixes))
                    .filters(f -> {
                        f.circuitBreaker(cb -> cb.setName(service).setFallbackUri(UnavailableFallback.PATH_PREFIX + service));
                        return instances.size() < 2 ? f : f.retry(retry -> retry.setRetries(instances.size() - 1)
                                .setSeries().setStatuses(HttpStatus.MISDIRECTED_REQUEST).setMethods(HttpMethod.values())
                                .setExceptions(ConnectException.class));
                    })
                    .uri(instances.first()));
        });
        return routes.build();
    }

    @Bean
    InstanceRoundRobinFilter instanceRoundRobinFilter(GatewayProperties properties) {
        Map<String, ServiceInstances> byRoute = new LinkedHashMap<>();
        PREFIXES.keySet().forEach(service -> byRoute.put(service, instances(properties, service)));
        return new InstanceRoundRobinFilter(byRoute);
    }

    /** Static: it edits bean definitions before any bean exists. */
    @Bean
    static RedundantHeaderFilters redundantHeaderFilters() {
        return new RedundantHeaderFilters();
    }

    /** {@code /accounts} and {@code /accounts/**}, but not {@code /accountsX}. */
    private static String[] patterns(List<String> prefixes) {
        return prefixes.stream().flatMap(p -> Stream.of(p, p + "/**")).toArray(String[]::new);
    }
}
