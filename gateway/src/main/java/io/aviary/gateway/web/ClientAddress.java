package io.aviary.gateway.web;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address for throttling. X-Forwarded-For is honoured only when configured: trusted
 * blindly, any client could pick a fresh address per request and escape the throttle.
 */
public record ClientAddress(boolean trustForwardedFor) {

    public String of(ServerWebExchange exchange) {
        if (trustForwardedFor) {
            String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
