package io.aviary.orchestration.api;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real MQTT broker for the MQTT tests: HiveMQ CE embedded on 127.0.0.1, in-memory persistence, restartable on the
 * same port (the devstack's broker is the launcher's and not a dependency of this module).
 */
final class HiveMqBroker {

    private final Path dir;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    HiveMqBroker() {
        try {
            dir = Files.createTempDirectory("orchestration-hivemq");
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    synchronized void start() throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners><tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener></listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(dir.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
                .withoutLoggingBootstrap()
                .build();
        broker.start().get(90, TimeUnit.SECONDS);
        hivemq = broker;
    }

    synchronized void stop() throws Exception {
        if (hivemq != null) {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
            hivemq = null;
        }
    }
}
