package io.aviary.gateway.edge;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One list of trusted proxies for both readers of forwarding headers: the gateway's own {@link InternalHeaderFilter}
 * ({@code aviary.gateway.edge.trusted-proxies}, env {@code AVIARY_TRUSTED_PROXIES}) and Spring Cloud Gateway's
 * forwarded-header filters, which decide from {@value #SCG_PROPERTY} (a regex) whether to pass {@code X-Forwarded-*} /
 * {@code Forwarded} on to the services and append the peer. Without this the two disagreed: a listed proxy's
 * {@code X-Forwarded-For} survived the edge filter and was then dropped by SCG, which had no trusted proxies. The regex
 * is derived from the exact addresses (each quoted); an empty list leaves it unset, so SCG removes those headers.
 * Setting the SCG property by hand is refused: it would reopen the disagreement.
 */
public class TrustedProxiesEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String EDGE_PROPERTY = "aviary.gateway.edge.trusted-proxies";
    public static final String SCG_PROPERTY = "spring.cloud.gateway.server.webflux.trusted-proxies";
    private static final String SOURCE = "aviaryTrustedProxies";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml is loaded
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(SCG_PROPERTY)) {
            throw new IllegalStateException(SCG_PROPERTY + " is derived from AVIARY_TRUSTED_PROXIES; set that instead");
        }
        List<String> proxies = parse(environment.getProperty(EDGE_PROPERTY, ""));
        if (!proxies.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(SCG_PROPERTY, regexFor(proxies))));
        }
    }

    static List<String> parse(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** A pattern SCG matches (whole string) against the peer address: exactly the listed addresses, nothing else. */
    static String regexFor(List<String> proxies) {
        return proxies.stream().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    }
}
