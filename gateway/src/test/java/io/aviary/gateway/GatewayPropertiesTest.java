package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {

    private static GatewayProperties with(String user, String password, String token) {
        return new GatewayProperties(user, password, token, Map.of(), null, null, null, false);
    }

    @Test
    void refusesMissingOrBlankSecretsNamingThemAll() {
        assertThatThrownBy(() -> with("desk", " ", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Required environment variable(s) not set: PASSWORD, AVIARY_INTERNAL_TOKEN.");
        assertThatThrownBy(() -> with(null, "pw", "tok")).hasMessageContaining("USERNAME");
    }

    @Test
    void fillsTheDocumentedDefaults() {
        GatewayProperties properties = with("desk", "pw", "tok");
        assertThat(properties.maxBodyBytes()).isEqualTo(1_048_576L);
        assertThat(properties.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.loginThrottle().freeFailures()).isEqualTo(5);
        assertThat(properties.loginThrottle().maxDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.loginThrottle().globalFailures()).isEqualTo(100);
        assertThat(properties.loginThrottle().globalPeriod()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.trustForwardedFor()).isFalse();
    }

    @Test
    void neverPrintsItsSecrets() {
        assertThat(new GatewayProperties("desk", "pa55word", "int3rnal", Map.of(), null, null, null, false).toString())
                .contains("desk").doesNotContain("pa55word").doesNotContain("int3rnal");
    }
}
