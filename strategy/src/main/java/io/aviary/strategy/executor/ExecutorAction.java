package io.aviary.strategy.executor;

/**
 * What a controller asks its host to do (Hummingbot's {@code executor_actions.py}, without {@code Store}).
 */
public sealed interface ExecutorAction {

  String controllerId();

  /** Start a new executor with this config. */
  record Create(String controllerId, ExecutorConfig config) implements ExecutorAction {
    public Create {
      if (config == null) {
        throw new IllegalArgumentException("config is required");
      }
    }
  }

  /**
   * Stop a running executor now: {@link CloseType#POSITION_HOLD} if {@code keepPosition} and it has fills, else
   * {@link CloseType#EARLY_STOP}.
   */
  record Stop(String controllerId, String executorId, boolean keepPosition) implements ExecutorAction {
    public Stop {
      if (executorId == null) {
        throw new IllegalArgumentException("executorId is required");
      }
    }
  }
}
