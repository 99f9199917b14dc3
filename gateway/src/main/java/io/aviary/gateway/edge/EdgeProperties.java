package io.aviary.gateway.edge;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the gateway accepts from the outside beyond credentials ({@code aviary.gateway.edge.*}).
 *
 * @param corsAllowedOrigins   exact origins ({@code scheme://host[:port]}) browsers may call from (env
 *                             AVIARY_CORS_ALLOWED_ORIGINS, comma-separated); empty means CORS is off
 * @param corsAllowCredentials whether those origins may send credentials (env AVIARY_CORS_ALLOW_CREDENTIALS);
 *                             refused together with {@code *}
 * @param trustedProxies       peer IP addresses whose Forwarded / X-Forwarded-* headers are kept (env
 *                             AVIARY_TRUSTED_PROXIES, comma-separated); empty means none
 */
@ConfigurationProperties("aviary.gateway.edge")
public record EdgeProperties(List<String> corsAllowedOrigins, boolean corsAllowCredentials, List<String> trustedProxies) {

    public static final String WILDCARD = "*";

    public EdgeProperties {
        corsAllowedOrigins = cleaned(corsAllowedOrigins);
        trustedProxies = cleaned(trustedProxies);
        if (corsAllowCredentials && corsAllowedOrigins.contains(WILDCARD)) {
            throw new IllegalStateException("AVIARY_CORS_ALLOWED_ORIGINS=* with AVIARY_CORS_ALLOW_CREDENTIALS=true would let"
                    + " any web page drive the API with the operator's credentials. List the exact origins, or set"
                    + " AVIARY_CORS_ALLOW_CREDENTIALS=false to allow every origin without credentials.");
        }
        corsAllowedOrigins.stream().filter(o -> !o.equals(WILDCARD)).forEach(EdgeProperties::requireExactOrigin);
    }

    public Set<String> trustedProxySet() {
        return Set.copyOf(trustedProxies);
    }

    private static List<String> cleaned(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** An origin is scheme, host and port only: a pattern or path would not match what browsers send. */
    private static void requireExactOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        boolean exact = uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null && uri.getRawUserInfo() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        if (!exact) {
            String shown = origin.length() > 80 ? origin.substring(0, 80) + "…" : origin;
            throw new IllegalStateException("AVIARY_CORS_ALLOWED_ORIGINS: '" + shown
                    + "' is not an exact origin like https://dashboard.example:8443 (no path, no pattern)");
        }
    }
}
