package io.aviary.orchestration.domain;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where bots run: a Docker container, a Kubernetes pod or a local child process (BOTS.md "Runtimes"). Each runs the
 * same instance folder; liveness itself comes from MQTT ({@link BotControl}), this only says what the runtime sees.
 */
public interface BotRuntimeDriver {

  /** {@code docker}, {@code kubernetes} or {@code process}. */
  String kind();

  /**
   * Starts a bot from its instance folder.
   *
   * @param environment Hummingbot's container environment (CONFIG_PASSWORD, SCRIPT_CONFIG, HEADLESS_MODE, ...)
   */
  void start(String botName, Path instanceFolder, Map<String, String> environment, BotResources resources);

  /** Asks the bot to end (SIGTERM or the runtime's equivalent) and waits up to the runtime's grace period. */
  void stop(String botName);

  /** Removes what the runtime keeps for a stopped bot (container, pod); a process leaves nothing. */
  void remove(String botName);

  Optional<RuntimeState> state(String botName);

  List<String> bots();

  /** What a runtime reports about one bot. */
  enum RuntimeState { STARTING, RUNNING, EXITED, UNKNOWN }

  /** Limits per bot; null fields mean the runtime's default. */
  record BotResources(Long memoryBytes, Double cpus) {
    public static BotResources defaults() {
      return new BotResources(null, null);
    }
  }
}
