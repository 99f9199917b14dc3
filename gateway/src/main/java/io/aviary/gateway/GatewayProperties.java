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
 * @param loginThrottle     progressive delay per client address plus a global failure budget
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
     * The failed-login throttle (see docs/security.md, "Login throttle").
     *
     * @param freeFailures        consecutive failed logins per address key that cost no wait (typos)
     * @param firstDelay          wait after the first failure beyond those; it doubles with every further one
     * @param maxDelay            cap of that wait: the longest an address, the operator's included, is ever refused
     * @param forgetAfter         an address key without a failure for this long starts over
     * @param globalFailures      failures across all addresses per {@code globalPeriod} before every failure
     *                            costs {@code maxDelay} (a token bucket, refilled evenly)
     * @param globalPeriod        the period of that budget
     * @param maxTrackedAddresses cap on remembered address keys, so a spray of addresses cannot exhaust memory
     */
    public record LoginThrottleSettings(Integer freeFailures, Duration firstDelay, Duration maxDelay,
            Duration forgetAfter, int globalFailures, Duration globalPeriod, int maxTrackedAddresses) {

        static final LoginThrottleSettings DEFAULT = new LoginThrottleSettings(null, null, null, null, 0, null, 0);

        public LoginThrottleSettings {
            freeFailures = freeFailures == null || freeFailures < 0 ? 5 : freeFailures;
            firstDelay = positiveOr(firstDelay, Duration.ofSeconds(1));
            maxDelay = positiveOr(maxDelay, Duration.ofSeconds(5));
            firstDelay = firstDelay.compareTo(maxDelay) > 0 ? maxDelay : firstDelay;
            forgetAfter = positiveOr(forgetAfter, Duration.ofMinutes(15));
            globalFailures = globalFailures <= 0 ? 100 : globalFailures;
            globalPeriod = positiveOr(globalPeriod, Duration.ofMinutes(1));
            maxTrackedAddresses = maxTrackedAddresses <= 0 ? 10_000 : maxTrackedAddresses;
        }

        private static Duration positiveOr(Duration value, Duration fallback) {
            return value == null || value.isNegative() || value.isZero() ? fallback : value;
        }
    }
}
