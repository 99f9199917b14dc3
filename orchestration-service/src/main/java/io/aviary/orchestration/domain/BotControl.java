package io.aviary.orchestration.domain;

import java.time.Duration;

/**
 * Commands to a running bot over MQTT (Hummingbot's RPC, hummingbot-internals §1.4), as the deploy and archive jobs
 * need them. Implemented by the MQTT bridge of orchestration-service.
 */
public interface BotControl {

  /**
   * Sends {@code stop} and waits for the bot's reply.
   *
   * @return true when the bot answered 200 within {@code timeout}; false when it answered an error or not at all
   */
  boolean stop(String botName, boolean skipOrderCancellation, Duration timeout);

  /** Whether the bot sent anything on its topics within the liveness window (a heartbeat every 10 s). */
  boolean isAlive(String botName);
}
