package io.aviary.orchestration.app;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.PruneType;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.orchestration.infra.DockerEngine;
import io.aviary.orchestration.domain.ArchiveTarget;
import io.aviary.orchestration.infra.LocalBotArchive;
import io.aviary.orchestration.infra.S3BotArchive;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The {@code /docker} use cases (api-catalog §1.1) on the engine at {@code DOCKER_HOST}. Container names are checked
 * like bot names before anything reaches the engine, so no request names a path outside {@code BOTS_PATH} and no
 * answer echoes unbounded input.
 */
@Service
public class DockerOperations {

    /** Hummingbot's own prefix for the containers hummingbot-api deploys (ca19b95). */
    static final String HUMMINGBOT_PREFIX = "hummingbot-";
    /** docker-py's {@code container.stop()} default grace period. */
    static final int STOP_GRACE_SECONDS = 10;

    private final DockerEngine engine;
    private final LocalBotArchive archive;
    private final S3BotArchive s3Archive;

    public DockerOperations(DockerEngine engine, LocalBotArchive archive, S3BotArchive s3Archive) {
        this.s3Archive = s3Archive;
        this.engine = engine;
        this.archive = archive;
    }

    public record ContainerSummary(String id, String name, String status) {
    }

    public record Removal(boolean success, String message) {
    }

    public boolean isRunning() {
        return engine.isReachable();
    }

    /** Every local image tag containing {@code fragment} (all tags when it is null or empty). */
    public List<String> imageTags(String fragment) {
        List<Image> images = engine.call(client -> client.listImagesCmd().exec());
        return images.stream()
                .flatMap(image -> image.getRepoTags() == null ? Stream.<String>empty()
                        : Arrays.stream(image.getRepoTags()))
                .filter(tag -> !"<none>:<none>".equals(tag))
                .filter(tag -> fragment == null || fragment.isEmpty() || tag.contains(fragment))
                .sorted()
                .toList();
    }

    /** Containers in {@code state} ({@code running}, {@code exited}) whose name contains the filter, ignoring case. */
    public List<ContainerSummary> containers(String state, String nameFilter) {
        List<Container> containers = engine.call(client -> client.listContainersCmd().withShowAll(true).exec());
        String filter = nameFilter == null ? "" : nameFilter.toLowerCase(Locale.ROOT);
        return containers.stream()
                .filter(c -> state.equals(c.getState()))
                .map(c -> new ContainerSummary(c.getId(), name(c), c.getState()))
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(filter))
                .toList();
    }

    /** {@code docker container prune}: removes every stopped container. */
    public void cleanExited() {
        engine.call(client -> client.pruneCmd(PruneType.CONTAINERS).exec());
    }

    public void start(String rawName) {
        String name = Names.botName(rawName);
        try {
            engine.call(client -> client.startContainerCmd(name).exec());
        } catch (NotFoundException e) {
            throw notFound(name);
        } catch (NotModifiedException e) {
            // already running: docker-py's start() succeeds too
        }
    }

    public void stop(String rawName) {
        String name = Names.botName(rawName);
        try {
            engine.call(client -> client.stopContainerCmd(name).withTimeout(STOP_GRACE_SECONDS).exec());
        } catch (NotFoundException e) {
            throw notFound(name);
        } catch (NotModifiedException e) {
            // already stopped
        }
    }

    /**
     * Force-removes a bot container, then moves its instance folder into the local archive or uploads it to S3.
     * Everything that could refuse is checked before the container goes, so a refusal leaves the container and the
     * folder as they were; a failed upload (after the container went) leaves the folder in place and answers its reason.
     */
    public Removal remove(String rawName, boolean archiveLocally, String s3Bucket) {
        String name = Names.botName(rawName);
        ArchiveTarget target = s3Archive.target(archiveLocally, s3Bucket);
        InspectContainerResponse container = inspect(name);
        if (!isBotContainer(name, container)) {
            throw new InvalidRequest("This endpoint only removes Hummingbot containers. Container '" + name
                    + "' is not a Hummingbot container.");
        }
        boolean hasInstance = archive.hasInstance(name);
        if (hasInstance && target instanceof ArchiveTarget.Local && archive.isArchived(name)) {
            throw new Conflict("An archive of '" + name + "' already exists; the container was not removed");
        }
        try {
            engine.call(client -> client.removeContainerCmd(name).withForce(true).exec());
        } catch (NotFoundException e) {
            throw notFound(name);
        }
        if (!hasInstance) {
            return new Removal(true, "Container " + name + " removed; it had no instance folder to archive.");
        }
        if (target instanceof ArchiveTarget.S3 s3) {
            var stored = s3Archive.archive(name, s3.bucket());
            return new Removal(true, "Container " + name + " removed and its instance folder archived to s3://"
                    + stored.bucket() + "/" + stored.key() + ".");
        }
        archive.archive(name);
        return new Removal(true, "Container " + name + " removed and its instance folder archived locally.");
    }

    private InspectContainerResponse inspect(String name) {
        try {
            return engine.call(client -> client.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            throw notFound(name);
        }
    }

    private static boolean isBotContainer(String name, InspectContainerResponse container) {
        Map<String, String> labels = container.getConfig() == null ? null : container.getConfig().getLabels();
        return name.startsWith(HUMMINGBOT_PREFIX) || (labels != null && labels.containsKey(DockerEngine.BOT_LABEL));
    }

    private static String name(Container container) {
        String[] names = container.getNames();
        if (names == null || names.length == 0) {
            return container.getId();
        }
        String first = Objects.requireNonNullElse(names[0], "");
        return first.startsWith("/") ? first.substring(1) : first;
    }

    private static NotFound notFound(String name) {
        return new NotFound("Container '" + name + "' not found");
    }
}
