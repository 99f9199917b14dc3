package io.aviary.strategy.executor;

/**
 * Hummingbot's {@code ExecutorConfigBase}: what a controller asks a host to run. One record per executor type.
 * {@code id} may be {@code null}: the host then assigns one. {@code timestamp} is the creation time in epoch
 * seconds (time limits count from it).
 */
public sealed interface ExecutorConfig permits PositionExecutorConfig, OrderExecutorConfig, DCAExecutorConfig,
    GridExecutorConfig, TwapExecutorConfig, ArbitrageExecutorConfig, XEMMExecutorConfig {

  String id();

  /** Hummingbot's discriminator, e.g. {@code "position_executor"}. */
  String type();

  long timestamp();

  String controllerId();

  String connectorName();

  String tradingPair();

  TradeType side();

  /**
   * Every market its orders go to, its own ({@link #connectorName}, {@link #tradingPair}) first: one for most types,
   * two for arbitrage and XEMM. A host serves each of them a {@link io.aviary.strategy.market.MarketView} and routes
   * each order to the session of its market.
   */
  default java.util.List<ConnectorPair> markets() {
    return java.util.List.of(new ConnectorPair(connectorName(), tradingPair()));
  }

  /** The market of an order with checkpoint {@code role} (see {@link CheckpointOrder#role()}). */
  default ConnectorPair marketOf(String role) {
    return new ConnectorPair(connectorName(), tradingPair());
  }

  /** Hummingbot's {@code level_id} (market making levels such as {@code buy_0}), or {@code null}. */
  String levelId();
}
