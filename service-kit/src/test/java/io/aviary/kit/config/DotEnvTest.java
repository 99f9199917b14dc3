package io.aviary.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DotEnvTest {

    @Test
    void readsKeyValuesQuotesExportsAndSkipsComments(@TempDir Path dir) throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, """
                # comment
                USERNAME=desk
                export PASSWORD="with spaces"
                BANNED_TOKENS='["NAV","ARS"]'
                not a pair
                """);
        assertThat(AviaryEnvironmentPostProcessor.readDotEnv(env))
                .containsEntry("USERNAME", "desk")
                .containsEntry("PASSWORD", "with spaces")
                .containsEntry("BANNED_TOKENS", "[\"NAV\",\"ARS\"]")
                .hasSize(3);
    }

    @Test
    void aMissingFileIsEmpty(@TempDir Path dir) {
        assertThat(AviaryEnvironmentPostProcessor.readDotEnv(dir.resolve(".env"))).isEmpty();
    }

    @Test
    void aServiceReadsTheDotEnvOfItsWorkingDirectory(@TempDir Path dir) throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "CONFIG_PASSWORD=vault-key\n");
        StandardEnvironment environment = environmentWith(Map.of());
        new AviaryEnvironmentPostProcessor().postProcess(environment, env);
        assertThat(environment.getProperty("CONFIG_PASSWORD")).isEqualTo("vault-key");
    }

    /** The launcher merged .env itself and left out the secrets this child does not own: they must stay out. */
    @Test
    void aServiceStartedByTheLauncherLeavesTheDotEnvUnread(@TempDir Path dir) throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "CONFIG_PASSWORD=vault-key\nPASSWORD=gateway-login\n");
        StandardEnvironment environment = environmentWith(Map.of("AVIARY_DOTENV", "off"));
        new AviaryEnvironmentPostProcessor().postProcess(environment, env);
        assertThat(environment.containsProperty("CONFIG_PASSWORD")).isFalse();
        assertThat(environment.containsProperty("PASSWORD")).isFalse();
    }

    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", variables));
        return environment;
    }
}
