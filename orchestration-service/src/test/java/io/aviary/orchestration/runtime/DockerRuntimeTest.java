package io.aviary.orchestration.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.Unavailable;
import io.aviary.orchestration.domain.BotRuntimeDriver.BotResources;
import io.aviary.orchestration.domain.BotRuntimeDriver.RuntimeState;
import io.aviary.orchestration.infra.DockerEngine;
import io.aviary.orchestration.infra.LocalDockerEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DockerRuntime against the real engine, with the locally built busybox image standing in for the bot image (its
 * command sleeps until SIGTERM).
 */
class DockerRuntimeTest {

    private static final long MEMORY = 64L * 1024 * 1024;

    @TempDir
    Path botsPath;

    private DockerEngine engine;
    private DockerRuntime runtime;
    private String bot;
    private Path instance;

    @BeforeEach
    void engineAndImage() throws Exception {
        engine = LocalDockerEngine.assumeEngine();
        String image = LocalDockerEngine.sleepImage(engine);
        runtime = new DockerRuntime(engine, image, Duration.ofSeconds(1), "");
        bot = "aviary-rt-" + UUID.randomUUID().toString().substring(0, 8);
        instance = Files.createDirectories(botsPath.resolve("bots/instances").resolve(bot));
        Files.createDirectories(instance.resolve("conf/connectors"));
        Files.writeString(instance.resolve("conf/conf_client.yml"), "instance_id: " + bot + "\n");
    }

    @AfterEach
    void removeContainer() {
        if (runtime != null) {
            runtime.remove(bot);
        }
    }

    @Test
    void aBotRunsInAContainerNamedAfterItWithHummingbotsMountsEnvironmentLimitsAndLogRotation() throws Exception {
        runtime.start(bot, instance, Map.of("CONFIG_PASSWORD", "pw", "SCRIPT_CONFIG", "conf_v2.yml",
                "HEADLESS_MODE", "true"), new BotResources(MEMORY, 0.5));

        assertThat(runtime.state(bot)).contains(RuntimeState.RUNNING);
        assertThat(runtime.bots()).contains(bot);
        InspectContainerResponse container = engine.call(client -> client.inspectContainerCmd(bot).exec());
        HostConfig host = container.getHostConfig();
        assertThat(host.getNetworkMode()).isEqualTo("host");
        assertThat(host.getMemory()).isEqualTo(MEMORY);
        assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(host.getLogConfig().getType().getType()).isEqualTo("json-file");
        assertThat(host.getLogConfig().getConfig()).containsEntry("max-size", "10m").containsEntry("max-file", "5");
        assertThat(Arrays.stream(host.getBinds()).map(Bind::toString)).contains(
                instance.resolve("conf") + ":/home/hummingbot/conf:rw",
                instance.resolve("conf/connectors") + ":/home/hummingbot/conf/connectors:rw",
                instance.resolve("data") + ":/home/hummingbot/data:rw",
                instance.resolve("logs") + ":/home/hummingbot/logs:rw");
        assertThat(container.getConfig().getEnv()).contains("CONFIG_PASSWORD=pw", "SCRIPT_CONFIG=conf_v2.yml",
                "HEADLESS_MODE=true");
        assertThat(container.getConfig().getLabels()).containsEntry("io.aviary.bot", bot);
        assertThat(container.getConfig().getUser()).isEqualTo(
                Files.getAttribute(instance, "unix:uid") + ":" + Files.getAttribute(instance, "unix:gid"));

        // the mounts are the instance folder itself: what the bot writes there is on the host
        exec("echo written-in-container > /home/hummingbot/logs/probe.log && cat /home/hummingbot/conf/conf_client.yml"
                + " > /home/hummingbot/data/seen.yml");
        assertThat(instance.resolve("logs/probe.log")).content().isEqualTo("written-in-container\n");
        assertThat(instance.resolve("data/seen.yml")).content().isEqualTo("instance_id: " + bot + "\n");
    }

    @Test
    void stoppingEndsTheContainerWithinTheGracePeriodAndRemovingForgetsIt() {
        runtime.start(bot, instance, Map.of(), BotResources.defaults());

        Instant before = Instant.now();
        runtime.stop(bot);
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(runtime.state(bot)).contains(RuntimeState.EXITED);
        runtime.stop(bot); // idempotent

        runtime.remove(bot);
        assertThat(runtime.state(bot)).isEmpty();
        assertThat(runtime.bots()).doesNotContain(bot);
        runtime.remove(bot); // idempotent
    }

    @Test
    void aSecondBotOfTheSameNameIsRefusedAndTheFirstKeepsRunning() {
        runtime.start(bot, instance, Map.of(), BotResources.defaults());

        assertThatThrownBy(() -> runtime.start(bot, instance, Map.of(), BotResources.defaults()))
                .isInstanceOf(Conflict.class).hasMessageContaining(bot);
        assertThat(runtime.state(bot)).contains(RuntimeState.RUNNING);
    }

    @Test
    void aMissingImageIsA503NamingItAndLeavesNoContainer() {
        DockerRuntime withoutImage = new DockerRuntime(engine, "aviary/not-built:none", Duration.ofSeconds(1), "");

        assertThatThrownBy(() -> withoutImage.start(bot, instance, Map.of(), BotResources.defaults()))
                .isInstanceOf(Unavailable.class).hasMessageContaining("aviary/not-built:none")
                .hasMessageContaining("build-bot-image.sh");
        assertThat(runtime.state(bot)).isEmpty();
    }

    @Test
    void containersWithoutTheBotLabelAreNotBots() {
        String other = "aviary-rt-other-" + UUID.randomUUID().toString().substring(0, 8);
        engine.call(client -> client.createContainerCmd(LocalDockerEngine.SLEEP_IMAGE).withName(other).exec());
        try {
            assertThat(runtime.state(other)).isEmpty();
            assertThat(runtime.bots()).doesNotContain(other);
        } finally {
            engine.call(client -> client.removeContainerCmd(other).withForce(true).exec());
        }
    }

    @Test
    void aviarysBotImageRunsTheBotOnTheInstanceFolderAsItsOwner() throws Exception {
        String botImage = "aviary/bot:local";
        assumeTrue(imageExists(botImage), botImage + " is not built: run deploy/images/build-bot-image.sh (.ci/run does)");
        DockerRuntime real = new DockerRuntime(engine, botImage, Duration.ofSeconds(5), "");

        // no conf_client.yml: the bot reads the mounted folder, says why it cannot start and exits 2
        Files.delete(instance.resolve("conf/conf_client.yml"));
        real.start(bot, instance, Map.of("HEADLESS_MODE", "true"), new BotResources(256L * 1024 * 1024, 1.0));

        int exitCode = engine.call(client -> client.waitContainerCmd(bot)
                .exec(new WaitContainerResultCallback()))
                .awaitStatusCode(60, TimeUnit.SECONDS);
        assertThat(exitCode).isEqualTo(2);
        assertThat(real.state(bot)).contains(RuntimeState.EXITED);
        StringBuilder logs = new StringBuilder();
        engine.call(client -> client.logContainerCmd(bot).withStdOut(true).withStdErr(true)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        logs.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                })).awaitCompletion(30, TimeUnit.SECONDS);
        assertThat(logs.toString()).contains("The bot cannot start").contains("conf_client.yml");
    }

    private boolean imageExists(String image) {
        try {
            engine.call(client -> client.inspectImageCmd(image).exec());
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void exec(String script) throws InterruptedException {
        ExecCreateCmdResponse exec = engine.call(client -> client.execCreateCmd(bot)
                .withCmd("sh", "-c", script).withAttachStdout(true).withAttachStderr(true).exec());
        engine.call(client -> client.execStartCmd(exec.getId())
                .exec(new ResultCallback.Adapter<>()))
                .awaitCompletion(30, TimeUnit.SECONDS);
    }
}
