package io.aviary.bot.mqtt;

import java.util.Map;

/**
 * A message on {@code P/external/event/<name...>} (Hummingbot's {@code ExternalEventMessage}).
 *
 * @param name the topic suffix after {@code event/} with {@code /} turned into {@code .}
 * @param data plain JSON values
 */
public record ExternalEvent(String name, long timestamp, long sequence, String type, Map<String, Object> data) {

  /** Receives external events on the bridge's command pool. */
  @FunctionalInterface
  public interface Listener {
    void onExternalEvent(ExternalEvent event);
  }
}
