package io.aviary.bot.runtime;

import io.aviary.bot.events.OrderCompleted;
import io.aviary.bot.events.OrderCreated;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.events.TradeFee;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.util.List;

/** The {@link io.aviary.bot.events.BotEvent}s of a tracked order, in Hummingbot's terms. */
final class OrderEvents {
  private OrderEvents() {}

  static OrderCreated created(TrackedOrder order, String connectorName, long nowMs) {
    OrderRequest r = order.request;
    return new OrderCreated(nowMs, order.id(), order.exchangeOrderId, connectorName, r.tradingPair().toString(),
        r.side(), r.type(), r.amount(), r.price(), order.leverage, r.positionAction(), order.controllerId);
  }

  static OrderFilled filled(TrackedOrder order, Fill fill, BigDecimal feeInQuote, String connectorName,
      boolean perpetual) {
    OrderRequest r = order.request;
    return new OrderFilled(fill.timestamp().toEpochMilli(), order.id(), fill.exchangeOrderId(), fill.tradeId(),
        connectorName, r.tradingPair().toString(), r.side(), r.type(), fill.price(), fill.amount(),
        tradeFee(fill, r.side(), perpetual), feeInQuote, order.leverage, r.positionAction());
  }

  static OrderCompleted completed(TrackedOrder order, String connectorName, long nowMs) {
    OrderRequest r = order.request;
    return new OrderCompleted(nowMs, order.id(), order.exchangeOrderId, connectorName, r.tradingPair().toString(),
        r.side(), r.tradingPair().base(), r.tradingPair().quote(), order.executedBase, order.executedQuote,
        r.type());
  }

  /** Hummingbot's {@code new_spot_fee}/{@code new_perpetual_fee} with the venue's charge as one flat fee. */
  static TradeFee tradeFee(Fill fill, TradeType side, boolean perpetual) {
    String type = perpetual || side == TradeType.BUY ? "AddedToCost" : "DeductedFromReturns";
    List<TradeFee.FlatFee> flat = fill.fee() == null || fill.feeAsset() == null || fill.fee().signum() == 0
        ? List.of() : List.of(new TradeFee.FlatFee(fill.feeAsset(), fill.fee()));
    return new TradeFee(type, BigDecimal.ZERO, fill.feeAsset(), flat);
  }
}
