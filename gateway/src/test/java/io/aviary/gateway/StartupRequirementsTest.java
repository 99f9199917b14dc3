package io.aviary.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The real application, through application.yml: no credentials or token baked in, so no start. */
class StartupRequirementsTest {

    @Test
    void refusesToStartWithoutPasswordAndInternalToken() {
        // Command-line arguments outrank the environment, so a PASSWORD set on this machine cannot interfere.
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.NONE)
                .run("--USERNAME=desk", "--PASSWORD=", "--AVIARY_INTERNAL_TOKEN=", "--logging.level.root=OFF"))
                .satisfies(error -> Assertions.assertThat(rootCause(error)).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("Required environment variable(s) not set: PASSWORD, AVIARY_INTERNAL_TOKEN."));
    }

    @Test
    void refusesToListenOnAllInterfacesWithTheDevelopmentCredentials() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.NONE)
                .run("--USERNAME=admin", "--PASSWORD=admin", "--AVIARY_INTERNAL_TOKEN=t", "--AVIARY_DEV_DEFAULTS=",
                        "--AVIARY_GATEWAY_BIND_ADDRESS=0.0.0.0", "--logging.level.root=OFF"))
                .satisfies(error -> Assertions.assertThat(rootCause(error)).isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("Refusing to listen on 0.0.0.0 with development default credentials"));
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
