package io.aviary.gateway.web;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address, as the login throttle keys it. By default the TCP peer address:
 * X-Forwarded-For is taken only when configured, since a client that is trusted blindly can pick a
 * fresh address per request and escape the throttle. When it is trusted, the last entry is used:
 * that is the one the trusted proxy in front of the gateway appended, while earlier entries are
 * whatever the client chose to send.
 */
public record ClientAddress(boolean trustForwardedFor) {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    public String of(ServerWebExchange exchange) {
        if (trustForwardedFor) {
            String forwarded = exchange.getRequest().getHeaders().getFirst(FORWARDED_FOR);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
