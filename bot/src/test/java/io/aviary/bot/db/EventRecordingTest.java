package io.aviary.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.aviary.bot.events.FundingPaymentCompleted;
import io.aviary.bot.events.OrderCancelled;
import io.aviary.bot.events.OrderCompleted;
import io.aviary.bot.events.OrderFailed;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.events.TradeFee;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each order event writes the rows Hummingbot's MarketsRecorder writes, in its encodings. */
class EventRecordingTest {

  private static final long T0 = 1_735_733_000_000L;

  @TempDir
  Path dir;
  private BotDatabase database;
  private Path file;

  @BeforeEach
  void open() {
    database = BotDatabase.open(dir, Events.SCOPE);
    file = database.file();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void creationWritesTheOrderAndItsFirstStatus() {
    database.onEvent(Events.created("o1", T0, TradeType.SELL, new BigDecimal("94012.123456789")));
    database.flush();

    assertThat(Sql.one(file, "SELECT * FROM \"Order\"")).containsExactly(
        entry("id", "o1"), entry("config_file_path", "conf_v2_pmm.yml"), entry("strategy", "v2_with_controllers"),
        entry("market", "binance_perpetual"), entry("symbol", "BTC-USDT"), entry("base_asset", "BTC"),
        entry("quote_asset", "USDT"), entry("creation_timestamp", T0), entry("order_type", "LIMIT"),
        entry("amount", 1000), entry("leverage", 20), entry("price", 94_012_123_456L),
        entry("last_status", "SellOrderCreated"), entry("last_update_timestamp", T0),
        entry("exchange_order_id", "ex-o1"), entry("position", "OPEN"));
    assertThat(Sql.rows(file, "SELECT order_id, timestamp, status FROM \"OrderStatus\""))
        .containsExactly(Map.of("order_id", "o1", "timestamp", T0, "status", "SellOrderCreated"));
  }

  @Test
  void aMarketOrderWithoutPriceIsStoredWithPriceZero() {
    database.onEvent(Events.created("m1", T0, TradeType.BUY, null));
    database.flush();

    assertThat(Sql.one(file, "SELECT price, order_type, last_status FROM \"Order\"")).containsExactly(
        entry("price", 0), entry("order_type", "MARKET"), entry("last_status", "BuyOrderCreated"));
  }

  @Test
  void aFillWritesTheTradeFillAndMovesTheOrderOn() {
    database.onEvent(Events.created("o1", T0, TradeType.BUY, new BigDecimal("94012.1")));
    database.onEvent(Events.filled("o1", "5061553212", T0 + 500, new BigDecimal("94012.123456789"),
        new BigDecimal("0.001")));
    database.flush();

    assertThat(Sql.one(file, "SELECT * FROM \"TradeFill\"")).containsExactly(
        entry("config_file_path", "conf_v2_pmm.yml"), entry("strategy", "v2_with_controllers"),
        entry("market", "binance_perpetual"), entry("symbol", "BTC-USDT"), entry("base_asset", "BTC"),
        entry("quote_asset", "USDT"), entry("timestamp", T0 + 500), entry("order_id", "o1"),
        entry("trade_type", "BUY"), entry("order_type", "LIMIT"), entry("price", 94_012_123_456L),
        entry("amount", 1000), entry("leverage", 20),
        entry("trade_fee",
            "{\"fee_type\": \"AddedToCost\", \"percent\": \"0.0002\", \"percent_token\": \"USDT\", \"flat_fees\": []}"),
        entry("trade_fee_in_quote", 18802), entry("exchange_trade_id", "5061553212"), entry("position", "OPEN"));
    assertThat(Sql.one(file, "SELECT last_status, last_update_timestamp FROM \"Order\""))
        .containsExactly(entry("last_status", "OrderFilled"), entry("last_update_timestamp", T0 + 500));
    assertThat(statusTrail("o1")).containsExactly("BuyOrderCreated", "OrderFilled");
  }

  @Test
  void flatFeesAndDeductedFromReturnsAreStoredAsHummingbotsJson() {
    TradeFee fee = new TradeFee("DeductedFromReturns", new BigDecimal("0"), null,
        List.of(new TradeFee.FlatFee("BNB", new BigDecimal("0.00012"))));
    database.onEvent(new OrderFilled(T0, "o2", null, "t2", "binance", "ETH-USDT", TradeType.SELL, OrderType.MARKET,
        new BigDecimal("3300"), new BigDecimal("0.5"), fee, BigDecimal.ZERO, 0, null));
    database.flush();

    assertThat(Sql.one(file, "SELECT trade_fee, trade_fee_in_quote, leverage, position FROM \"TradeFill\""))
        .containsExactly(
            entry("trade_fee", "{\"fee_type\": \"DeductedFromReturns\", \"percent\": \"0\", \"percent_token\": null, "
                + "\"flat_fees\": [{\"token\": \"BNB\", \"amount\": \"0.00012\"}]}"),
            entry("trade_fee_in_quote", 0), entry("leverage", 1), entry("position", "NIL"));
    // a fill before its order's creation still records its status (Hummingbot does the same)
    assertThat(statusTrail("o2")).containsExactly("OrderFilled");
  }

  @Test
  void aCancelledOrdersStatusTrail() {
    database.onEvent(Events.created("o1", T0, TradeType.BUY, new BigDecimal("94000")));
    database.onEvent(new OrderCancelled(T0 + 2_000, "o1", "ex-o1"));
    database.flush();

    assertThat(statusTrail("o1")).containsExactly("BuyOrderCreated", "OrderCancelled");
    assertThat(Sql.one(file, "SELECT last_status, last_update_timestamp FROM \"Order\""))
        .containsExactly(entry("last_status", "OrderCancelled"), entry("last_update_timestamp", T0 + 2_000));
  }

  @Test
  void aFailedOrdersStatusTrail() {
    database.onEvent(Events.created("o1", T0, TradeType.BUY, new BigDecimal("94000")));
    database.onEvent(new OrderFailed(T0 + 100, "o1", OrderType.LIMIT, "insufficient balance", "InsufficientFunds"));
    database.flush();

    assertThat(statusTrail("o1")).containsExactly("BuyOrderCreated", "OrderFailure");
    assertThat(Sql.one(file, "SELECT last_status FROM \"Order\"")).containsExactly(entry("last_status", "OrderFailure"));
  }

  @Test
  void aCompletedOrdersStatusTrail() {
    database.onEvent(Events.created("o1", T0, TradeType.SELL, new BigDecimal("94000")));
    database.onEvent(Events.filled("o1", "t1", T0 + 1, new BigDecimal("94000"), new BigDecimal("0.001")));
    database.onEvent(new OrderCompleted(T0 + 2, "o1", "ex-o1", "binance_perpetual", "BTC-USDT", TradeType.SELL, "BTC",
        "USDT", new BigDecimal("0.001"), new BigDecimal("94"), OrderType.LIMIT));
    database.flush();

    assertThat(statusTrail("o1")).containsExactly("SellOrderCreated", "OrderFilled", "SellOrderCompleted");
  }

  @Test
  void statusEventsOfUnknownOrdersWriteNothing() {
    database.onEvent(new OrderCancelled(T0, "nobody", null));
    database.flush();

    assertThat(Sql.count(file, "OrderStatus")).isZero();
  }

  @Test
  void replayedCreationsAndFillsAreRecordedOnce() {
    for (int i = 0; i < 2; i++) {
      database.onEvent(Events.created("o1", T0, TradeType.BUY, new BigDecimal("94000")));
      database.onEvent(Events.filled("o1", "t1", T0 + 1, new BigDecimal("94000"), new BigDecimal("0.001")));
    }
    database.flush();

    assertThat(Sql.count(file, "Order")).isEqualTo(1);
    assertThat(Sql.count(file, "TradeFill")).isEqualTo(1);
    assertThat(statusTrail("o1")).containsExactly("BuyOrderCreated", "OrderFilled");
  }

  @Test
  void aFundingPaymentIsStoredOncePerTimestamp() {
    FundingPaymentCompleted payment = new FundingPaymentCompleted(T0, "binance_perpetual", "BTC-USDT",
        new BigDecimal("-0.0123"), new BigDecimal("0.0001"));
    database.onEvent(payment);
    database.onEvent(payment);
    database.flush();

    assertThat(Sql.rows(file, "SELECT * FROM \"FundingPayment\"")).containsExactly(Map.of(
        "timestamp", T0, "config_file_path", "conf_v2_pmm.yml", "market", "binance_perpetual", "rate", 0.0001,
        "symbol", "BTC-USDT", "amount", -0.0123));
  }

  @Test
  void aBadEventIsLoggedAndTheOthersAroundItAreKept() {
    database.onEvent(Events.created("o1", T0, TradeType.BUY, new BigDecimal("94000")));
    database.onEvent(new io.aviary.bot.events.OrderCreated(T0, "bad", null, "binance", "BTCUSDT", TradeType.BUY,
        OrderType.LIMIT, BigDecimal.ONE, BigDecimal.ONE, 1, PositionAction.NIL, "pmm_1"));
    database.onEvent(Events.created("o2", T0, TradeType.BUY, new BigDecimal("94000")));
    database.flush();

    assertThat(Sql.rows(file, "SELECT id FROM \"Order\" ORDER BY id"))
        .containsExactly(Map.of("id", "o1"), Map.of("id", "o2"));
  }

  private List<Object> statusTrail(String orderId) {
    return Sql.rows(file, "SELECT status FROM \"OrderStatus\" WHERE order_id = '" + orderId + "' ORDER BY id")
        .stream().map(row -> row.get("status")).toList();
  }
}
