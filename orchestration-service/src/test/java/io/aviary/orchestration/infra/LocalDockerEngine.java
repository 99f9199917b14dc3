package io.aviary.orchestration.infra;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The Docker engine of this machine for tests that need one: {@code .ci/run} installs Debian's docker.io and starts
 * dockerd; elsewhere those tests are skipped with a message saying so. There is no registry here, so the test image
 * is built locally: busybox (Debian's busybox-static) in an image {@code FROM scratch} whose command sleeps an hour
 * and ends at once on SIGTERM (a plain sleep as PID 1 would ignore it and make every stop wait out its grace).
 */
public final class LocalDockerEngine {

    public static final String HOST = "unix:///var/run/docker.sock";
    public static final String SLEEP_IMAGE = "aviary/busybox-sleep:2";
    private static final Path BUSYBOX = Path.of("/bin/busybox");

    private LocalDockerEngine() {
    }

    public static DockerEngine engine() {
        return new DockerEngine(HOST, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    /** Skips the calling test unless an engine answers at {@link #HOST}. */
    public static DockerEngine assumeEngine() {
        DockerEngine engine = engine();
        assumeTrue(engine.isReachable(), "no Docker engine answers at " + HOST
                + ": install docker.io and start dockerd (.ci/run does) to run the Docker tests");
        return engine;
    }

    /** The busybox image whose default command sleeps (until SIGTERM); built once per engine. */
    public static String sleepImage(DockerEngine engine) {
        try {
            engine.call(client -> client.inspectImageCmd(SLEEP_IMAGE).exec());
            return SLEEP_IMAGE;
        } catch (NotFoundException missing) {
            assumeTrue(Files.isExecutable(BUSYBOX), BUSYBOX + " is missing: install busybox-static");
        }
        try {
            Path context = Files.createTempDirectory("aviary-busybox-image");
            Files.copy(BUSYBOX, context.resolve("busybox"));
            Files.writeString(context.resolve("Dockerfile"), """
                    FROM scratch
                    COPY busybox /bin/busybox
                    RUN ["/bin/busybox", "--install", "-s", "/bin"]
                    CMD ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                    """);
            engine.call(client -> client.buildImageCmd(context.toFile()).withTags(Set.of(SLEEP_IMAGE))
                    .exec(new BuildImageResultCallback()).awaitImageId());
            return SLEEP_IMAGE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
