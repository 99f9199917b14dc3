package io.aviary.strategy.executor;

/**
 * Hummingbot's {@code ExecutorConfigBase}: what a controller asks a host to run. One record per executor type.
 * {@code id} may be {@code null}: the host then assigns one. {@code timestamp} is the creation time in epoch
 * seconds (time limits count from it).
 */
public sealed interface ExecutorConfig permits PositionExecutorConfig, OrderExecutorConfig, DCAExecutorConfig,
    GridExecutorConfig, TwapExecutorConfig {

  String id();

  /** Hummingbot's discriminator, e.g. {@code "position_executor"}. */
  String type();

  long timestamp();

  String controllerId();

  String connectorName();

  String tradingPair();

  TradeType side();

  /** Hummingbot's {@code level_id} (market making levels such as {@code buy_0}), or {@code null}. */
  String levelId();
}
