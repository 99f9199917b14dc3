package io.aviary.bot.db;

import io.aviary.bot.events.BotEvent;
import io.aviary.bot.events.FundingPaymentCompleted;
import io.aviary.bot.events.OrderCancelled;
import io.aviary.bot.events.OrderCompleted;
import io.aviary.bot.events.OrderCreated;
import io.aviary.bot.events.OrderFailed;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.events.TradeFee;
import io.aviary.connectors.model.PositionAction;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows Hummingbot's {@code MarketsRecorder} writes for each order event: Order + OrderStatus on creation,
 * OrderStatus + {@code Order.last_status} on fill/cancel/failure/completion, TradeFill on fill, FundingPayment once per
 * timestamp. Runs on the writer thread only.
 *
 * <p>Differences from Hummingbot, on purpose: a repeated creation or fill (same order id, same
 * {@code (market, order_id, exchange_trade_id)}) is ignored instead of failing the transaction, so replaying events
 * after a reconnect never duplicates rows; status updates use the event's own timestamp, not the time of writing.
 */
final class EventRows {

  private final Statements statements;
  private final RecordingScope scope;

  EventRows(Statements statements, RecordingScope scope) {
    this.statements = statements;
    this.scope = scope;
  }

  void write(BotEvent event) throws SQLException {
    switch (event) {
      case OrderCreated e -> created(e);
      case OrderFilled e -> filled(e);
      case OrderCancelled e -> statusChanged(e.orderId(), e.timestampMs(), e.eventName());
      case OrderFailed e -> statusChanged(e.orderId(), e.timestampMs(), e.eventName());
      case OrderCompleted e -> statusChanged(e.orderId(), e.timestampMs(), e.eventName());
      case FundingPaymentCompleted e -> funding(e);
    }
  }

  private void created(OrderCreated e) throws SQLException {
    String[] assets = assets(e.tradingPair());
    PreparedStatement order = statements.get("""
        INSERT OR IGNORE INTO "Order" (id, config_file_path, strategy, market, symbol, base_asset, quote_asset,
          creation_timestamp, order_type, amount, leverage, price, last_status, last_update_timestamp,
          exchange_order_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    order.setString(1, e.orderId());
    order.setString(2, scope.configFilePath());
    order.setString(3, scope.strategy());
    order.setString(4, e.connector());
    order.setString(5, e.tradingPair());
    order.setString(6, assets[0]);
    order.setString(7, assets[1]);
    order.setLong(8, e.timestampMs());
    order.setString(9, e.orderType().name());
    order.setLong(10, SqliteDecimal.encode(e.amount()));
    order.setInt(11, leverage(e.leverage()));
    // a MARKET order has no price: Hummingbot stores NaN as 0
    order.setLong(12, e.price() == null ? 0 : SqliteDecimal.encode(e.price()));
    order.setString(13, e.eventName());
    order.setLong(14, e.timestampMs());
    order.setString(15, e.exchangeOrderId());
    order.setString(16, position(e.position()));
    if (order.executeUpdate() == 1) {
      insertStatus(e.orderId(), e.timestampMs(), e.eventName());
    }
  }

  private void filled(OrderFilled e) throws SQLException {
    String[] assets = assets(e.tradingPair());
    PreparedStatement fill = statements.get("""
        INSERT OR IGNORE INTO "TradeFill" (config_file_path, strategy, market, symbol, base_asset, quote_asset,
          timestamp, order_id, trade_type, order_type, price, amount, leverage, trade_fee, trade_fee_in_quote,
          exchange_trade_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    fill.setString(1, scope.configFilePath());
    fill.setString(2, scope.strategy());
    fill.setString(3, e.connector());
    fill.setString(4, e.tradingPair());
    fill.setString(5, assets[0]);
    fill.setString(6, assets[1]);
    fill.setLong(7, e.timestampMs());
    fill.setString(8, e.orderId());
    fill.setString(9, e.tradeType().name());
    fill.setString(10, e.orderType().name());
    fill.setLong(11, SqliteDecimal.encode(e.price()));
    fill.setLong(12, SqliteDecimal.encode(e.amount()));
    fill.setInt(13, leverage(e.leverage()));
    fill.setString(14, PyJson.dumps(feeJson(e.fee())));
    fill.setLong(15, e.feeInQuote() == null ? 0 : SqliteDecimal.encode(e.feeInQuote()));
    fill.setString(16, e.exchangeTradeId());
    fill.setString(17, position(e.position()));
    if (fill.executeUpdate() == 1) {
      // Hummingbot adds the status row even when the order row is missing (a MARKET fill may precede its creation)
      updateLastStatus(e.orderId(), e.timestampMs(), e.eventName());
      insertStatus(e.orderId(), e.timestampMs(), e.eventName());
    }
  }

  /** Cancel, failure, completion: only for a recorded order, as Hummingbot's {@code _update_order_status}. */
  private void statusChanged(String orderId, long timestampMs, String status) throws SQLException {
    if (updateLastStatus(orderId, timestampMs, status)) {
      insertStatus(orderId, timestampMs, status);
    }
  }

  private void funding(FundingPaymentCompleted e) throws SQLException {
    PreparedStatement payment = statements.get("""
        INSERT OR IGNORE INTO "FundingPayment" (timestamp, config_file_path, market, rate, symbol, amount)
        VALUES (?, ?, ?, ?, ?, ?)""");
    payment.setLong(1, e.timestampMs());
    payment.setString(2, scope.configFilePath());
    payment.setString(3, e.connector());
    payment.setDouble(4, e.fundingRate().doubleValue());
    payment.setString(5, e.tradingPair());
    payment.setDouble(6, e.amount().doubleValue());
    payment.executeUpdate();
  }

  private boolean updateLastStatus(String orderId, long timestampMs, String status) throws SQLException {
    PreparedStatement update = statements.get(
        "UPDATE \"Order\" SET last_status = ?, last_update_timestamp = ? WHERE id = ?");
    update.setString(1, status);
    update.setLong(2, timestampMs);
    update.setString(3, orderId);
    return update.executeUpdate() > 0;
  }

  private void insertStatus(String orderId, long timestampMs, String status) throws SQLException {
    PreparedStatement insert = statements.get(
        "INSERT INTO \"OrderStatus\" (order_id, timestamp, status) VALUES (?, ?, ?)");
    insert.setString(1, orderId);
    insert.setLong(2, timestampMs);
    insert.setString(3, status);
    insert.executeUpdate();
  }

  /** Hummingbot's {@code TradeFeeBase.to_json()}: Decimals as {@code str(Decimal)}. */
  static Map<String, Object> feeJson(TradeFee fee) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("fee_type", fee.feeType());
    json.put("percent", fee.percent().toString());
    json.put("percent_token", fee.percentToken());
    List<Map<String, Object>> flatFees = fee.flatFees().stream().map(flat -> {
      Map<String, Object> token = new LinkedHashMap<>();
      token.put("token", flat.token());
      token.put("amount", flat.amount().toString());
      return token;
    }).toList();
    json.put("flat_fees", flatFees);
    return json;
  }

  /** {@code BASE-QUOTE} → [BASE, QUOTE]; Hummingbot splits the trading pair at its dash. */
  private static String[] assets(String tradingPair) {
    String[] parts = tradingPair.split("-", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("trading pair is not BASE-QUOTE: " + bounded(tradingPair));
    }
    return parts;
  }

  private static int leverage(int leverage) {
    return leverage > 0 ? leverage : 1;
  }

  private static String position(PositionAction position) {
    return (position == null ? PositionAction.NIL : position).name();
  }

  private static String bounded(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
