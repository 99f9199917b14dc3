package io.aviary.gateway.routing;

import io.aviary.gateway.web.RequestIdFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On every proxied request: drop the caller's Authorization (services never need the user's
 * password) and any internal token the caller tried to supply, then add the real one, and the
 * request id and trace parent {@link RequestIdFilter} chose (replacing whatever the caller sent). The one header
 * rewrite per proxied request: each {@code mutate()} copies every header, so nothing else on the path mutates.
 */
public class InternalTokenFilter implements GlobalFilter, Ordered {

    public static final String HEADER = "X-Aviary-Internal-Token";
    private final String internalToken;

    public InternalTokenFilter(String internalToken) {
        this.internalToken = internalToken;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.set(HEADER, internalToken);
            headers.set(RequestIdFilter.HEADER, RequestIdFilter.requestIdOf(exchange));
            String traceParent = RequestIdFilter.traceParentOf(exchange);
            if (traceParent != null) {
                headers.set(RequestIdFilter.TRACE_PARENT, traceParent);
            } else {
                headers.remove(RequestIdFilter.TRACE_PARENT);
            }
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
