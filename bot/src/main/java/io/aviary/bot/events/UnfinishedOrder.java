package io.aviary.bot.events;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.util.Set;

/**
 * An order the bot database shows as not ended (created, perhaps partly filled, never cancelled, failed or completed):
 * what a bot run that was killed, or stopped without cancelling, left on the venue. Read at the next strategy start,
 * which reconciles it with the venue.
 *
 * @param price {@code null} for a MARKET order
 * @param recordedTradeIds the {@code exchange_trade_id}s already in TradeFill, so a fill is never recorded twice
 * @param recordedBase the base amount of those fills
 * @param recordedQuote their quote amount (price × amount summed)
 */
public record UnfinishedOrder(
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
    long createdAtMs,
    Set<String> recordedTradeIds,
    BigDecimal recordedBase,
    BigDecimal recordedQuote) {

  public UnfinishedOrder {
    recordedTradeIds = Set.copyOf(recordedTradeIds);
  }
}
