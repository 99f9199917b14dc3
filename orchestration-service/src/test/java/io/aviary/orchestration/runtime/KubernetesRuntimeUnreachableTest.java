package io.aviary.orchestration.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.kit.failure.Unavailable;
import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.domain.BotRuntimeDriver.BotResources;
import io.aviary.orchestration.infra.KubernetesApi;
import io.aviary.orchestration.infra.KubernetesHealthIndicator;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * KubernetesRuntime without an API server (BOT_K8S_API_URL pointing at a closed port) and how BOT_RUNTIME picks it:
 * needs no cluster, so it runs everywhere.
 */
class KubernetesRuntimeUnreachableTest {

    @TempDir
    Path botsPath;

    @Test
    void anUnreachableApiIsA503NamingItRightAway() throws Exception {
        String url = "http://127.0.0.1:" + closedPort() + "/";
        KubernetesApi nowhere = new KubernetesApi(url, "bots", Duration.ofSeconds(2), Duration.ofSeconds(10));
        KubernetesRuntime unreachable = new KubernetesRuntime(nowhere, "aviary/bot:local", botsPath.toString(),
                "aviary-bots", Duration.ofSeconds(1), "");
        Path instance = Files.createDirectories(botsPath.resolve("bots/instances/nowhere-bot"));

        Instant before = Instant.now();
        assertThatThrownBy(() -> unreachable.start("nowhere-bot", instance, Map.of("CONFIG_PASSWORD", "pw"),
                BotResources.defaults())).isInstanceOf(Unavailable.class)
                .hasMessage("Kubernetes API not reachable at " + url);
        assertThatThrownBy(() -> unreachable.state("nowhere-bot")).isInstanceOf(Unavailable.class);
        assertThatThrownBy(unreachable::bots).isInstanceOf(Unavailable.class);
        assertThat(new KubernetesHealthIndicator(nowhere).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void botRuntimeKubernetesMakesItTheOnlyRuntimeWithItsApiAndHealth() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                // the service's application.yml, where aviary.bots.* come from BOT_RUNTIME, BOT_K8S_* and BOTS_PATH
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withInitializer(c -> c.getBeanFactory()
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withPropertyValues("BOTS_PATH=" + botsPath, "BOT_K8S_API_URL=http://127.0.0.1:1/")
                .withUserConfiguration(BotRuntimeConfiguration.class, KubernetesRuntime.class, KubernetesApi.class,
                        KubernetesHealthIndicator.class);

        context.withPropertyValues("BOT_RUNTIME=kubernetes", "BOT_K8S_NAMESPACE=trading-bots").run(c -> {
            assertThat(c).hasSingleBean(BotRuntimeDriver.class).hasSingleBean(KubernetesHealthIndicator.class);
            assertThat(c.getBean(BotRuntimeDriver.class)).isInstanceOf(KubernetesRuntime.class)
                    .extracting(BotRuntimeDriver::kind).isEqualTo("kubernetes");
            assertThat(c.getBean(KubernetesApi.class).namespace()).isEqualTo("trading-bots");
            assertThat(c.getBean(KubernetesApi.class).url()).isEqualTo("http://127.0.0.1:1/");
        });
        context.withPropertyValues("BOT_RUNTIME=process").run(c -> {
            assertThat(c).hasSingleBean(BotRuntimeDriver.class).doesNotHaveBean(KubernetesRuntime.class)
                    .doesNotHaveBean(KubernetesApi.class).doesNotHaveBean(KubernetesHealthIndicator.class);
        });
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
