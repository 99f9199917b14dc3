package io.aviary.strategy.executor;

import java.util.List;

/**
 * Hummingbot's {@code XEMMExecutorConfig}: a LIMIT maker order of {@code orderAmount} base rests on the maker market
 * ({@code buyingMarket} when {@code makerSide} is BUY, else {@code sellingMarket}) at the price that earns
 * {@code targetProfitability} net of fees against the other (taker) market; it is hedged there with a MARKET order
 * when it fills, and re-placed when its profitability leaves {@code [minProfitability, maxProfitability]}.
 *
 * <p>As an {@link ExecutorConfig} its market is the maker market and its side the maker side.
 */
public record XEMMExecutorConfig(
    String id, long timestamp, String controllerId, ConnectorPair buyingMarket, ConnectorPair sellingMarket,
    TradeType makerSide, double orderAmount, double minProfitability, double targetProfitability,
    double maxProfitability) implements ExecutorConfig {

  public static final String TYPE = "xemm_executor";
  /** Order roles in a checkpoint: the resting maker order and the hedging taker order. */
  static final String MAKER_ROLE = "maker";
  static final String TAKER_ROLE = "taker";

  public XEMMExecutorConfig {
    ConnectorPair.requireComparable(buyingMarket, sellingMarket, "XEMM");
    if (makerSide != TradeType.BUY && makerSide != TradeType.SELL) {
      throw new IllegalArgumentException("maker_side must be BUY or SELL");
    }
    if (!(orderAmount > 0)) {
      throw new IllegalArgumentException("XEMM needs order_amount > 0");
    }
    if (!(minProfitability <= targetProfitability && targetProfitability <= maxProfitability)) {
      throw new IllegalArgumentException(
          "XEMM needs min_profitability <= target_profitability <= max_profitability");
    }
    controllerId = controllerId == null ? "main" : controllerId;
  }

  public ConnectorPair makerMarket() {
    return makerSide == TradeType.BUY ? buyingMarket : sellingMarket;
  }

  public ConnectorPair takerMarket() {
    return makerSide == TradeType.BUY ? sellingMarket : buyingMarket;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String connectorName() {
    return makerMarket().connectorName();
  }

  @Override
  public String tradingPair() {
    return makerMarket().tradingPair();
  }

  @Override
  public TradeType side() {
    return makerSide;
  }

  @Override
  public String levelId() {
    return null;
  }

  @Override
  public List<ConnectorPair> markets() {
    return List.of(makerMarket(), takerMarket());
  }

  @Override
  public ConnectorPair marketOf(String role) {
    return TAKER_ROLE.equals(role) ? takerMarket() : makerMarket();
  }
}
