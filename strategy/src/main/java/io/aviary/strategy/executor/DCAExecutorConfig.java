package io.aviary.strategy.executor;

import java.util.List;

/**
 * Hummingbot's {@code DCAExecutorConfig}: entry levels of {@code amountsQuote[i]} quote at {@code prices[i]}, exits
 * on the position's average entry.
 *
 * @param activationBounds {@code [b0]} or {@code [b0, b1]} fractions, or null (TAKER then uses
 *     {@code [0.0001, 0.005]})
 */
public record DCAExecutorConfig(
    String id, long timestamp, String controllerId, String connectorName, String tradingPair, TradeType side,
    int leverage, List<Double> amountsQuote, List<Double> prices, Double takeProfit, Double stopLoss,
    TrailingStop trailingStop, Long timeLimit, DCAMode mode, List<Double> activationBounds, String levelId)
    implements ExecutorConfig {

  public static final String TYPE = "dca_executor";
  static final List<Double> TAKER_DEFAULT_BOUNDS = List.of(0.0001, 0.005);

  public DCAExecutorConfig {
    if (side != TradeType.BUY && side != TradeType.SELL) {
      throw new IllegalArgumentException("side must be BUY or SELL");
    }
    amountsQuote = List.copyOf(amountsQuote);
    prices = List.copyOf(prices);
    if (amountsQuote.isEmpty() || amountsQuote.size() != prices.size()) {
      throw new IllegalArgumentException("amounts_quote and prices must be non-empty and of the same length");
    }
    for (int i = 0; i < prices.size(); i++) {
      if (!(prices.get(i) > 0) || !(amountsQuote.get(i) > 0)) {
        throw new IllegalArgumentException("every DCA level needs price > 0 and amount_quote > 0 (level " + i + ")");
      }
    }
    if (stopLoss != null && !(stopLoss > 0) || takeProfit != null && !(takeProfit > 0)
        || timeLimit != null && timeLimit <= 0) {
      throw new IllegalArgumentException("stop_loss, take_profit and time_limit must be > 0 when set");
    }
    mode = mode == null ? DCAMode.MAKER : mode;
    activationBounds = activationBounds == null
        ? (mode == DCAMode.TAKER ? TAKER_DEFAULT_BOUNDS : null) : List.copyOf(activationBounds);
    controllerId = controllerId == null ? "main" : controllerId;
    leverage = leverage <= 0 ? 1 : leverage;
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** Hummingbot's {@code target_position_average_price}: Σ price·amount_quote / Σ amount_quote. */
  public double targetPositionAveragePrice() {
    double weighted = 0;
    double total = 0;
    for (int i = 0; i < prices.size(); i++) {
      weighted += prices.get(i) * amountsQuote.get(i);
      total += amountsQuote.get(i);
    }
    return weighted / total;
  }
}
