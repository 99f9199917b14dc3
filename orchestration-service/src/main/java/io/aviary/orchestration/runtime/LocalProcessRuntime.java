package io.aviary.orchestration.runtime;

import io.aviary.orchestration.domain.BotRuntimeDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each bot as a child process of orchestration-service (BOTS.md "Runtimes", the default of {@code ./run.sh}):
 * the bot jar with the instance folder as its argument, Hummingbot's environment, its output appended to
 * {@code logs/bot.log} in the folder.
 *
 * <p>Bots outlive a restart of orchestration-service: a child is not killed when its parent ends (nothing here asks
 * for that), its output goes to a file rather than a pipe the parent held, and its PID and start time are written to
 * {@value #PID_FILE} in the instance folder. At start the runtime scans the instance folders and re-adopts every bot
 * whose recorded process still runs (same PID <em>and</em> start time, so a reused PID is never mistaken for a bot).
 * An adopted bot is watched through its {@link ProcessHandle}; it is stopped the same way.
 *
 * <p>The same PID file lets several orchestration-service replicas on one host share the bots (ADR 0033): a replica
 * asked about a bot it does not run (or whose process it saw end) reads the bot's PID file and adopts the process
 * recorded there when it runs. So the supervising replica never mistakes a bot another replica started for an ended
 * one, any replica can stop it, and the survivor of a replica's death takes its bots over. Replicas on different hosts
 * cannot see each other's processes: use the Docker or Kubernetes runtime there.
 *
 * <p>The child gets a clean environment: only what {@link #start} is given plus a few variables a JVM needs
 * ({@link #INHERITED}). orchestration's own secrets (internal token, credentials token, database URL) never reach it.
 */
public final class LocalProcessRuntime implements BotRuntimeDriver {

    /** In the instance folder: {@code <pid> <start instant>}. */
    public static final String PID_FILE = "bot.pid";
    public static final String LOG_FILE = "logs/bot.log";
    /** Variables the child inherits from orchestration-service besides those it is given. */
    static final Set<String> INHERITED = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "JAVA_HOME",
            "JAVA_TOOL_OPTIONS");
    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessRuntime.class);

    private final Function<Path, List<String>> command;
    private final Duration grace;
    private final Path instances;
    private final Map<String, Bot> bots = new ConcurrentHashMap<>();

    /** A bot this runtime started or re-adopted. */
    private record Bot(Path folder, ProcessHandle process) {
    }

    /**
     * @param command   the command line for an instance folder, e.g. {@code java -jar bot.jar <folder>}
     * @param grace     how long a bot has to end after SIGTERM before it is killed
     * @param instances the folder of instance folders, scanned for bots to re-adopt
     */
    public LocalProcessRuntime(Function<Path, List<String>> command, Duration grace, Path instances) {
        this.command = command;
        this.grace = grace;
        this.instances = instances.toAbsolutePath().normalize();
        adoptRunning(instances);
    }

    /**
     * {@code <java> -jar <jar> <folder>}, with the JVM that runs orchestration-service (Java 21 or later).
     * A missing jar fails the start with a message that says how to get one.
     */
    public static Function<Path, List<String>> javaJar(Path jar) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return folder -> {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no bot jar at " + jar + ": build it (./mvnw -pl bot -am package) or "
                        + "set AVIARY_BOT_JAR");
            }
            return List.of(java, "-jar", jar.toString(), folder.toString());
        };
    }

    @Override
    public String kind() {
        return "process";
    }

    @Override
    public void start(String botName, Path instanceFolder, Map<String, String> environment, BotResources resources) {
        Bot running = current(botName);
        if (running != null && running.process().isAlive()) {
            throw new IllegalStateException("bot " + botName + " runs already (pid " + running.process().pid() + ")");
        }
        ProcessBuilder builder = new ProcessBuilder(command.apply(instanceFolder)).directory(instanceFolder.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().retainAll(INHERITED);
        env.putAll(environment);
        Path log = instanceFolder.resolve(LOG_FILE);
        try {
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            ProcessHandle process = builder.start().toHandle();
            writePidFile(instanceFolder, process);
            bots.put(botName, new Bot(instanceFolder, process));
            LOG.info("Started bot {} as process {}", botName, process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bot process: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop(String botName) {
        Bot bot = current(botName);
        if (bot == null || !bot.process().isAlive()) {
            return;
        }
        bot.process().destroy();
        try {
            bot.process().onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Bot {} did not end within {} s of SIGTERM; killing it", botName, grace.toSeconds());
            bot.process().destroyForcibly();
            awaitExit(bot.process());
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for bot " + botName + " to end failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping bot " + botName, e);
        }
    }

    @Override
    public void remove(String botName) {
        Bot bot = current(botName);
        if (bot != null && bot.process().isAlive()) {
            throw new IllegalStateException("bot " + botName + " still runs: stop it first");
        }
        bots.remove(botName);
        if (bot != null) {
            try {
                Files.deleteIfExists(bot.folder().resolve(PID_FILE));
            } catch (IOException e) {
                LOG.warn("Could not remove the PID file of {}: {}", botName, e.getMessage());
            }
        }
    }

    @Override
    public Optional<RuntimeState> state(String botName) {
        Bot bot = current(botName);
        if (bot == null) {
            return Optional.empty();
        }
        return Optional.of(bot.process().isAlive() ? RuntimeState.RUNNING : RuntimeState.EXITED);
    }

    @Override
    public List<String> bots() {
        return bots.keySet().stream().sorted().toList();
    }

    /** The PID of a bot's process, for logs and tests. */
    public Optional<Long> pid(String botName) {
        return Optional.ofNullable(current(botName)).map(bot -> bot.process().pid());
    }

    /**
     * The bot's live process as this runtime knows it, else the live process its PID file records (started by
     * another replica on this host, or restarted there after the one known here ended), adopted; else what is known
     * (an ended process, or {@code null}).
     */
    private Bot current(String botName) {
        Bot known = bots.get(botName);
        if (known != null && known.process().isAlive()) {
            return known;
        }
        Path folder = known != null ? known.folder() : instances.resolve(botName).normalize();
        if (!folder.getParent().equals(instances) || !Files.isRegularFile(folder.resolve(PID_FILE))) {
            return known;
        }
        Optional<ProcessHandle> recorded = recorded(folder)
                .filter(process -> known == null || process.pid() != known.process().pid());
        if (recorded.isEmpty()) {
            return known;
        }
        Bot adopted = new Bot(folder, recorded.get());
        bots.put(botName, adopted);
        LOG.info("Adopted bot {} (process {}) started by another orchestration-service replica", botName,
                adopted.process().pid());
        return adopted;
    }

    private void adoptRunning(Path instances) {
        if (!Files.isDirectory(instances)) {
            return;
        }
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> list = Files.list(instances)) {
            list.filter(folder -> Files.isRegularFile(folder.resolve(PID_FILE))).forEach(folders::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path folder : folders) {
            recorded(folder).ifPresent(process -> {
                String botName = folder.getFileName().toString();
                bots.put(botName, new Bot(folder, process));
                LOG.info("Re-adopted bot {} (process {}) left running by an earlier orchestration-service", botName,
                        process.pid());
            });
        }
    }

    /** The recorded process when it still runs and started when recorded (a reused PID does not match). */
    private static Optional<ProcessHandle> recorded(Path folder) {
        try {
            String[] parts = Files.readString(folder.resolve(PID_FILE), StandardCharsets.UTF_8).strip().split(" ");
            long pid = Long.parseLong(parts[0]);
            Optional<Instant> started = parts.length > 1 ? Optional.of(Instant.parse(parts[1])) : Optional.empty();
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> started.isEmpty() || process.info().startInstant().equals(started));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable {} in {}: {}", PID_FILE, folder.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }

    private static void writePidFile(Path folder, ProcessHandle process) throws IOException {
        String started = process.info().startInstant().map(Instant::toString).orElse("");
        // written aside and moved in: another replica reading it (ADR 0033) sees the old file or the whole new one
        Path written = folder.resolve(PID_FILE + ".new");
        Files.writeString(written, (process.pid() + " " + started).strip() + "\n", StandardCharsets.UTF_8);
        Files.move(written, folder.resolve(PID_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Process {} did not end after SIGKILL within 10 s", process.pid());
        }
    }
}
