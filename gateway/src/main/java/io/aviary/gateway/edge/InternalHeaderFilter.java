package io.aviary.gateway.edge;

import java.net.InetSocketAddress;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes headers a client must not be able to set: every {@code X-Aviary-*} (the internal token,
 * the caller name: the gateway and the services set those themselves) and, unless the TCP peer is a
 * configured trusted proxy, {@code Forwarded} and {@code X-Forwarded-*}, which would otherwise let a
 * client choose the address the login throttle and the services see. Runs before anything reads
 * headers; the internal token is added back later, on the proxied request only.
 */
public class InternalHeaderFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;
    private static final String INTERNAL_PREFIX = "x-aviary-";
    private static final String FORWARDED_PREFIX = "x-forwarded-";

    private final Set<String> trustedProxies;

    public InternalHeaderFilter(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean fromTrustedProxy = isTrusted(exchange.getRequest().getRemoteAddress());
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (!anyMustGo(headers, fromTrustedProxy)) {
            return chain.filter(exchange); // the usual case: no copy of the headers
        }
        var request = exchange.getRequest().mutate()
                .headers(h -> h.headerNames().stream().filter(name -> mustGo(name, fromTrustedProxy)).toList().forEach(h::remove))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    private boolean isTrusted(InetSocketAddress peer) {
        return peer != null && peer.getAddress() != null && trustedProxies.contains(peer.getAddress().getHostAddress());
    }

    /** A plain loop over the names: this runs on every request. */
    private static boolean anyMustGo(HttpHeaders headers, boolean fromTrustedProxy) {
        for (String name : headers.headerNames()) {
            if (mustGo(name, fromTrustedProxy)) {
                return true;
            }
        }
        return false;
    }

    static boolean mustGo(String name, boolean fromTrustedProxy) {
        if (name.regionMatches(true, 0, INTERNAL_PREFIX, 0, INTERNAL_PREFIX.length())) {
            return true;
        }
        return !fromTrustedProxy && (name.equalsIgnoreCase("forwarded")
                || name.regionMatches(true, 0, FORWARDED_PREFIX, 0, FORWARDED_PREFIX.length()));
    }
}
