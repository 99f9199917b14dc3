package io.aviary.strategy.executor;

import java.util.List;

/**
 * Hummingbot's {@code ArbitrageExecutorConfig}: buy {@code orderAmount} base on {@code buyingMarket} and sell it on
 * {@code sellingMarket} once the price gap net of taker fees exceeds {@code minProfitability}.
 *
 * <p>As an {@link ExecutorConfig} its market is the buying market and it has no side (Hummingbot reports none).
 *
 * @param gasConversionPrice Hummingbot's price converting an AMM's gas token to the base (Gateway connectors
 *     only); NaN when absent. Aviary has no AMM connectors, so it is kept and shown but never used.
 */
public record ArbitrageExecutorConfig(
    String id, long timestamp, String controllerId, ConnectorPair buyingMarket, ConnectorPair sellingMarket,
    double orderAmount, double minProfitability, double gasConversionPrice) implements ExecutorConfig {

  public static final String TYPE = "arbitrage_executor";
  /** Order roles in a checkpoint: the buy leg and the sell leg. */
  static final String BUY_ROLE = "buy";
  static final String SELL_ROLE = "sell";

  public ArbitrageExecutorConfig {
    ConnectorPair.requireComparable(buyingMarket, sellingMarket, "Arbitrage");
    if (!(orderAmount > 0) || Double.isNaN(minProfitability)) {
      throw new IllegalArgumentException("arbitrage needs order_amount > 0 and min_profitability");
    }
    controllerId = controllerId == null ? "main" : controllerId;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String connectorName() {
    return buyingMarket.connectorName();
  }

  @Override
  public String tradingPair() {
    return buyingMarket.tradingPair();
  }

  @Override
  public TradeType side() {
    return null;
  }

  @Override
  public String levelId() {
    return null;
  }

  @Override
  public List<ConnectorPair> markets() {
    return List.of(buyingMarket, sellingMarket);
  }

  @Override
  public ConnectorPair marketOf(String role) {
    return SELL_ROLE.equals(role) ? sellingMarket : buyingMarket;
  }
}
