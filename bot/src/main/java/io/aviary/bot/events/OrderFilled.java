package io.aviary.bot.events;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;

/**
 * One fill (Hummingbot's {@code OrderFilled}); {@code feeInQuote} is the fee converted to the quote asset
 * (TradeFill.trade_fee_in_quote), zero when it could not be converted.
 */
public record OrderFilled(
    long timestampMs,
    String orderId,
    String exchangeOrderId,
    String exchangeTradeId,
    String connector,
    String tradingPair,
    TradeType tradeType,
    OrderType orderType,
    BigDecimal price,
    BigDecimal amount,
    TradeFee fee,
    BigDecimal feeInQuote,
    int leverage,
    PositionAction position)
    implements BotEvent {

  @Override
  public String eventName() {
    return "OrderFilled";
  }
}
