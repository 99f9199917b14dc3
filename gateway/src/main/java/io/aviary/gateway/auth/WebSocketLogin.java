package io.aviary.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.MultiValueMap;

/**
 * hummingbot-api's WebSocket self-authentication, checked at the gateway before the upgrade: the
 * {@code Authorization: Basic} header, else {@code ?token=base64(user:pass)} (what hummingbot-api-client sends, since
 * browsers and many clients cannot set headers on a WebSocket), else {@code ?username=&password=}. Only for WebSocket
 * upgrades under {@value #PREFIX}: the HTTP API keeps taking the header only, so a password never rides in a URL
 * there. The query is never logged (the access log has the path only) and never forwarded (the proxy drops it).
 */
public final class WebSocketLogin {

    public static final String PREFIX = "/ws/";

    private WebSocketLogin() {
    }

    /** Whether this is a WebSocket upgrade of one of the {@code /ws/} streams. */
    public static boolean isStreamUpgrade(ServerHttpRequest request) {
        return request.getPath().value().startsWith(PREFIX)
                && "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
    }

    /** The Authorization value the request's credentials amount to; null when it presents none. */
    public static String authorization(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            return header;
        }
        MultiValueMap<String, String> query = request.getQueryParams();
        String token = query.getFirst("token");
        if (token != null) {
            return "Basic " + token;
        }
        String username = query.getFirst("username");
        String password = query.getFirst("password");
        if (username != null || password != null) {
            String pair = (username == null ? "" : username) + ":" + (password == null ? "" : password);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
