package io.aviary.bot.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.bot.events.OrderCancelled;
import io.aviary.bot.events.OrderCompleted;
import io.aviary.bot.events.OrderFailed;
import io.aviary.bot.events.UnfinishedOrder;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a restarted bot reads back as the orders its previous run left unfinished. */
class UnfinishedOrdersTest {

  private static final long T0 = 1_735_733_000_000L;

  @TempDir
  Path dir;

  @Test
  void createdAndPartlyFilledOrdersAreUnfinishedWithTheirRecordedFillsEndedOnesAreNot() {
    try (BotDatabase database = BotDatabase.open(dir, Events.SCOPE)) {
      database.onEvent(Events.created("open", T0, TradeType.SELL, new BigDecimal("94100")));
      database.onEvent(Events.created("partly", T0 + 1, TradeType.BUY, new BigDecimal("94000")));
      database.onEvent(Events.filled("partly", "t1", T0 + 2, new BigDecimal("94000"), new BigDecimal("0.0004")));
      database.onEvent(Events.created("cancelled", T0 + 3, TradeType.BUY, new BigDecimal("93000")));
      database.onEvent(new OrderCancelled(T0 + 4, "cancelled", "ex-cancelled"));
      database.onEvent(Events.created("failed", T0 + 5, TradeType.BUY, new BigDecimal("93000")));
      database.onEvent(new OrderFailed(T0 + 6, "failed", OrderType.LIMIT, "rejected", "OrderFailure"));
      database.onEvent(Events.created("done", T0 + 7, TradeType.BUY, new BigDecimal("94000")));
      database.onEvent(Events.filled("done", "t2", T0 + 8, new BigDecimal("94000"), new BigDecimal("0.001")));
      database.onEvent(new OrderCompleted(T0 + 9, "done", "ex-done", "binance_perpetual", "BTC-USDT", TradeType.BUY, "BTC", "USDT",
          new BigDecimal("0.001"), new BigDecimal("94"), OrderType.LIMIT));

      List<UnfinishedOrder> unfinished = database.unfinishedOrders();

      assertThat(unfinished).extracting(UnfinishedOrder::orderId).containsExactly("open", "partly");
      UnfinishedOrder open = unfinished.get(0);
      assertThat(open.tradeType()).isEqualTo(TradeType.SELL);
      assertThat(open.orderType()).isEqualTo(OrderType.LIMIT);
      assertThat(open.connector()).isEqualTo("binance_perpetual");
      assertThat(open.tradingPair()).isEqualTo("BTC-USDT");
      assertThat(open.amount()).isEqualByComparingTo("0.001");
      assertThat(open.price()).isEqualByComparingTo("94100");
      assertThat(open.leverage()).isEqualTo(20);
      assertThat(open.position()).isEqualTo(PositionAction.OPEN);
      assertThat(open.exchangeOrderId()).isEqualTo("ex-open");
      assertThat(open.recordedTradeIds()).isEmpty();
      assertThat(open.recordedBase()).isZero();
      UnfinishedOrder partly = unfinished.get(1);
      assertThat(partly.tradeType()).isEqualTo(TradeType.BUY);
      assertThat(partly.recordedTradeIds()).containsExactly("t1");
      assertThat(partly.recordedBase()).isEqualByComparingTo("0.0004");
      assertThat(partly.recordedQuote()).isEqualByComparingTo("37.6");
    }
  }
}
