package io.aviary.gateway.routing;

import java.net.URI;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Sends each request of a service with several instances to one of them in turn: after the route's URL was resolved
 * (against the first instance), it swaps in the scheme, host and port of this attempt's instance. The route's retry
 * filter runs the chain again after a refused connection or a 421 (the replica does not own what the request needs,
 * ADR 0026), and every new attempt moves to the next instance.
 */
final class InstanceRoundRobinFilter implements GlobalFilter, Ordered {

    private static final String START = InstanceRoundRobinFilter.class.getName() + ".start";
    private static final String ATTEMPT = InstanceRoundRobinFilter.class.getName() + ".attempt";

    private final Map<String, ServiceInstances> byRoute;

    InstanceRoundRobinFilter(Map<String, ServiceInstances> byRoute) {
        this.byRoute = byRoute;
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        ServiceInstances instances = route == null ? null : byRoute.get(route.getId());
        if (instances == null || instances.size() < 2 || url == null) {
            return chain.filter(exchange);
        }
        int start = (Integer) exchange.getAttributes().computeIfAbsent(START, k -> instances.start());
        int attempt = (Integer) exchange.getAttributes().merge(ATTEMPT, 0, (old, ignored) -> (Integer) old + 1);
        URI instance = instances.pick(start, attempt);
        URI target = UriComponentsBuilder.fromUri(url).scheme(instance.getScheme()).host(instance.getHost())
                .port(instance.getPort()).build(true).toUri();
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, target);
        return chain.filter(exchange);
    }
}
