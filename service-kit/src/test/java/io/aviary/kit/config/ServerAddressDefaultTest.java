package io.aviary.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A service started without the launcher listens on loopback unless SERVER_ADDRESS opens it. */
class ServerAddressDefaultTest {

    @TempDir
    Path dir;

    @Test
    void loopbackByDefault() {
        assertThat(serverAddress(Map.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void aContainerOpensItWithServerAddress() {
        assertThat(serverAddress(Map.of("SERVER_ADDRESS", "0.0.0.0"))).isEqualTo("0.0.0.0");
    }

    private String serverAddress(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
        new AviaryEnvironmentPostProcessor().postProcess(environment, dir.resolve(".env"));
        return environment.getProperty("server.address");
    }
}
