package io.aviary.bot.mqtt;

import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Timing of the MQTT bridge; {@link #defaults()} are Hummingbot's.
 *
 * @param heartbeatInterval {@code P/hb} period (Hummingbot: 10 s)
 * @param commandTimeout longest a {@link BotCommands} call may take before a 400 reply (Hummingbot: 30 s)
 * @param maxReconnectDelay upper bound of the reconnect back-off, from 1 s (Hummingbot retries every 5 s)
 * @param socketFactory {@code null} = Paho's default (plain or TLS by {@code mqtt_ssl}); set by tests that need to cut
 *     the connection the way a crash does
 */
public record BridgeOptions(
    Duration heartbeatInterval, Duration commandTimeout, Duration maxReconnectDelay, SocketFactory socketFactory) {

  public static BridgeOptions defaults() {
    return new BridgeOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(5), null);
  }

  public BridgeOptions withHeartbeatInterval(Duration interval) {
    return new BridgeOptions(interval, commandTimeout, maxReconnectDelay, socketFactory);
  }

  public BridgeOptions withCommandTimeout(Duration timeout) {
    return new BridgeOptions(heartbeatInterval, timeout, maxReconnectDelay, socketFactory);
  }

  public BridgeOptions withMaxReconnectDelay(Duration delay) {
    return new BridgeOptions(heartbeatInterval, commandTimeout, delay, socketFactory);
  }

  public BridgeOptions withSocketFactory(SocketFactory factory) {
    return new BridgeOptions(heartbeatInterval, commandTimeout, maxReconnectDelay, factory);
  }
}
