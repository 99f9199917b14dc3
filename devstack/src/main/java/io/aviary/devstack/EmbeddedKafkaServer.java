package io.aviary.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single Kafka node in KRaft mode (broker and controller in one) running inside this JVM. The storage is
 * formatted once; later starts reuse it. It can be stopped and started again on the same ports and data, which
 * is how the system tests prove that nothing is lost while Kafka is away.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
    private static final String CONTROLLER = "CONTROLLER";

    static {
        // A fatal broker error must not take the launcher (or a test JVM) down with System.exit/halt.
        Exit.setExitProcedure((code, message) -> {
            log.error("Kafka asked to exit the JVM with status {}: {} (ignored: embedded)", code, message);
            throw new IllegalStateException("embedded Kafka requested exit " + code + ": " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            log.error("Kafka asked to halt the JVM with status {}: {} (ignored: embedded)", code, message);
            throw new IllegalStateException("embedded Kafka requested halt " + code + ": " + message);
        });
    }

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public EmbeddedKafkaServer(Path logDir, int port, int controllerPort) {
        this.logDir = logDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker on two free loopback ports (client and controller), logging into {@code logDir}; not started yet. */
    public static EmbeddedKafkaServer onFreePorts(Path logDir) {
        List<Integer> ports = Ports.free(2);
        return new EmbeddedKafkaServer(logDir, ports.get(0), ports.get(1));
    }

    public synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        long t0 = System.nanoTime();
        KafkaConfig config = new KafkaConfig(properties(), false);
        formatIfNeeded(config);
        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            started.startup();
            awaitReady();
        } catch (Exception | Error e) {
            try {
                started.shutdown();
                started.awaitShutdown();
            } catch (RuntimeException ignored) {
                // already failing
            }
            throw e;
        }
        server = started;
        log.info("Kafka (KRaft) up on {} (data {}) in {} ms", bootstrapServers(), logDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // topics are made only by TopicProvisioner: a topic auto-created by an early consumer had one partition,
        // and that consumer stayed on it after the topic grew
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", Integer.toString(TopicProvisioner.DEFAULT_PARTITIONS));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // one node is its own controller: fencing it for a late heartbeat (the default lease is 9 s, easily missed on
        // a busy 2-core machine during the suite's start) only takes every partition offline and logs an ERROR
        p.put("broker.session.timeout.ms", "30000");
        // sized for a laptop, not a cluster: fewer threads and a small log-cleaner buffer (default 128 MiB of heap)
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return p;
    }

    private void formatIfNeeded(KafkaConfig config) throws Exception {
        if (Files.isRegularFile(logDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(logDir);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(config.nodeId())
                .addDirectory(logDir.toString())
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName(CONTROLLER)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setUnstableFeatureVersionsEnabled(false)
                .setIgnoreFormatted(true)
                .run();
        log.info("Formatted Kafka storage in {}", logDir);
    }

    /** The broker is ready when an admin client sees it in the cluster. */
    private void awaitReady() throws Exception {
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
        try (Admin admin = Admin.create(conf)) {
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            if (brokers < 1) {
                throw new IOException("Kafka started but reports no broker");
            }
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        log.info("Kafka stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public List<Integer> ports() {
        return List.of(port, controllerPort);
    }

    @Override
    public void close() {
        stop();
    }
}
