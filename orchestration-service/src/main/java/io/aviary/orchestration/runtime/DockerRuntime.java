package io.aviary.orchestration.runtime;

import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Volume;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.Unavailable;
import io.aviary.orchestration.domain.BotRuntimeDriver;
import io.aviary.orchestration.infra.DockerEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Bots as Docker containers, the way hummingbot-api runs them (api-catalog §6.2): one container per bot named as the
 * bot, host networking (the bot reaches the MQTT broker on localhost), the instance folder's conf/data/logs mounted
 * at Hummingbot's paths, Hummingbot's environment, json-file logs rotated at 10 MB × 5, and the bot's memory and CPU
 * limits. The image is {@code BOT_IMAGE}: Aviary's bot image by default, {@code hummingbot/hummingbot} works as is.
 * Every container carries the label {@value DockerEngine#BOT_LABEL} with the bot's name, which is how bots are found
 * again after a restart of orchestration-service.
 */
@Component
@ConditionalOnExpression("'${aviary.bots.runtime:${BOT_RUNTIME:process}}' == 'docker'")
public class DockerRuntime implements BotRuntimeDriver {

    static final Map<String, String> LOG_ROTATION = Map.of("max-size", "10m", "max-file", "5");

    private final DockerEngine engine;
    private final String image;
    private final Duration stopGrace;
    private final String user;

    public DockerRuntime(DockerEngine engine,
                         @Value("${aviary.bots.image}") String image,
                         @Value("${aviary.bots.docker.stop-grace:20s}") Duration stopGrace,
                         @Value("${aviary.bots.docker.user:${BOT_CONTAINER_USER:}}") String user) {
        this.engine = engine;
        this.image = image;
        this.stopGrace = stopGrace;
        this.user = user;
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public void start(String botName, Path instanceFolder, Map<String, String> environment, BotResources resources) {
        requireImage();
        Path folder = instanceFolder.toAbsolutePath().normalize();
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode("host")
                .withBinds(binds(folder))
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, LOG_ROTATION));
        if (resources.memoryBytes() != null) {
            host.withMemory(resources.memoryBytes());
        }
        if (resources.cpus() != null) {
            host.withNanoCPUs(Math.round(resources.cpus() * 1_000_000_000L));
        }
        List<String> env = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        CreateContainerResponse created;
        try {
            created = engine.call(client -> client.createContainerCmd(image)
                    .withName(botName)
                    .withLabels(Map.of(DockerEngine.BOT_LABEL, botName))
                    .withEnv(env)
                    .withUser(containerUser(folder))
                    // Hummingbot's client wants a terminal unless HEADLESS_MODE; hummingbot-api gives it one too
                    .withTty(true)
                    .withStdinOpen(true)
                    .withHostConfig(host)
                    .exec());
        } catch (ConflictException e) {
            throw new Conflict("A container named '" + botName + "' already exists");
        }
        try {
            engine.call(client -> client.startContainerCmd(created.getId()).exec());
        } catch (RuntimeException e) {
            // nothing half-created: a container that cannot start is not left behind
            removeQuietly(created.getId());
            throw e;
        }
    }

    @Override
    public void stop(String botName) {
        try {
            engine.call(client -> client.stopContainerCmd(botName).withTimeout((int) stopGrace.toSeconds()).exec());
        } catch (NotFoundException | NotModifiedException e) {
            // gone or already stopped: stopping is idempotent
        }
    }

    @Override
    public void remove(String botName) {
        try {
            engine.call(client -> client.removeContainerCmd(botName).withForce(true).exec());
        } catch (NotFoundException e) {
            // already gone
        }
    }

    @Override
    public Optional<RuntimeState> state(String botName) {
        InspectContainerResponse container;
        try {
            container = engine.call(client -> client.inspectContainerCmd(botName).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (!isBot(container, botName)) {
            return Optional.empty();
        }
        return Optional.of(state(container.getState()));
    }

    @Override
    public List<String> bots() {
        List<Container> containers = engine.call(client -> client.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(DockerEngine.BOT_LABEL)).exec());
        return containers.stream().map(c -> c.getLabels().get(DockerEngine.BOT_LABEL)).sorted().toList();
    }

    static RuntimeState state(InspectContainerResponse.ContainerState state) {
        if (state == null || state.getStatus() == null) {
            return RuntimeState.UNKNOWN;
        }
        return switch (state.getStatus()) {
            case "running" -> RuntimeState.RUNNING;
            case "created", "restarting" -> RuntimeState.STARTING;
            case "exited", "dead" -> RuntimeState.EXITED;
            default -> RuntimeState.UNKNOWN;
        };
    }

    /** Hummingbot's mounts (api-catalog §6.2) as bind mounts. */
    static List<Bind> binds(Path folder) {
        return HummingbotMounts.of(folder).stream()
                .map(mount -> new Bind(mount.source().toString(), new Volume(mount.target()))).toList();
    }

    /**
     * {@code BOT_CONTAINER_USER} when set; otherwise the owner of the instance folder, so the bot can write its data
     * and logs into the mounts and the files it writes belong to whoever owns the folder.
     */
    private String containerUser(Path folder) {
        if (!user.isBlank()) {
            return user;
        }
        return FolderOwner.of(folder).map(FolderOwner::toString).orElse("");
    }

    private void requireImage() {
        try {
            engine.call(client -> client.inspectImageCmd(image).exec());
        } catch (NotFoundException e) {
            throw new Unavailable("Bot image " + image + " is not on the Docker engine at " + engine.host()
                    + ": build it with deploy/images/build-bot-image.sh or set BOT_IMAGE");
        }
    }

    private void removeQuietly(String containerId) {
        try {
            engine.call(client -> client.removeContainerCmd(containerId).withForce(true).exec());
        } catch (RuntimeException ignored) {
            // the start failure is what the caller needs to see
        }
    }

    private static boolean isBot(InspectContainerResponse container, String botName) {
        Map<String, String> labels = container.getConfig() == null ? null : container.getConfig().getLabels();
        return labels != null && botName.equals(labels.get(DockerEngine.BOT_LABEL));
    }
}
