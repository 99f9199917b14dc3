package io.aviary.orchestration.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.kit.failure.Unavailable;
import io.aviary.orchestration.domain.BotRuntimeDriver.BotResources;
import io.aviary.orchestration.infra.DockerEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * DockerRuntime without an engine (DOCKER_HOST pointing nowhere) and its bean condition: needs no engine, so it runs
 * everywhere.
 */
class DockerRuntimeUnreachableTest {

    @TempDir
    Path instance;

    private final String bot = "aviary-rt-nowhere";

    @Test
    void anUnreachableEngineIsA503NamingDockerHostRightAway() {
        DockerEngine nowhere = new DockerEngine("unix:///tmp/aviary-no-docker-here.sock", Duration.ofSeconds(2),
                Duration.ofSeconds(60));
        DockerRuntime unreachable = new DockerRuntime(nowhere, "aviary/bot:local", Duration.ofSeconds(1), "");

        Instant before = Instant.now();
        assertThatThrownBy(() -> unreachable.state(bot)).isInstanceOf(Unavailable.class)
                .hasMessage("Docker engine not reachable at unix:///tmp/aviary-no-docker-here.sock");
        assertThatThrownBy(() -> unreachable.start(bot, instance, Map.of(), BotResources.defaults()))
                .isInstanceOf(Unavailable.class);
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theRuntimeIsABeanOnlyWithBotRuntimeDocker() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                // as SpringApplication does: "20s" in @Value becomes a Duration
                .withInitializer(c -> c.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withBean(DockerEngine.class, () -> new DockerEngine("unix:///tmp/aviary-no-docker-here.sock",
                        Duration.ofSeconds(2), Duration.ofSeconds(60)))
                .withPropertyValues("aviary.bots.image=aviary/bot:local")
                .withUserConfiguration(DockerRuntime.class);

        context.withPropertyValues("BOT_RUNTIME=docker")
                .run(c -> assertThat(c).hasSingleBean(DockerRuntime.class));
        context.withPropertyValues("aviary.bots.runtime=docker")
                .run(c -> assertThat(c).hasSingleBean(DockerRuntime.class));
        context.withPropertyValues("BOT_RUNTIME=process")
                .run(c -> assertThat(c).doesNotHaveBean(DockerRuntime.class));
        context.run(c -> assertThat(c).doesNotHaveBean(DockerRuntime.class));
    }
}
