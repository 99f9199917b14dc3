package io.aviary.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gateway settings.
 *
 * @param username/password    Basic credentials (env USERNAME/PASSWORD; required, no baked-in default)
 * @param internalToken        added to every proxied request (env AVIARY_INTERNAL_TOKEN; required)
 * @param services             service name → base URL
 * @param maxBodyBytes         larger request bodies get 413
 * @param responseTimeout      upstream answer deadline before 503
 * @param loginThrottle        failed-login burst limit per client address
 * @param trustForwardedFor    take the client address from X-Forwarded-For (only behind a trusted proxy)
 */
@ConfigurationProperties("aviary.gateway")
public record GatewayProperties(
        String username, String password, String internalToken, Map<String, String> services, Long maxBodyBytes,
        Duration responseTimeout, LoginThrottleSettings loginThrottle, boolean trustForwardedFor) {

    public GatewayProperties {
        requireSet(username, "USERNAME");
        requireSet(password, "PASSWORD");
        requireSet(internalToken, "AVIARY_INTERNAL_TOKEN");
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
        loginThrottle = loginThrottle == null ? new LoginThrottleSettings(10, Duration.ofSeconds(60), 10_000) : loginThrottle;
    }

    private static void requireSet(String value, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set. The gateway has no built-in credentials; set "
                    + variable + " (./run.sh supplies documented development defaults).");
        }
    }

    /** Hides the secrets if the record is ever printed. */
    @Override
    public String toString() {
        return "GatewayProperties[username=" + username + ", services=" + services + "]";
    }

    public record LoginThrottleSettings(int maxFailures, Duration window, int maxTrackedAddresses) {
    }
}
