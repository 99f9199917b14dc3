package io.aviary.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TrustedProxiesEnvironmentTest {

    @Test
    void theScgPatternAcceptsExactlyTheListedAddresses() {
        TrustedProxies trusted = TrustedProxies.from(TrustedProxiesEnvironment.regexFor(List.of("10.0.0.5", "::1")));
        assertThat(trusted.isTrusted("10.0.0.5")).isTrue();
        assertThat(trusted.isTrusted("::1")).isTrue();
        assertThat(trusted.isTrusted("10.0.0.55")).isFalse();
        assertThat(trusted.isTrusted("10a0b0c5")).isFalse();
        assertThat(trusted.isTrusted("110.0.0.5")).isFalse();
    }

    @Test
    void theScgPropertyFollowsTheEdgeListAndIsAbsentWhenTheListIsEmpty() {
        assertThat(derived(" 10.0.0.5 , 10.0.0.6 ")).isEqualTo("(?:\\Q10.0.0.5\\E|\\Q10.0.0.6\\E)");
        assertThat(derived("")).isNull();
    }

    @Test
    void settingTheScgPropertyByHandIsRefused() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("t", Map.of(TrustedProxiesEnvironment.SCG_PROPERTY, ".*")));
        assertThatThrownBy(() -> new TrustedProxiesEnvironment().postProcessEnvironment(env, new SpringApplication()))
                .hasMessageContaining("AVIARY_TRUSTED_PROXIES");
    }

    private static String derived(String edgeList) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("t", Map.of(TrustedProxiesEnvironment.EDGE_PROPERTY, edgeList)));
        new TrustedProxiesEnvironment().postProcessEnvironment(env, new SpringApplication());
        return env.getProperty(TrustedProxiesEnvironment.SCG_PROPERTY);
    }
}
