package io.aviary.bot.events;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;

/**
 * An order accepted by the venue (Hummingbot's {@code BuyOrderCreated}/{@code SellOrderCreated}).
 *
 * @param price {@code null} for a MARKET order (Hummingbot sends NaN on MQTT and stores 0 in SQLite)
 * @param controllerId the controller whose executor placed it
 */
public record OrderCreated(
    long timestampMs,
    String orderId,
    String exchangeOrderId,
    String connector,
    String tradingPair,
    TradeType tradeType,
    OrderType orderType,
    BigDecimal amount,
    BigDecimal price,
    int leverage,
    PositionAction position,
    String controllerId)
    implements BotEvent {

  @Override
  public String eventName() {
    return tradeType == TradeType.BUY ? "BuyOrderCreated" : "SellOrderCreated";
  }
}
