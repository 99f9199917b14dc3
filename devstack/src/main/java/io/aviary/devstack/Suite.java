package io.aviary.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack: infrastructure (embedded or external) and one JVM per service, started in order,
 * health-checked, and stopped in reverse (services, then Kafka, MQTT, PostgreSQL). Used by the launcher and by
 * the system tests' {@code RunningSuite}.
 *
 * <p>With a {@link SuiteConfig#restartPolicy() restart policy} (the launcher's default) a {@link Supervisor} restarts
 * services and the embedded PostgreSQL that die unexpectedly once the suite is up. Stopping or killing a service
 * through this class ({@link #kill}, {@link #restart}, {@link #stopServices}) is on purpose and never fought.
 */
public final class Suite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Suite.class);

    private final SuiteConfig config;
    private final Infrastructure infrastructure;
    private final String javaCommand;
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private final List<ServiceProcess> extras = new CopyOnWriteArrayList<>();
    /** Further replicas of a service ({@code trading-service-2}...), also in {@link #extras}. */
    private final Map<String, ServiceProcess> replicas = new ConcurrentHashMap<>();
    private final Map<String, Path> preparedJars = new ConcurrentHashMap<>();
    private final AppCds appCds;
    private final Path pidFile;
    /** Services killed or stopped through this class and not started again yet: the supervisor leaves them down. */
    private final Set<String> stoppedOnPurpose = ConcurrentHashMap.newKeySet();
    /** Held while a service is replaced by a new JVM, so a deliberate start and a supervised restart never both run. */
    private final Object relaunchLock = new Object();
    private volatile Supervisor supervisor;
    private volatile DataDirLock lock;
    private volatile boolean closing;
    private boolean closed;

    public Suite(SuiteConfig config) {
        this.config = config;
        this.infrastructure = new Infrastructure(config);
        this.javaCommand = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        this.pidFile = config.dataDir().resolve("devstack.pids");
        this.appCds = new AppCds(config.cdsDir(), javaCommand, config.cdsMode(), config.jvmOptions());
    }

    public SuiteConfig config() {
        return config;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The {@code java} the services run on: the one running this JVM. */
    public String java() {
        return javaCommand;
    }

    /**
     * Locks the data dir, checks ports and jars, starts the infrastructure and then the services, and waits until
     * every service is healthy.
     *
     * @param progress   receives one human-readable line per step
     * @param keepGoing  when a service fails, report it and carry on with the others instead of failing
     * @return the services that failed (only ever non-empty with {@code keepGoing})
     * @throws SuiteException when something cannot start; whatever did start is still running: call {@link #close()}
     */
    public synchronized List<String> start(Consumer<String> progress, boolean keepGoing) {
        if (closing) {
            throw new SuiteException("the suite is shutting down");
        }
        lock = DataDirLock.acquire(config.dataDir());
        checkPorts();
        Map<String, Path> jars = new LinkedHashMap<>();
        for (ServiceSpec spec : config.services()) {
            jars.put(spec.module(), execJar(spec.module()));
        }
        if (config.watchdog()) {
            Watchdog.start(pidFile);
        }
        CompletableFuture<Void> cds = prepareLaunches(jars);
        long t0 = System.nanoTime();
        try {
            infrastructure.start();
        } catch (Exception e) {
            throw new SuiteException("Infrastructure failed to start: " + e.getMessage()
                    + "\n  (details in " + config.logDir().resolve("devstack.log") + ")", e);
        }
        writePidFile();
        progress.accept("infrastructure ready in " + seconds(System.nanoTime() - t0) + " ("
                + String.join(", ", infrastructure.embeddedPorts().keySet().stream()
                .filter(k -> !k.endsWith("controller")).toList()) + (infrastructure.embeddedPorts().isEmpty() ? "external" : " embedded") + ")");
        infrastructure.topics().stream().filter(TopicProvisioner.Outcome::notable)
                .forEach(topic -> progress.accept("topic " + topic.describe()));
        cds.join();
        List<String> failed = startServices(progress, keepGoing);
        startReplicas(progress);
        if (config.restartPolicy().enabled() && !closing) {
            // what failed to start is reported, not restarted: that would only repeat the failure
            supervisor = Supervisor.start(this, config.restartPolicy(), config.services().stream().map(ServiceSpec::module)
                    .filter(m -> !failed.contains(m)).toList(), progress);
        }
        return failed;
    }

    private List<String> startServices(Consumer<String> progress, boolean keepGoing) {
        Deque<ServiceSpec> pending = new ArrayDeque<>(config.services());
        List<ServiceProcess> starting = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        int limit = config.parallelism() == 0 ? Integer.MAX_VALUE : config.parallelism();
        while (!pending.isEmpty() || !starting.isEmpty()) {
            if (closing) {
                throw new SuiteException("interrupted: shutting down");
            }
            while (!pending.isEmpty() && starting.size() < limit) {
                ServiceSpec spec = pending.poll();
                starting.add(startService(spec));
            }
            for (ServiceProcess p : List.copyOf(starting)) {
                if (p.isHealthy()) {
                    starting.remove(p);
                    progress.accept(String.format("%-22s UP in %5.1f s  %s", p.name(), p.age().toMillis() / 1000.0, p.url()));
                } else if (!p.isAlive()) {
                    starting.remove(p);
                    String message = p.name() + " exited during start-up with status " + p.exitCode().orElse(-1)
                            + ". Last lines of " + p.logFile() + ":\n" + indent(p.tail(40));
                    if (!keepGoing) {
                        throw new SuiteException(message);
                    }
                    progress.accept("FAILED: " + message);
                    failed.add(p.name());
                }
            }
            if (System.nanoTime() > deadline && (!starting.isEmpty() || !pending.isEmpty())) {
                String message = "Not healthy after " + config.startTimeout().toSeconds() + " s: "
                        + Stream.concat(starting.stream().map(ServiceProcess::name), pending.stream().map(ServiceSpec::module))
                        .collect(Collectors.joining(", "))
                        + starting.stream().map(p -> "\nLast lines of " + p.logFile() + ":\n" + indent(p.tail(20)))
                        .collect(Collectors.joining());
                if (!keepGoing) {
                    throw new SuiteException(message);
                }
                progress.accept("FAILED: " + message);
                starting.forEach(p -> failed.add(p.name()));
                pending.forEach(s -> failed.add(s.module()));
                break;
            }
            ServiceProcess.sleep(150);
        }
        return failed;
    }

    /** The further replicas of every service configured with several, once their first instance is up. */
    private void startReplicas(Consumer<String> progress) {
        List<ServiceProcess> started = new ArrayList<>();
        for (ServiceSpec spec : config.services()) {
            List<Integer> ports = config.replicaPorts(spec.module());
            for (int i = 0; i < ports.size(); i++) {
                String name = replicaName(spec.module(), i + 2);
                ServiceProcess process = newProcess(spec, ports.get(i), Map.of("AVIARY_INSTANCE_ID", name), name, true, true);
                replicas.put(name, process);
                extras.add(process);
                launch(process);
                started.add(process);
            }
        }
        for (ServiceProcess process : started) {
            if (!process.awaitHealthy(config.startTimeout())) {
                throw new SuiteException("replica on port " + process.port() + " did not become healthy. Last lines of "
                        + process.logFile() + ":\n" + indent(process.tail(40)));
            }
            progress.accept("replica on port " + process.port() + " UP");
        }
        writePidFile();
    }

    /** {@code trading-service-2}: the second instance of {@code module} (the first one is {@code module} itself). */
    public static String replicaName(String module, int instance) {
        return module + "-" + instance;
    }

    /** A further replica started by the suite, by {@link #replicaName}. */
    public ServiceProcess replica(String name) {
        ServiceProcess process = replicas.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no replica " + name + "; running: " + replicas.keySet());
        }
        return process;
    }

    private ServiceProcess startService(ServiceSpec spec) {
        int port = config.port(spec.module());
        ServiceProcess process = newProcess(spec, port, Map.of(), spec.module(), true, true);
        services.put(spec.module(), process);
        launch(process);
        return process;
    }

    /**
     * Starts another JVM of {@code module} next to the suite (not health-checked, no CDS archive), with the environment
     * the suite would give it on {@code port} plus {@code overrides} (a {@code null} value removes a variable).
     * Its log is {@code <logDir>/<module>-extra-<n>.log}. It is stopped with the suite.
     */
    public ServiceProcess launchExtra(String module, int port, Map<String, String> overrides) {
        ServiceSpec spec = ServiceSpec.require(module);
        ServiceProcess process = newProcess(spec, port, overrides, module + "-extra-" + (extras.size() + 1), false, true);
        extras.add(process);
        launch(process);
        return process;
    }

    /** Stops a service of the suite and starts it again with the same settings; waits until healthy. */
    public ServiceProcess restart(String module) {
        stoppedOnPurpose.add(module);
        service(module).stop();
        return startAgain(module);
    }

    /**
     * Kills a service of the suite with SIGKILL: no shutdown hooks, no graceful stop, like a crash or an OOM kill.
     * On purpose, so it stays down (even when supervised) until {@link #startAgain}.
     */
    public void kill(String module) {
        stoppedOnPurpose.add(module);
        service(module).kill();
    }

    /** Starts a stopped or killed service of the suite again on its port with the same settings; waits until healthy. */
    public ServiceProcess startAgain(String module) {
        ServiceProcess fresh;
        synchronized (relaunchLock) {
            fresh = relaunch(module);
            stoppedOnPurpose.remove(module);
        }
        if (!fresh.awaitHealthy(config.startTimeout())) {
            throw new SuiteException(module + " did not come back after a restart. Last lines of " + fresh.logFile()
                    + ":\n" + indent(fresh.tail(40)));
        }
        return fresh;
    }

    /**
     * For the supervisor: starts a service that died unexpectedly again (not awaited). Empty when there is nothing
     * to do: it runs again, it was stopped on purpose, or the suite is closing.
     */
    Optional<ServiceProcess> relaunchCrashed(String module) {
        synchronized (relaunchLock) {
            if (closing || stoppedOnPurpose.contains(module) || service(module).isAlive()) {
                return Optional.empty();
            }
            return Optional.of(relaunch(module));
        }
    }

    /** True while a service is down because it was killed or stopped through this class. */
    boolean isStoppedOnPurpose(String module) {
        return stoppedOnPurpose.contains(module);
    }

    /** For the supervisor: the embedded PostgreSQL again after its postmaster died; false if it was stopped meanwhile. */
    boolean restartPostgresAfterCrash() throws IOException {
        if (closing) {
            return false;
        }
        boolean restarted = infrastructure.postgres().restartAfterCrash();
        writePidFile(); // the watchdog must find the new postmaster
        return restarted;
    }

    /** A new JVM for {@code module} on its port, logging to the same file; replaces the old process handle. */
    private ServiceProcess relaunch(String module) {
        ServiceProcess old = service(module);
        ServiceProcess fresh = newProcess(ServiceSpec.require(module), old.port(), Map.of(), module, true, false);
        services.put(module, fresh);
        launch(fresh);
        return fresh;
    }

    /** True when a supervisor restarts what dies unexpectedly. */
    public boolean isSupervised() {
        return supervisor != null;
    }

    private void launch(ServiceProcess process) {
        if (closing) {
            throw new SuiteException("the suite is shutting down");
        }
        try {
            process.start();
            log.info("Started {} (pid {}): {}", process.name(), process.pid(), String.join(" ", process.command()));
        } catch (IOException e) {
            throw new SuiteException("Cannot start " + process.name() + ": " + e.getMessage(), e);
        } finally {
            writePidFile();
        }
    }

    private ServiceProcess newProcess(ServiceSpec spec, int port, Map<String, String> overrides, String logName, boolean cds,
            boolean freshLog) {
        Path jar = preparedJars.getOrDefault(spec.module(), execJar(spec.module()));
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(config.jvmOptions(spec.module(), overrides));
        List<String> cdsFlags = cds && !jar.equals(execJar(spec.module())) ? appCds.flags(spec.module()) : List.of();
        command.addAll(cdsFlags);
        Duration stopGrace = appCds.recordsOnExit(spec.module(), cdsFlags) ? Duration.ofSeconds(180) : Duration.ofSeconds(30);
        command.add("-D" + Watchdog.OWNER_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(jar.toString());
        return new ServiceProcess(spec.module(), port, command, environmentFor(spec, port, overrides), config.workDir(),
                config.logDir().resolve(logName + ".log"), freshLog, stopGrace);
    }

    /**
     * The environment {@code spec} gets on {@code port}: the inherited variables minus other services' secrets,
     * plus the wiring: {@code SERVER_PORT}, {@code SERVER_ADDRESS}, {@code DATABASE_URL}, {@code KAFKA_BOOTSTRAP_SERVERS},
     * {@code BROKER_HOST}/{@code BROKER_PORT}, {@code AVIARY_INTERNAL_TOKEN} and every {@code AVIARY_<SERVICE>_URL}.
     * Every service listens on loopback only; the gateway on {@link SuiteConfig#gatewayBindAddress()}, and it is
     * told which credentials are development defaults ({@code AVIARY_DEV_DEFAULTS}) so it can refuse to expose them.
     * With the embedded PostgreSQL a service logs in as its own role, and one without a schema gets no database.
     * {@code AVIARY_DOTENV=off}: the child must not read {@code .env} again, it would get the stripped secrets back.
     */
    public Map<String, String> environmentFor(ServiceSpec spec, int port, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>(config.environment());
        for (String secret : ServiceSpec.allSecrets(ServiceSpec.ALL)) {
            if (!spec.secrets().contains(secret)) {
                env.remove(secret);
            }
        }
        env.putAll(infrastructure.serviceEnvironment());
        env.put("AVIARY_DOTENV", "off");
        if (infrastructure.postgres() != null) {
            if (spec.schema() == null) {
                env.remove("DATABASE_URL");
            } else {
                env.put("DATABASE_URL", infrastructure.postgres().databaseUrl(spec.databaseRole()));
            }
        }
        env.put("SERVER_PORT", Integer.toString(port));
        // Spring Boot's server.address: nothing but the gateway is meant to be reached from another machine
        env.put("SERVER_ADDRESS", spec.isGateway() ? config.gatewayBindAddress() : SuiteConfig.LOOPBACK);
        if (spec.isGateway()) {
            env.put("AVIARY_DEV_DEFAULTS", String.join(",", config.devDefaultsUsed()));
        }
        env.put(SuiteConfig.INTERNAL_TOKEN, config.internalToken());
        // the simulated venue keeps its accounts and orders with the rest of the suite's data
        env.put("SIM_EXCHANGE_DATA_DIR", config.dataDir().resolve("sim-exchange").toString());
        // bot instance folders (orchestration's BOTS_PATH, which holds bots/) live with the rest of the suite's data too
        env.putIfAbsent("BOTS_PATH", config.dataDir().toString());
        if (spec.module().equals("orchestration-service")) {
            // the local-process runtime starts bots from the bot module's runnable jar
            botJar().ifPresent(jar -> env.putIfAbsent("AVIARY_BOT_JAR", jar.toString()));
        }
        // where every service is (the gateway routes with these, over every replica; any service may call another)
        for (ServiceSpec other : ServiceSpec.ALL) {
            if (other.urlVariable() != null) {
                env.put(other.urlVariable(), spec.isGateway() ? String.join(",", config.instanceUrls(other.module()))
                        : "http://127.0.0.1:" + config.port(other.module()));
            }
        }
        if (!config.replicaPorts(spec.module()).isEmpty()) {
            env.put("AVIARY_INSTANCE_ID", replicaName(spec.module(), 1)); // the further replicas get theirs as overrides
        }
        overrides.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        return env;
    }

    /**
     * The bot's runnable jar ({@code bot/target/bot-<version>.jar} with its {@code lib/}) when it has been built;
     * without it orchestration answers a deploy with a 503 naming it.
     */
    private Optional<Path> botJar() {
        Path target = config.repoRoot().resolve("bot").resolve("target");
        if (!Files.isDirectory(target.resolve("lib"))) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("bot-[0-9][^/]*\\.jar")
                            && !p.getFileName().toString().matches(".*-(exec|tests|sources)\\.jar"))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code <repo>/<module>/target/<module>-<version>-exec.jar}, the newest if several versions are there. */
    public Path execJar(String module) {
        Path target = config.repoRoot().resolve(module).resolve("target");
        Optional<Path> jar = Optional.empty();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().startsWith(module + "-")
                                && p.getFileName().toString().endsWith("-exec.jar"))
                        .max(Comparator.comparingLong(Suite::lastModified));
            } catch (IOException e) {
                throw new SuiteException("Cannot list " + target + ": " + e.getMessage(), e);
            }
        }
        return jar.orElseThrow(() -> new SuiteException("No runnable jar for " + module + " (expected "
                + target.resolve(module + "-<version>-exec.jar") + "). Build the suite first: ./mvnw -B -DskipTests install "
                + "(or mvn -B -DskipTests install) at " + config.repoRoot()));
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private CompletableFuture<Void> prepareLaunches(Map<String, Path> jars) {
        if (appCds.mode() == CdsMode.OFF) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            Files.createDirectories(config.cdsDir());
        } catch (IOException e) {
            log.warn("No CDS: cannot create {}: {}", config.cdsDir(), e.toString());
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        jars.forEach((module, jar) -> all.add(CompletableFuture.runAsync(
                () -> preparedJars.put(module, appCds.prepare(module, jar)), r -> Thread.ofPlatform().daemon().start(r))));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private void checkPorts() {
        Map<String, Integer> wanted = new LinkedHashMap<>(infrastructure.embeddedPorts());
        for (ServiceSpec spec : config.services()) {
            wanted.put(spec.module(), config.port(spec.module()));
        }
        List<String> busy = wanted.entrySet().stream()
                .filter(e -> !Ports.isFree(e.getValue()))
                .map(e -> e.getValue() + " (" + e.getKey() + ")")
                .toList();
        if (!busy.isEmpty()) {
            throw new SuiteException("Port" + (busy.size() > 1 ? "s " : " ") + String.join(", ", busy)
                    + (busy.size() > 1 ? " are" : " is") + " already in use. Is another Aviary stack (or another "
                    + "PostgreSQL/Kafka/MQTT) running? Stop it, or point the suite at it with DATABASE_URL / "
                    + "KAFKA_BOOTSTRAP_SERVERS / BROKER_HOST.");
        }
    }

    public ServiceProcess service(String module) {
        ServiceProcess p = services.get(module);
        if (p == null) {
            throw new IllegalArgumentException(module + " is not part of this suite; running: " + services.keySet());
        }
        return p;
    }

    public List<ServiceProcess> services() {
        return config.services().stream().map(s -> services.get(s.module())).filter(java.util.Objects::nonNull).toList();
    }

    /** Keeps {@code <dataDir>/devstack.pids} current for the watchdog. */
    private synchronized void writePidFile() {
        StringBuilder sb = new StringBuilder();
        Stream.concat(services.values().stream(), extras.stream())
                .filter(ServiceProcess::isAlive)
                .forEach(p -> sb.append("service ").append(p.pid()).append('\n'));
        if (infrastructure.postgres() != null) {
            infrastructure.postgres().postmaster().ifPresent(p -> sb.append("postgres ").append(p.pid()).append('\n'));
        }
        try {
            Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
            Files.writeString(tmp, sb.toString());
            Files.move(tmp, pidFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot write {}: {}", pidFile, e.toString());
        }
    }

    /** True once {@link #start} got past the data-dir lock (so there may be something to stop). */
    public boolean holdsDataDir() {
        return lock != null;
    }

    /** True once {@link #close()} was called (e.g. by a shutdown hook while still starting). */
    public boolean isClosing() {
        return closing;
    }

    /** True when some running service writes its start-up archive as it stops (first run after a build). */
    public boolean recordingArchives() {
        return services.values().stream().anyMatch(p -> p.isAlive() && p.stopGrace().compareTo(Duration.ofSeconds(30)) > 0);
    }

    /** Stops every service JVM (SIGTERM, in parallel, SIGKILL after 30 s). */
    public void stopServices() {
        config.services().forEach(s -> stoppedOnPurpose.add(s.module()));
        List<ServiceProcess> all = Stream.concat(services.values().stream(), extras.stream()).toList();
        all.stream().map(p -> CompletableFuture.runAsync(() -> {
                    if (!p.isAlive()) {
                        return;
                    }
                    long t0 = System.nanoTime();
                    p.stop();
                    log.info("Stopped {} in {} ms (exit status {})", p.name(),
                            java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), p.exitCode().orElse(-1));
                }, r -> Thread.ofPlatform().daemon().start(r)))
                .toList().forEach(CompletableFuture::join);
    }

    /** Services first, then Kafka, MQTT and PostgreSQL; then the pid file and the data-dir lock. Idempotent. */
    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (lock == null) {
            return; // never got the data dir: nothing of ours is running, and the pid file belongs to another launcher
        }
        if (supervisor != null) {
            supervisor.close();
        }
        stopServices();
        infrastructure.close();
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the watchdog checks ownership anyway
        }
        if (lock != null) {
            lock.close();
        }
    }

    static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    static String indent(List<String> lines) {
        return lines.stream().map(l -> "    | " + l).collect(Collectors.joining("\n"));
    }
}
