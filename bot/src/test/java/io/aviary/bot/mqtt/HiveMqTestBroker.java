package io.aviary.bot.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * HiveMQ CE embedded on 127.0.0.1 with in-memory persistence. The devstack's {@code EmbeddedMqttBroker} is the
 * launcher's persistent broker; {@code bot} cannot depend on devstack, and this fixture needs only a listener and a
 * restart, so it configures HiveMQ directly. Also used by orchestration-service's MQTT tests (bot's test-jar).
 */
public final class HiveMqTestBroker implements TestBroker {

  private final Path dir;
  private final int port;
  private EmbeddedHiveMQ hivemq;

  public HiveMqTestBroker(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** On a free port, in a fresh temporary folder. */
  public static HiveMqTestBroker onFreePort() {
    try {
      return new HiveMqTestBroker(Files.createTempDirectory("hivemq-test"), TestBroker.freePort());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void start() throws Exception {
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
    broker.start().get(90, TimeUnit.SECONDS); // CPU-bound: slow on 2 busy cores
    hivemq = broker;
  }

  @Override
  public void stop() throws Exception {
    if (hivemq != null) {
      hivemq.stop().get(30, TimeUnit.SECONDS);
      hivemq.close();
      hivemq = null;
    }
  }
}
