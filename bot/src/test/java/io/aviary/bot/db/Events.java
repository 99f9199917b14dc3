package io.aviary.bot.db;

import io.aviary.bot.events.OrderCreated;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.events.TradeFee;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.util.List;

/** Order events as the runtime emits them, with the figures the tests check. */
final class Events {

  static final RecordingScope SCOPE = new RecordingScope("conf_v2_pmm.yml", "v2_with_controllers");
  static final TradeFee FEE = new TradeFee("AddedToCost", new BigDecimal("0.0002"), "USDT", List.of());

  private Events() {
  }

  static OrderCreated created(String orderId, long ts, TradeType side, BigDecimal price) {
    return new OrderCreated(ts, orderId, "ex-" + orderId, "binance_perpetual", "BTC-USDT", side,
        price == null ? OrderType.MARKET : OrderType.LIMIT, new BigDecimal("0.001"), price, 20, PositionAction.OPEN,
        "pmm_1");
  }

  static OrderFilled filled(String orderId, String tradeId, long ts, BigDecimal price, BigDecimal amount) {
    return new OrderFilled(ts, orderId, "ex-" + orderId, tradeId, "binance_perpetual", "BTC-USDT", TradeType.BUY,
        OrderType.LIMIT, price, amount, FEE, new BigDecimal("0.0188024"), 20, PositionAction.OPEN);
  }
}
