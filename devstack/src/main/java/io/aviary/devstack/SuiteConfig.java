package io.aviary.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the suite needs to start: where the jars and the data live, the environment the services inherit,
 * the ports, and how the service JVMs are started. Built once; immutable.
 */
public final class SuiteConfig {

    /** Start-up-friendly flags for the service JVMs (C1 only, small stacks, serial GC): about half the start-up time on 2 cores. */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+UseSerialGC", "-Xmx384m");

    /** Hummingbot's defaults; fine on a laptop, never in production. */
    public static final Map<String, String> DEV_DEFAULTS = devDefaults();

    public static final String INTERNAL_TOKEN = "AVIARY_INTERNAL_TOKEN";

    /** Unlocks accounts-service's credential API; only accounts-service and trading-service get it (see ServiceSpec). */
    public static final String CREDENTIALS_TOKEN = "AVIARY_CREDENTIALS_TOKEN";

    /** Where the gateway listens (default loopback); every other service always listens on loopback only. */
    public static final String GATEWAY_BIND_ADDRESS = "AVIARY_GATEWAY_BIND_ADDRESS";

    public static final String LOOPBACK = "127.0.0.1";

    private final Path repoRoot;
    private final Path dataDir;
    private final Path workDir;
    private final Path cdsDir;
    private final CdsMode cdsMode;
    private final Map<String, String> environment;
    private final List<String> devDefaultsUsed;
    private final int postgresPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int mqttPort;
    private final Map<String, Integer> servicePorts;
    private final Map<String, List<Integer>> replicaPorts;
    private final List<ServiceSpec> services;
    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private final int parallelism;
    private final boolean watchdog;
    private final RestartPolicy restartPolicy;
    private final int topicPartitions;

    private SuiteConfig(Builder b, Map<String, String> environment, List<String> devDefaultsUsed) {
        this.repoRoot = b.repoRoot;
        this.dataDir = b.dataDir;
        this.workDir = b.workDir;
        this.cdsDir = b.cdsDir;
        this.cdsMode = b.cdsMode;
        this.environment = Map.copyOf(environment);
        this.devDefaultsUsed = List.copyOf(devDefaultsUsed);
        this.postgresPort = b.postgresPort;
        this.kafkaPort = b.kafkaPort;
        this.kafkaControllerPort = b.kafkaControllerPort;
        this.mqttPort = b.mqttPort;
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec spec : b.services) {
            ports.put(spec.module(), b.servicePorts.getOrDefault(spec.module(), spec.defaultPort()));
        }
        this.servicePorts = Map.copyOf(ports);
        this.replicaPorts = Map.copyOf(b.replicaPorts);
        this.services = List.copyOf(b.services);
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.startTimeout = b.startTimeout;
        this.parallelism = b.parallelism;
        this.watchdog = b.watchdog;
        this.restartPolicy = b.restartPolicy;
        this.topicPartitions = TopicProvisioner.partitionsFrom(this.environment);
    }

    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Working directory of the service JVMs. */
    public Path workDir() {
        return workDir;
    }

    /** Where the extracted jars and the CDS archives / AOT caches live. */
    public Path cdsDir() {
        return cdsDir;
    }

    public CdsMode cdsMode() {
        return cdsMode;
    }

    /** The environment every service inherits (process env over {@code .env}, dev defaults, internal token). */
    public Map<String, String> environment() {
        return environment;
    }

    public String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Names of the variables that fell back to {@link #DEV_DEFAULTS}. */
    public List<String> devDefaultsUsed() {
        return devDefaultsUsed;
    }

    /** {@value #GATEWAY_BIND_ADDRESS}, or {@value #LOOPBACK} when unset. */
    public String gatewayBindAddress() {
        String address = env(GATEWAY_BIND_ADDRESS);
        return address == null ? LOOPBACK : address.strip();
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public int mqttPort() {
        return mqttPort;
    }

    public int port(String module) {
        Integer port = servicePorts.get(module);
        if (port == null) {
            return ServiceSpec.require(module).defaultPort();
        }
        return port;
    }

    public List<ServiceSpec> services() {
        return services;
    }

    /** Ports of the further replicas of {@code module} (its first one is on {@link #port}); empty when it runs once. */
    public List<Integer> replicaPorts(String module) {
        return replicaPorts.getOrDefault(module, List.of());
    }

    /** Every instance of {@code module}: {@code http://127.0.0.1:<port>}, its first one first. */
    public List<String> instanceUrls(String module) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(port(module)), replicaPorts(module).stream())
                .map(p -> "http://" + LOOPBACK + ":" + p).toList();
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    /** How many services may be starting at once; 0 = all together. */
    public int parallelism() {
        return parallelism;
    }

    public boolean watchdog() {
        return watchdog;
    }

    /** How services and the embedded PostgreSQL are restarted when they die; {@link RestartPolicy#OFF} unless set. */
    public RestartPolicy restartPolicy() {
        return restartPolicy;
    }

    /** Partitions of every Aviary topic ({@code AVIARY_TOPIC_PARTITIONS}, default 3). */
    public int topicPartitions() {
        return topicPartitions;
    }

    public String internalToken() {
        return environment.get(INTERNAL_TOKEN);
    }

    public String credentialsToken() {
        return environment.get(CREDENTIALS_TOKEN);
    }

    private static Map<String, String> devDefaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("USERNAME", "admin");
        d.put("PASSWORD", "admin");
        d.put("CONFIG_PASSWORD", "a");
        return java.util.Collections.unmodifiableMap(d);
    }

    /**
     * The JVM flags of {@code module}'s process: {@link #jvmOptions()}, then {@code AVIARY_<MODULE>_JVM_OPTS} (e.g.
     * {@code AVIARY_GATEWAY_JVM_OPTS}), which comes later on the command line and so wins where both set a flag. Lets
     * one service run with other flags than the rest, e.g. the gateway with full tiered compilation (issue 16).
     */
    public List<String> jvmOptions(String module) {
        return jvmOptions(module, Map.of());
    }

    /** As {@link #jvmOptions(String)}, with {@code AVIARY_<MODULE>_JVM_OPTS} taken from {@code overrides} when set there. */
    public List<String> jvmOptions(String module, Map<String, String> overrides) {
        String variable = perServiceJvmOptionsVariable(module);
        List<String> own = splitOptions(overrides.containsKey(variable) ? overrides.get(variable) : environment.get(variable));
        if (own.isEmpty()) {
            return jvmOptions;
        }
        List<String> all = new java.util.ArrayList<>(jvmOptions);
        all.addAll(own);
        return List.copyOf(all);
    }

    /** {@code AVIARY_TRADING_SERVICE_JVM_OPTS} for trading-service. */
    public static String perServiceJvmOptionsVariable(String module) {
        return "AVIARY_" + module.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_JVM_OPTS";
    }

    /** Splits {@code AVIARY_JVM_OPTS}-style strings on whitespace. */
    public static List<String> splitOptions(String options) {
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return Arrays.stream(options.strip().split("\\s+")).toList();
    }

    public static final class Builder {
        private final Path repoRoot;
        private Path dataDir;
        private Path workDir;
        private Path cdsDir;
        private CdsMode cdsMode = CdsMode.AUTO;
        private Map<String, String> baseEnvironment = System.getenv();
        private boolean readDotEnv = true;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private int postgresPort = 5432;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int mqttPort = 1883;
        private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
        private final Map<String, List<Integer>> replicaPorts = new LinkedHashMap<>();
        private List<ServiceSpec> services = ServiceSpec.ALL;
        private List<String> jvmOptions;
        private Duration startTimeout = Duration.ofSeconds(180);
        private int parallelism;
        private boolean watchdog = true;
        private RestartPolicy restartPolicy = RestartPolicy.OFF;

        private Builder(Path repoRoot) {
            this.repoRoot = repoRoot.toAbsolutePath().normalize();
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder workDir(Path dir) {
            this.workDir = dir.toAbsolutePath().normalize();
            return this;
        }

        /** Class-data sharing of the service JVMs; extracted jars and archives under {@code dir} (default {@code <dataDir>/cds}). */
        public Builder cds(CdsMode mode, Path dir) {
            this.cdsMode = mode;
            this.cdsDir = dir == null ? null : dir.toAbsolutePath().normalize();
            return this;
        }

        /** The environment the configuration starts from (default: the process environment). */
        public Builder baseEnvironment(Map<String, String> env) {
            this.baseEnvironment = Objects.requireNonNull(env);
            return this;
        }

        /** Read {@code <repo>/.env} below the base environment (default on). */
        public Builder readDotEnv(boolean read) {
            this.readDotEnv = read;
            return this;
        }

        /** Sets a variable above everything else. */
        public Builder env(String name, String value) {
            overrides.put(name, value);
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder kafkaPorts(int port, int controllerPort) {
            this.kafkaPort = port;
            this.kafkaControllerPort = controllerPort;
            return this;
        }

        public Builder mqttPort(int port) {
            this.mqttPort = port;
            return this;
        }

        public Builder servicePort(String module, int port) {
            servicePorts.put(module, port);
            return this;
        }

        /**
         * Runs {@code count} instances of {@code module} (the further ones on free ports, each with its own
         * {@code AVIARY_INSTANCE_ID}); the gateway gets all of them in the service's {@code AVIARY_<SERVICE>_URL}.
         */
        public Builder replicas(String module, int count) {
            ServiceSpec spec = ServiceSpec.require(module);
            if (spec.isGateway() || count < 1) {
                throw new IllegalArgumentException("replicas of " + module + ": a service, at least one");
            }
            replicaPorts.put(module, count == 1 ? List.of() : List.copyOf(Ports.free(count - 1)));
            return this;
        }

        /** Every port (infrastructure and services) chosen free at random. */
        public Builder randomPorts() {
            List<Integer> ports = Ports.free(4 + ServiceSpec.ALL.size());
            postgresPort = ports.get(0);
            kafkaPort = ports.get(1);
            kafkaControllerPort = ports.get(2);
            mqttPort = ports.get(3);
            for (int i = 0; i < ServiceSpec.ALL.size(); i++) {
                servicePorts.put(ServiceSpec.ALL.get(i).module(), ports.get(4 + i));
            }
            return this;
        }

        public Builder services(List<ServiceSpec> services) {
            this.services = List.copyOf(services);
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = Math.max(0, parallelism);
            return this;
        }

        public Builder watchdog(boolean watchdog) {
            this.watchdog = watchdog;
            return this;
        }

        /** Supervision once the suite is up (default {@link RestartPolicy#OFF}; the launcher turns it on). */
        public Builder restartPolicy(RestartPolicy policy) {
            this.restartPolicy = Objects.requireNonNull(policy);
            return this;
        }

        public SuiteConfig build() {
            if (dataDir == null) {
                dataDir = repoRoot.resolve("data");
            }
            if (workDir == null) {
                workDir = repoRoot;
            }
            if (cdsDir == null) {
                cdsDir = dataDir.resolve("cds");
            }
            Map<String, String> env = new LinkedHashMap<>();
            if (readDotEnv) {
                env.putAll(EnvFile.read(repoRoot.resolve(".env")));
            }
            env.putAll(baseEnvironment);
            env.putAll(overrides);
            env.values().removeIf(Objects::isNull);
            List<String> defaulted = new ArrayList<>();
            DEV_DEFAULTS.forEach((name, value) -> {
                if (env.get(name) == null || env.get(name).isBlank()) {
                    env.put(name, value);
                    defaulted.add(name);
                }
            });
            if (env.get(INTERNAL_TOKEN) == null || env.get(INTERNAL_TOKEN).isBlank()) {
                env.put(INTERNAL_TOKEN, persistedToken(dataDir, "internal-token"));
            }
            if (env.get(CREDENTIALS_TOKEN) == null || env.get(CREDENTIALS_TOKEN).isBlank()) {
                env.put(CREDENTIALS_TOKEN, persistedToken(dataDir, "credentials-token"));
            }
            if (jvmOptions == null) {
                List<String> fromEnv = splitOptions(env.get("AVIARY_JVM_OPTS"));
                jvmOptions = fromEnv.isEmpty() ? DEFAULT_JVM_OPTIONS : fromEnv;
            }
            return new SuiteConfig(this, env, defaulted);
        }

        /** A token generated once per data dir and kept in {@code <dataDir>/<name>} (mode 600). */
        private static String persistedToken(Path dataDir, String name) {
            return SecretFile.readOrCreate(dataDir.resolve(name));
        }
    }
}
