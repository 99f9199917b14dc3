package io.aviary.bot.events;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;

/** Fully filled (Hummingbot's {@code BuyOrderCompleted}/{@code SellOrderCompleted}). */
public record OrderCompleted(
    long timestampMs,
    String orderId,
    String exchangeOrderId,
    String connector,
    String tradingPair,
    TradeType tradeType,
    String baseAsset,
    String quoteAsset,
    BigDecimal baseAssetAmount,
    BigDecimal quoteAssetAmount,
    OrderType orderType)
    implements BotEvent {

  @Override
  public String eventName() {
    return tradeType == TradeType.BUY ? "BuyOrderCompleted" : "SellOrderCompleted";
  }
}
