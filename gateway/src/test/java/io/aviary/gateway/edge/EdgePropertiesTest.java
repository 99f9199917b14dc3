package io.aviary.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EdgePropertiesTest {

    @Test
    void defaultsAreCorsOffAndNoTrustedProxy() {
        EdgeProperties edge = new EdgeProperties(null, true, List.of(""));
        assertThat(edge.corsAllowedOrigins()).isEmpty();
        assertThat(edge.trustedProxies()).isEmpty();
    }

    @Test
    void refusesTheWildcardWithCredentials() {
        assertThatThrownBy(() -> new EdgeProperties(List.of("https://a.example", "*"), true, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("AVIARY_CORS_ALLOWED_ORIGINS=* with AVIARY_CORS_ALLOW_CREDENTIALS=true");
    }

    @Test
    void allowsTheWildcardWithoutCredentials() {
        var cors = CorsFilter.configurationOf(new EdgeProperties(List.of("*"), false, null));
        assertThat(cors.getAllowedOrigins()).containsExactly("*");
        assertThat(cors.getAllowCredentials()).isFalse();
    }

    @Test
    void acceptsOnlyExactOrigins() {
        assertThat(new EdgeProperties(List.of(" https://ops.example:8443 ", "http://localhost:3000"), true, null)
                .corsAllowedOrigins()).containsExactly("https://ops.example:8443", "http://localhost:3000");
        for (String bad : new String[] {"https://*.example", "https://ops.example/", "ops.example", "ftp://ops.example",
                "https://user@ops.example"}) {
            assertThatThrownBy(() -> new EdgeProperties(List.of(bad), true, null)).as(bad)
                    .hasMessageContaining("is not an exact origin");
        }
    }

    @Test
    void forwardingHeadersAreKeptOnlyFromATrustedProxyWhileInternalOnesAlwaysGo() {
        for (boolean trusted : new boolean[] {false, true}) {
            assertThat(InternalHeaderFilter.mustGo("X-Aviary-Internal-Token", trusted)).isTrue();
            assertThat(InternalHeaderFilter.mustGo("x-aviary-caller", trusted)).isTrue();
            assertThat(InternalHeaderFilter.mustGo("X-Request-Id", trusted)).isFalse();
            assertThat(InternalHeaderFilter.mustGo("Forwarded", trusted)).isEqualTo(!trusted);
            assertThat(InternalHeaderFilter.mustGo("X-Forwarded-For", trusted)).isEqualTo(!trusted);
        }
    }
}
