package io.aviary.bot.mqtt;

import java.io.IOException;
import java.net.ServerSocket;

/** A real MQTT broker for the bridge tests, restartable on the same port (to test reconnects). */
public interface TestBroker extends AutoCloseable {

  int port();

  void start() throws Exception;

  /** Stops the broker; clients see their connections drop. */
  void stop() throws Exception;

  @Override
  default void close() throws Exception {
    stop();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
