package io.aviary.devstack;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, Kafka and MQTT for the suite: embedded ones under the data dir, or the user's own when
 * {@code DATABASE_URL}, {@code KAFKA_BOOTSTRAP_SERVERS} or {@code BROKER_HOST} is set. Kafka's topics are
 * provisioned ({@link TopicProvisioner}) as part of starting it, so they exist before any service runs.
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    private final SuiteConfig config;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final EmbeddedMqttBroker mqtt;
    private volatile List<TopicProvisioner.Outcome> topics = List.of();

    public Infrastructure(SuiteConfig config) {
        this.config = config;
        this.postgres = config.env("DATABASE_URL") == null
                ? new EmbeddedPostgresServer(config.dataDir().resolve("postgres"), config.postgresPort(),
                        ServiceSpec.schemas(ServiceSpec.ALL)) : null;
        this.kafka = config.env("KAFKA_BOOTSTRAP_SERVERS") == null
                ? new EmbeddedKafkaServer(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort())
                : null;
        this.mqtt = config.env("BROKER_HOST") == null
                ? new EmbeddedMqttBroker(config.dataDir().resolve("hivemq"), config.mqttPort()) : null;
    }

    /** Ports the embedded parts will bind, by what binds them. */
    public Map<String, Integer> embeddedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (postgres != null) {
            ports.put("PostgreSQL", postgres.port());
        }
        if (kafka != null) {
            ports.put("Kafka", kafka.port());
            ports.put("Kafka controller", kafka.controllerPort());
        }
        if (mqtt != null) {
            ports.put("MQTT", mqtt.port());
        }
        return ports;
    }

    /** Starts the embedded parts concurrently; on failure stops what did start and rethrows. */
    public void start() throws Exception {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        if (postgres != null) {
            starts.add(run("PostgreSQL", postgres::start));
        }
        // topics exist before any service starts: provisioned as soon as Kafka answers (embedded or external)
        starts.add(run(kafka != null ? "Kafka" : "Kafka topics", () -> {
            if (kafka != null) {
                kafka.start();
            }
            provisionTopics();
        }));
        if (mqtt != null) {
            starts.add(run("MQTT", mqtt::start));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            close();
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    private void provisionTopics() throws Exception {
        topics = List.copyOf(new TopicProvisioner(kafkaBootstrap(), config.topicPartitions()).provisionAll());
    }

    /** What provisioning did to each topic at the last {@link #start()} (empty before). */
    public List<TopicProvisioner.Outcome> topics() {
        return topics;
    }

    private interface Start {
        void run() throws Exception;
    }

    private static CompletableFuture<Void> run(String what, Start start) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                start.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(new IllegalStateException(what + " failed to start: " + e.getMessage(), e));
            }
        }, "start-" + what);
        t.setDaemon(true);
        t.start();
        return done;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaServer kafka() {
        return kafka;
    }

    public EmbeddedMqttBroker mqtt() {
        return mqtt;
    }

    public String databaseUrl() {
        return postgres != null ? postgres.databaseUrl() : config.env("DATABASE_URL");
    }

    public String jdbcUrl() {
        return postgres != null ? postgres.jdbcUrl() : Db.parse(config.env("DATABASE_URL")).jdbcUrl();
    }

    public String databaseUser() {
        return postgres != null ? EmbeddedPostgresServer.USER : Db.parse(config.env("DATABASE_URL")).user();
    }

    public String databasePassword() {
        return postgres != null ? postgres.password(EmbeddedPostgresServer.USER) : Db.parse(config.env("DATABASE_URL")).password();
    }

    public String kafkaBootstrap() {
        return kafka != null ? kafka.bootstrapServers() : config.env("KAFKA_BOOTSTRAP_SERVERS");
    }

    public String mqttHost() {
        return mqtt != null ? "127.0.0.1" : config.env("BROKER_HOST");
    }

    public int mqttPort() {
        if (mqtt != null) {
            return mqtt.port();
        }
        String port = config.env("BROKER_PORT");
        return port == null ? 1883 : Integer.parseInt(port.strip());
    }

    /** The variables every service gets for the infrastructure. */
    public Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", databaseUrl());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        env.put("BROKER_HOST", mqttHost());
        env.put("BROKER_PORT", Integer.toString(mqttPort()));
        return env;
    }

    /** One line per part for the start-up summary. */
    public List<String> describe() {
        return List.of(
                "PostgreSQL  " + (postgres != null ? "127.0.0.1:" + postgres.port() + "/aviary (embedded, user aviary, password in "
                        + config.dataDir().resolve("postgres-passwords").resolve(EmbeddedPostgresServer.USER) + ")"
                        : redact(config.env("DATABASE_URL")) + " (external, DATABASE_URL)"),
                "Kafka       " + kafkaBootstrap() + (kafka != null ? " (embedded KRaft)" : " (external, KAFKA_BOOTSTRAP_SERVERS)"),
                "MQTT        " + mqttHost() + ":" + mqttPort() + (mqtt != null ? " (embedded HiveMQ CE, MQTT 5)" : " (external, BROKER_HOST)"));
    }

    private static String redact(String url) {
        return url == null ? "" : url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@");
    }

    /** Stops Kafka and MQTT (together: HiveMQ takes ~4 s), then PostgreSQL; each best effort. */
    @Override
    public void close() {
        CompletableFuture<Void> kafkaStop = CompletableFuture.runAsync(() -> closeQuietly(kafka),
                r -> Thread.ofPlatform().name("stop-kafka").start(r));
        closeQuietly(mqtt);
        kafkaStop.join();
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
        }
    }

    /** {@code postgresql://user:pass@host:port/db} (also {@code postgres://}, {@code postgresql+driver://}, {@code jdbc:postgresql:}). */
    record Db(String jdbcUrl, String user, String password) {
        static Db parse(String raw) {
            String value = raw.strip();
            if (value.startsWith("jdbc:")) {
                return new Db(value, null, null);
            }
            int schemeEnd = value.indexOf("://");
            if (schemeEnd < 0) {
                throw new IllegalArgumentException("DATABASE_URL must look like postgresql://user:password@host:5432/database");
            }
            URI uri = URI.create("postgresql" + value.substring(schemeEnd));
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            }
            return new Db("jdbc:postgresql://" + uri.getHost() + port + uri.getPath() + query, user, password);
        }
    }
}
