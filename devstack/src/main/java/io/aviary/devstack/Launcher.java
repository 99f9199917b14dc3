package io.aviary.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./run.sh}: starts the infrastructure and every service, prints where everything is, and stops it all on
 * Ctrl-C / SIGTERM. Run {@code ./run.sh --help} for the options.
 */
public final class Launcher {

    private static final PrintStream out = System.out;

    private Launcher() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Run ./run.sh --help for the options.");
            System.exit(2);
            return;
        }
        if (options.help) {
            out.print(usage());
            return;
        }
        Path repo = repoRoot();
        Map<String, String> env = new LinkedHashMap<>(EnvFile.read(repo.resolve(".env")));
        env.putAll(System.getenv());
        if (options.provisionTopics) {
            System.exit(provisionTopics(options, repo, env));
            return;
        }
        SuiteConfig config;
        try {
            config = configure(options, repo, env);
        } catch (RuntimeException e) {
            System.err.println("Invalid settings: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            System.err.println("Cannot create " + config.logDir() + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        // before the first logger is created: infrastructure logs go to a file, the terminal gets the summary
        System.setProperty("aviary.devstack.log", config.logDir().resolve("devstack.log").toString());

        out.println("Aviary devstack — data dir " + config.dataDir());
        if (!config.devDefaultsUsed().isEmpty()) {
            out.println("WARNING: using development defaults for " + String.join(", ", config.devDefaultsUsed().stream()
                    .map(n -> n + "=" + SuiteConfig.DEV_DEFAULTS.get(n)).toList())
                    + ". Fine on your machine; set them in .env or the environment for anything else.");
        }
        Suite suite = new Suite(config);
        Thread hook = new Thread(() -> {
            if (!suite.holdsDataDir()) {
                return;
            }
            out.println("Stopping Aviary (services, then Kafka, MQTT, PostgreSQL)…");
            if (suite.recordingArchives()) {
                out.println("  (first run of these jars: the services write their start-up caches as they stop; "
                        + "this takes a while once and makes later starts about twice as fast)");
            }
            long t0 = System.nanoTime();
            suite.close();
            out.println("Stopped in " + Suite.seconds(System.nanoTime() - t0) + ".");
        }, "aviary-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        List<String> failed;
        try {
            failed = suite.start(line -> out.println("  " + line), options.keepGoing);
        } catch (SuiteException e) {
            if (suite.isClosing()) {
                return; // Ctrl-C during start-up: the shutdown hook is already stopping everything
            }
            System.err.println();
            System.err.println("Aviary did not start: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("Aviary did not start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        long elapsed = System.currentTimeMillis() - jvmStart;
        printSummary(suite, failed, elapsed);
        if (options.exitAfterStart) {
            System.exit(failed.isEmpty() ? 0 : 1);
            return;
        }
        watch(suite);
    }

    /**
     * {@code --provision-topics}: creates or grows every Aviary topic on {@code KAFKA_BOOTSTRAP_SERVERS} (default: the
     * embedded Kafka of a running {@code ./run.sh}), then exits. The init step for an external Kafka.
     */
    private static int provisionTopics(Options options, Path repo, Map<String, String> env) {
        String bootstrap;
        int partitions;
        try {
            bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS") != null && !env.get("KAFKA_BOOTSTRAP_SERVERS").isBlank()
                    ? env.get("KAFKA_BOOTSTRAP_SERVERS").strip() : "127.0.0.1:" + intEnv(env, "AVIARY_KAFKA_PORT", 9092);
            partitions = TopicProvisioner.partitionsFrom(env);
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid settings: " + e.getMessage());
            return 2;
        }
        Path logDir = dataDir(options, repo, env).resolve("logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException | RuntimeException e) {
            // a read-only data dir (an init container) only loses the Kafka client's log file
        }
        System.setProperty("aviary.devstack.log", logDir.resolve("provision-topics.log").toString());
        out.println("Provisioning Kafka topics at " + bootstrap + " (" + TopicProvisioner.PARTITIONS_VARIABLE + "=" + partitions + ")…");
        try {
            new TopicProvisioner(bootstrap, partitions).provisionAll().forEach(topic -> out.println("  " + topic.describe()));
            return 0;
        } catch (Exception e) {
            System.err.println("Topic provisioning failed: " + e.getMessage());
            return 1;
        }
    }

    private static Path dataDir(Options o, Path repo, Map<String, String> env) {
        return o.dataDir != null ? Path.of(o.dataDir)
                : env.get("AVIARY_DATA_DIR") != null && !env.get("AVIARY_DATA_DIR").isBlank() ? Path.of(env.get("AVIARY_DATA_DIR"))
                : repo.resolve("data");
    }

    static SuiteConfig configure(Options o, Path repo, Map<String, String> env) {
        Path dataDir = dataDir(o, repo, env);
        JvmProfile profile = o.profile != null ? JvmProfile.parse(o.profile) : JvmProfile.parse(env.get("AVIARY_PROFILE"));
        String cdsSetting = env.get("AVIARY_CDS");
        CdsMode cds = o.noCds ? CdsMode.OFF : o.cds != null ? CdsMode.parse(o.cds)
                : cdsSetting != null && !cdsSetting.isBlank() ? CdsMode.parse(cdsSetting) : profile.cds();
        SuiteConfig.Builder b = SuiteConfig.builder(repo)
                .baseEnvironment(env)
                .readDotEnv(false) // already merged below the process environment
                .dataDir(dataDir)
                .cds(cds, null)
                .startTimeout(Duration.ofSeconds(o.timeout != null ? o.timeout : intEnv(env, "AVIARY_START_TIMEOUT", 180)))
                .parallelism(o.parallel != null ? o.parallel : intEnv(env, "AVIARY_START_PARALLELISM", 0))
                .postgresPort(intEnv(env, "AVIARY_POSTGRES_PORT", 5432))
                .kafkaPorts(intEnv(env, "AVIARY_KAFKA_PORT", 9092), intEnv(env, "AVIARY_KAFKA_CONTROLLER_PORT", 9093))
                .mqttPort(intEnv(env, "AVIARY_MQTT_PORT", 1883))
                .restartPolicy(RestartPolicy.of(intEnv(env, "AVIARY_RESTART_LIMIT", RestartPolicy.DEFAULT.maxRestarts()),
                        Duration.ofSeconds(intEnv(env, "AVIARY_RESTART_WINDOW", (int) RestartPolicy.DEFAULT.window().toSeconds()))));
        String jvmOpts = env.get("AVIARY_JVM_OPTS");
        if (jvmOpts == null || jvmOpts.isBlank()) {
            b.jvmOptions(profile.jvmOptions());
        }
        if (o.infraOnly) {
            b.services(List.of());
        } else if (o.only != null) {
            b.services(o.only.stream().map(ServiceSpec::require).toList());
        }
        return b.build();
    }

    private static int intEnv(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }

    private static void printSummary(Suite suite, List<String> failed, long elapsedMillis) {
        SuiteConfig c = suite.config();
        boolean gateway = c.services().stream().anyMatch(ServiceSpec::isGateway) && !failed.contains("gateway");
        out.println();
        out.println(failed.isEmpty() ? "Aviary is up (" + String.format("%.1f", elapsedMillis / 1000.0) + " s since launch)."
                : "Aviary is partly up; FAILED: " + String.join(", ", failed));
        if (gateway) {
            int port = c.port("gateway");
            out.println("  Gateway      http://localhost:" + port);
            out.println("  API docs     http://localhost:" + port + "/docs");
            boolean devUser = c.devDefaultsUsed().contains("USERNAME");
            boolean devPassword = c.devDefaultsUsed().contains("PASSWORD");
            out.println("  Login        " + c.env("USERNAME") + " / "
                    + (devPassword ? c.env("PASSWORD") : "(your PASSWORD)")
                    + (devUser || devPassword ? "   <- development defaults; set USERNAME and PASSWORD in .env to change" : ""));
        }
        if (c.devDefaultsUsed().contains("CONFIG_PASSWORD")) {
            out.println("  Vault key    CONFIG_PASSWORD=" + c.env("CONFIG_PASSWORD") + "   <- development default");
        }
        for (ServiceProcess p : suite.services()) {
            if (!p.name().equals("gateway")) {
                out.println(String.format("  %-22s %s%s", p.name(), p.url(), p.isAlive() ? "" : "  (not running)"));
            }
        }
        suite.infrastructure().describe().forEach(line -> out.println("  " + line));
        out.println("  Restarts     " + (c.restartPolicy().enabled()
                ? "crashed services" + (suite.infrastructure().postgres() != null ? " and the embedded PostgreSQL" : "")
                        + " restart by themselves, at most " + c.restartPolicy().describe()
                : "off (AVIARY_RESTART_LIMIT=0): a crashed service stays down"));
        out.println("  Data dir     " + c.dataDir());
        out.println("  Logs         " + c.logDir() + "  (<service>.log, devstack.log)");
        out.println("Press Ctrl-C to stop.");
    }

    /**
     * Keeps the launcher running until Ctrl-C. The suite's supervisor restarts what dies and reports it; with
     * supervision off ({@code AVIARY_RESTART_LIMIT=0}) services that die are only reported (their log says why).
     */
    private static void watch(Suite suite) {
        Set<String> reported = new HashSet<>();
        while (!suite.isClosing()) {
            for (ServiceProcess p : suite.services()) {
                // while stopping, exits are expected
                if (!suite.isSupervised() && !p.isAlive() && !suite.isClosing() && reported.add(p.name() + p.pid())) {
                    out.println("WARNING: " + p.name() + " exited with status " + p.exitCode().orElse(-1)
                            + ". Last lines of " + p.logFile() + ":\n" + Suite.indent(p.tail(20)));
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static String usage() {
        try (var in = Launcher.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("{{JVM_OPTS}}", String.join(" ", SuiteConfig.DEFAULT_JVM_OPTIONS))
                    .replace("{{SERVICES}}", ServiceSpec.ALL.stream().map(s -> s.module() + " " + s.defaultPort())
                            .collect(Collectors.joining(", ")));
        } catch (IOException | NullPointerException e) {
            return "Usage: ./run.sh [options]  (usage.txt missing from the launcher jar)\n";
        }
    }

    /** {@code -Daviary.repo} (set by run.sh), else the checkout this jar was built in, else the working directory. */
    static Path repoRoot() {
        String property = System.getProperty("aviary.repo");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        try {
            Path code = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <repo>/devstack/target/devstack-x.jar or <repo>/devstack/target/classes
            Path repo = code.getParent() != null && code.getParent().getParent() != null ? code.getParent().getParent().getParent() : null;
            if (repo != null && Files.isRegularFile(repo.resolve("pom.xml")) && Files.isDirectory(repo.resolve("devstack"))) {
                return repo;
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }

    static final class Options {
        boolean help;
        String dataDir;
        Integer timeout;
        Integer parallel;
        List<String> only;
        boolean infraOnly;
        boolean noCds;
        String cds;
        String profile;
        boolean keepGoing;
        boolean exitAfterStart;
        boolean provisionTopics;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            while (!rest.isEmpty()) {
                String arg = rest.remove(0);
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "-h", "--help" -> o.help = true;
                    case "--data-dir" -> o.dataDir = value(arg, value, rest);
                    case "--timeout" -> o.timeout = number(arg, value(arg, value, rest));
                    case "--parallel" -> o.parallel = number(arg, value(arg, value, rest));
                    case "--only" -> {
                        o.only = Arrays.stream(value(arg, value, rest).split(",")).map(String::strip)
                                .filter(s -> !s.isEmpty()).toList();
                        o.only.forEach(ServiceSpec::require);
                    }
                    case "--infra-only" -> o.infraOnly = true;
                    case "--no-cds" -> o.noCds = true;
                    case "--cds" -> o.cds = CdsMode.parse(value(arg, value, rest)).name();
                    case "--profile" -> o.profile = JvmProfile.parse(value(arg, value, rest)).name();
                    case "--keep-going" -> o.keepGoing = true;
                    case "--exit-after-start" -> o.exitAfterStart = true;
                    case "--provision-topics" -> o.provisionTopics = true;
                    case "--build", "--no-build" -> {
                        // handled by run.sh
                    }
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            return o;
        }

        private static String value(String option, String inline, List<String> rest) {
            if (inline != null) {
                return inline;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return rest.remove(0);
        }

        private static int number(String option, String value) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
            }
        }
    }
}
