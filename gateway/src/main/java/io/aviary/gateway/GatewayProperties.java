package io.aviary.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Gateway settings ({@code aviary.gateway.*}, mostly fed from environment variables by application.yml).
 *
 * @param username          Basic user (env USERNAME; required, no built-in default)
 * @param password          Basic password (env PASSWORD; required, no built-in default)
 * @param internalToken     sent to the services on every proxied request (env AVIARY_INTERNAL_TOKEN; required)
 * @param services          service name → base URL
 * @param maxBodyBytes      request bodies declared larger than this get 413
 * @param responseTimeout   how long a service may take to answer before the client gets 503
 * @param loginThrottle     failed-login burst limit per client address
 * @param trustForwardedFor take the client address from X-Forwarded-For (only behind a trusted proxy)
 */
@ConfigurationProperties("aviary.gateway")
public record GatewayProperties(
        String username, String password, String internalToken, Map<String, String> services, Long maxBodyBytes,
        Duration responseTimeout, LoginThrottleSettings loginThrottle, boolean trustForwardedFor) {

    public GatewayProperties {
        requireAllSet(Map.entry("USERNAME", nullToEmpty(username)), Map.entry("PASSWORD", nullToEmpty(password)),
                Map.entry("AVIARY_INTERNAL_TOKEN", nullToEmpty(internalToken)));
        services = services == null ? Map.of() : new LinkedHashMap<>(services);
        maxBodyBytes = maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
        loginThrottle = loginThrottle == null ? LoginThrottleSettings.DEFAULT : loginThrottle;
    }

    /** Names every missing variable at once, so a misconfigured launcher is fixed in one round. */
    @SafeVarargs
    private static void requireAllSet(Map.Entry<String, String>... variables) {
        List<String> missing = Stream.of(variables).filter(v -> v.getValue().isBlank()).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Required environment variable(s) not set: " + String.join(", ", missing)
                    + ". The gateway has no built-in credentials or internal token; the launcher (run.sh) supplies"
                    + " documented development defaults.");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Keeps the secrets out of any log line or error message that prints this record. */
    @Override
    public String toString() {
        return "GatewayProperties[username=" + username + ", services=" + services + ", maxBodyBytes=" + maxBodyBytes
                + ", responseTimeout=" + responseTimeout + ", loginThrottle=" + loginThrottle
                + ", trustForwardedFor=" + trustForwardedFor + "]";
    }

    /**
     * @param maxFailures         failed logins within {@code window} after which an address is refused
     * @param window              how long a failed login counts
     * @param maxTrackedAddresses cap on remembered addresses, so a spray of addresses cannot exhaust memory
     */
    public record LoginThrottleSettings(int maxFailures, Duration window, int maxTrackedAddresses) {

        static final LoginThrottleSettings DEFAULT = new LoginThrottleSettings(10, Duration.ofSeconds(60), 10_000);

        public LoginThrottleSettings {
            maxFailures = maxFailures <= 0 ? DEFAULT.maxFailures : maxFailures;
            window = window == null ? DEFAULT.window : window;
            maxTrackedAddresses = maxTrackedAddresses <= 0 ? DEFAULT.maxTrackedAddresses : maxTrackedAddresses;
        }
    }
}
