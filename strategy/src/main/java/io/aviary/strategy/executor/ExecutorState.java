package io.aviary.strategy.executor;

/** Hummingbot's {@code RunnableStatus} of an executor; {@link #code()} is its enum value ({@code "status": 4}). */
public enum ExecutorState {
  NOT_STARTED(1), RUNNING(2), SHUTTING_DOWN(3), TERMINATED(4);

  private final int code;

  ExecutorState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
