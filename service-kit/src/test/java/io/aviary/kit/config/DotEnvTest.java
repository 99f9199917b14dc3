package io.aviary.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
