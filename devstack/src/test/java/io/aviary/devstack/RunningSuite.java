package io.aviary.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The whole Aviary suite, started once per test JVM and shared by every system test (stopped by a shutdown hook):
 * PostgreSQL, Kafka and MQTT embedded (or the ones named by {@code DATABASE_URL}, {@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code BROKER_HOST}), and every service as its own JVM from {@code <repo>/<module>/target/*-exec.jar}, exactly
 * as {@code ./run.sh} runs them. Ports are random free ones, so a dev stack on the default ports is not disturbed.
 *
 * <p>Data and logs live in a fresh directory {@code devstack/target/system-tests/run-<time>-<pid>} (logs are kept
 * after the run; the databases are deleted). Credentials are random per run.
 *
 * <p>System properties: {@code aviary.repo} (set by the build), {@code aviary.test.services} (comma-separated
 * subset to start), {@code aviary.test.startTimeout} (seconds, default 180), {@code aviary.test.cds} (AppCDS
 * archives cached in {@code devstack/target/system-tests/cds}; default off), {@code aviary.test.keepData}.
 *
 * <p>A test that needs a suite of its own (supervised, or with other settings) starts one with {@link #startSeparate}
 * and closes it when done; the shared suite is never supervised, since tests kill its services on purpose.
 */
public final class RunningSuite implements AutoCloseable {

    /** Every service module of the suite (also the names {@link #serviceLog} and {@link #serviceUrl} take). */
    public static final List<String> MODULES = ServiceSpec.ALL.stream().map(ServiceSpec::module).toList();

    private static RunningSuite instance;
    private static RuntimeException startFailure;

    private final Suite suite;
    private final SuiteConfig config;
    private final Runnable stop;

    private RunningSuite(Suite suite, Runnable stop) {
        this.suite = suite;
        this.config = suite.config();
        this.stop = stop;
    }

    /** The running suite; the first call starts it (about 20–40 s on 2 cores) and fails if a service jar is missing. */
    public static synchronized RunningSuite get() {
        if (instance != null) {
            return instance;
        }
        if (startFailure != null) {
            throw new IllegalStateException("The suite failed to start earlier in this JVM: " + startFailure.getMessage(), startFailure);
        }
        try {
            instance = start("run", builder -> {
                String only = System.getProperty("aviary.test.services");
                if (only != null && !only.isBlank()) {
                    builder.services(Arrays.stream(only.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                            .map(ServiceSpec::require).toList());
                }
            }, line -> System.out.println("[RunningSuite] " + line));
            return instance;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    /**
     * A suite of its own next to the shared one (own data dir {@code <label>-<time>-<pid>}, own random ports, same
     * test settings), changed by {@code customize} (which services, a restart policy...). Progress lines, and what
     * its supervisor reports, go to {@code console}. Stop it with {@link #close()}.
     */
    public static RunningSuite startSeparate(String label, Consumer<SuiteConfig.Builder> customize, Consumer<String> console) {
        return start(label, customize, console);
    }

    /**
     * A suite of its own with {@code env} on top of the shared suite's settings; with a {@code startOrder}, only
     * those services, started one after another in that order (to make a start-up race certain).
     */
    public static RunningSuite startSeparate(String label, Map<String, String> env, List<String> startOrder) {
        return startSeparate(label, builder -> {
            env.forEach(builder::env);
            if (!startOrder.isEmpty()) {
                builder.services(startOrder.stream().map(ServiceSpec::require).toList()).parallelism(1);
            }
        }, line -> System.out.println("[" + label + "] " + line));
    }

    public static RunningSuite startSeparate(String label, Map<String, String> env) {
        return startSeparate(label, env, List.of());
    }

    private static RunningSuite start(String label, Consumer<SuiteConfig.Builder> customize, Consumer<String> console) {
        Path repo = repoRoot();
        Path runs = repo.resolve("devstack").resolve("target").resolve("system-tests");
        Path dataDir = runs.resolve(label + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + ProcessHandle.current().pid());
        String tag = HexFormat.of().formatHex(randomBytes(6));
        SuiteConfig.Builder builder = SuiteConfig.builder(repo)
                .dataDir(dataDir)
                .workDir(dataDir)
                .readDotEnv(false)
                .randomPorts()
                .cds(CdsMode.parse(System.getProperty("aviary.test.cds", "extract")), runs.resolve("cds"))
                .startTimeout(Duration.ofSeconds(Long.getLong("aviary.test.startTimeout", 180)))
                .env("USERNAME", "admin")
                .env("PASSWORD", "pw-" + tag)
                .env("CONFIG_PASSWORD", "vault-" + tag)
                .env(SuiteConfig.INTERNAL_TOKEN, HexFormat.of().formatHex(randomBytes(24)))
                // short periods so tests see funding, reconciliation and balance polls within seconds
                .env("SIM_EXCHANGE_FUNDING_INTERVAL", "20s")
                .env("TRADING_RECONCILE_INTERVAL", "3s")
                .env("ACCOUNT_UPDATE_INTERVAL", "1")
                // sim fill history in pages of 10, so reconciliation reads several pages in every test
                .env("AVIARY_SIM_FILL_PAGE_SIZE", "10");
        customize.accept(builder);
        SuiteConfig config = builder.build();
        Suite suite = new Suite(config);
        for (ServiceSpec spec : config.services()) {
            suite.execJar(spec.module()); // fail fast, before any infrastructure starts, when a jar is missing
        }
        Runnable stop = () -> {
            suite.close();
            if (!Boolean.getBoolean("aviary.test.keepData")) {
                for (String dir : List.of("postgres", "kafka", "hivemq")) {
                    try {
                        AppCds.deleteTree(dataDir.resolve(dir));
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "aviary-running-suite-stop"));
        long t0 = System.nanoTime();
        try {
            suite.start(console, false);
        } catch (RuntimeException e) {
            suite.close(); // free the ports and the infrastructure now; every later get() fails fast with this cause
            throw new IllegalStateException("The Aviary suite did not start (data and logs: " + dataDir + "):\n"
                    + e.getMessage(), e);
        }
        console.accept("all services UP in " + Suite.seconds(System.nanoTime() - t0) + "; data and logs in " + dataDir);
        return new RunningSuite(suite, stop);
    }

    /** Stops a suite from {@link #startSeparate} and deletes its databases; the shared one stops when the test JVM exits. */
    @Override
    public void close() {
        if (this == instance) {
            throw new IllegalStateException("the shared suite stops when the test JVM exits");
        }
        stop.run();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static Path repoRoot() {
        String property = System.getProperty("aviary.repo");
        Path repo = property != null && !property.isBlank() ? Path.of(property)
                : Files.isDirectory(Path.of("devstack")) ? Path.of("") : Path.of("..");
        return repo.toAbsolutePath().normalize();
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        return Ports.free();
    }

    // ---- where things are

    public String gatewayUrl() {
        return serviceUrl("gateway");
    }

    /** {@code http://127.0.0.1:<port>} of a service of the suite. */
    public String serviceUrl(String module) {
        ServiceSpec.require(module);
        return "http://127.0.0.1:" + config.port(module);
    }

    public int servicePort(String module) {
        ServiceSpec.require(module);
        return config.port(module);
    }

    public String jdbcUrl() {
        return suite.infrastructure().jdbcUrl();
    }

    public String jdbcUser() {
        return suite.infrastructure().databaseUser();
    }

    public String jdbcPassword() {
        return suite.infrastructure().databasePassword();
    }

    /** As the services get it: {@code postgresql://user:pass@host:port/db}. */
    public String databaseUrl() {
        return suite.infrastructure().databaseUrl();
    }

    public String kafkaBootstrap() {
        return suite.infrastructure().kafkaBootstrap();
    }

    public String mqttHost() {
        return suite.infrastructure().mqttHost();
    }

    public int mqttPort() {
        return suite.infrastructure().mqttPort();
    }

    public String username() {
        return config.env("USERNAME");
    }

    public String password() {
        return config.env("PASSWORD");
    }

    public String internalToken() {
        return config.internalToken();
    }

    public String credentialsToken() {
        return config.credentialsToken();
    }

    public String configPassword() {
        return config.env("CONFIG_PASSWORD");
    }

    public Path dataDir() {
        return config.dataDir();
    }

    public Path logDir() {
        return config.logDir();
    }

    /** The underlying suite (process handles, environment of a service, infrastructure objects). */
    public Suite suite() {
        return suite;
    }

    // ---- doing things to it

    /** Stops the embedded Kafka (the services keep running and retry). */
    public void stopKafka() {
        embeddedKafka().stop();
    }

    /** Starts the embedded Kafka again on the same ports and data; returns once it serves requests. */
    public void startKafka() {
        try {
            embeddedKafka().start();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not start again: " + e.getMessage(), e);
        }
    }

    public boolean kafkaRunning() {
        return embeddedKafka().isRunning();
    }

    /** Stops the embedded MQTT broker (HiveMQ CE); bots and orchestration-service keep running and reconnect. */
    public void stopMqtt() {
        embeddedMqtt().stop();
    }

    /** Starts the embedded MQTT broker again on the same port and data; returns once it accepts connections. */
    public void startMqtt() {
        try {
            embeddedMqtt().start();
        } catch (Exception e) {
            throw new IllegalStateException("MQTT did not start again: " + e.getMessage(), e);
        }
    }

    private EmbeddedMqttBroker embeddedMqtt() {
        EmbeddedMqttBroker mqtt = suite.infrastructure().mqtt();
        if (mqtt == null) {
            throw new IllegalStateException("BROKER_HOST points at an external MQTT broker; only the embedded one can be restarted");
        }
        return mqtt;
    }

    /** Stops the embedded PostgreSQL (fast shutdown; the services keep running and see their connections fail). */
    public void stopPostgres() {
        embeddedPostgres().close();
    }

    /** Starts the embedded PostgreSQL again on the same port and data directory; returns once it accepts connections. */
    public void startPostgres() {
        try {
            embeddedPostgres().start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start again: " + e.getMessage(), e);
        }
    }

    private EmbeddedPostgresServer embeddedPostgres() {
        EmbeddedPostgresServer postgres = suite.infrastructure().postgres();
        if (postgres == null) {
            throw new IllegalStateException("DATABASE_URL points at an external PostgreSQL; only the embedded one can be stopped");
        }
        return postgres;
    }

    private EmbeddedKafkaServer embeddedKafka() {
        EmbeddedKafkaServer kafka = suite.infrastructure().kafka();
        if (kafka == null) {
            throw new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS points at an external Kafka; only the embedded one can be stopped");
        }
        return kafka;
    }

    /** Everything the service wrote to its log in this run (every restart included); "" when it is not running here. */
    public String serviceLog(String module) {
        ServiceSpec.require(module);
        Path log = config.logDir().resolve(module + ".log");
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the service (SIGTERM, graceful) and starts it again with the same settings; returns when it is UP. */
    public void restartService(String module) {
        suite.restart(module);
    }

    /** SIGKILL of one service (a crash); {@link #startService} brings it back. */
    public void killService(String module) {
        suite.kill(module);
    }

    /** {@code http://127.0.0.1:<port>} of every instance of {@code module}, its first one first (see {@code replicas}). */
    public List<String> instanceUrls(String module) {
        return config.instanceUrls(module);
    }

    /** SIGKILL of the {@code instance}-th replica of {@code module} (1 = the first, {@link #killService}). */
    public void killInstance(String module, int instance) {
        if (instance == 1) {
            killService(module);
        } else {
            suite.replica(Suite.replicaName(module, instance)).kill();
        }
    }

    /** Starts a killed service again on its port and waits until it is healthy. */
    public void startService(String module) {
        suite.startAgain(module);
    }

    /**
     * Starts another JVM of {@code module} on {@code port} with the environment the suite gives that service plus
     * {@code envOverrides} (a {@code null} value removes a variable). It is not awaited; it is stopped with the suite.
     */
    public Extra launchExtra(String module, int port, Map<String, String> envOverrides) {
        return new Extra(suite.launchExtra(module, port, envOverrides));
    }

    /** A JVM started by {@link #launchExtra}. */
    public static final class Extra {
        private final ServiceProcess process;

        Extra(ServiceProcess process) {
            this.process = process;
        }

        /** Its exit status once it exits within {@code timeout}; {@code null} when it is still running. */
        public Integer waitForExit(Duration timeout) {
            OptionalInt code = process.waitForExit(timeout);
            return code.isPresent() ? code.getAsInt() : null;
        }

        /** Waits until {@code /actuator/health} is UP; false when it exited or the time ran out. */
        public boolean awaitHealthy(Duration timeout) {
            return process.awaitHealthy(timeout);
        }

        /** Everything it printed (stdout and stderr). */
        public String output() {
            return process.output();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        public String url() {
            return process.url();
        }

        /** SIGTERM, then SIGKILL after 30 s. */
        public void stop() {
            process.stop();
        }
    }
}
