package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExposureGuardTest {

    @Test
    void loopbackIsFineEvenWithTheDevelopmentDefaults() {
        assertThatCode(() -> ExposureGuard.check("127.0.0.1", "admin", "admin", "USERNAME,PASSWORD,CONFIG_PASSWORD"))
                .doesNotThrowAnyException();
        assertThatCode(() -> ExposureGuard.check("::1", "admin", "admin", "")).doesNotThrowAnyException();
        assertThatCode(() -> ExposureGuard.check("localhost", "admin", "admin", null)).doesNotThrowAnyException();
    }

    @Test
    void allInterfacesWithAdminAdminIsRefusedEvenWithoutTheLauncher() {
        assertThatThrownBy(() -> ExposureGuard.check("0.0.0.0", "admin", "admin", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Refusing to listen on 0.0.0.0 with development default credentials (USERNAME, PASSWORD)")
                .hasMessageContaining("anyone on the network could log in and trade")
                .hasMessageNotContaining("admin");
        assertThatThrownBy(() -> ExposureGuard.check("::", "admin", "admin", "")).hasMessageContaining("Refusing to listen on ::");
        assertThatThrownBy(() -> ExposureGuard.check("", "admin", "admin", "")).hasMessageContaining("on all interfaces");
    }

    @Test
    void anyDefaultTheLauncherFilledInIsRefusedOnANonLoopbackAddress() {
        assertThatThrownBy(() -> ExposureGuard.check("0.0.0.0", "desk", "s3cret-pass", "CONFIG_PASSWORD"))
                .hasMessageContaining("(CONFIG_PASSWORD)");
        assertThatThrownBy(() -> ExposureGuard.check("10.1.2.3", "desk", "s3cret-pass", " PASSWORD "))
                .hasMessageContaining("Refusing to listen on 10.1.2.3").hasMessageContaining("(PASSWORD)");
    }

    @Test
    void realCredentialsMayListenEverywhere() {
        assertThatCode(() -> ExposureGuard.check("0.0.0.0", "desk", "s3cret-pass", "")).doesNotThrowAnyException();
        assertThatCode(() -> ExposureGuard.check("::", "admin", "s3cret-pass", null)).doesNotThrowAnyException();
        assertThat(ExposureGuard.verified("0.0.0.0", "desk", "s3cret-pass", null).bindAddress()).isEqualTo("0.0.0.0");
    }
}
