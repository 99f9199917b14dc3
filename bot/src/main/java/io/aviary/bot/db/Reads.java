package io.aviary.bot.db;

import io.aviary.bot.events.HistoryTrade;
import io.aviary.bot.events.UnfinishedOrder;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorState;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the bot reads back: the {@code history} RPC's trades and, at restart, a controller's executors and positions and
 * the orders a previous run left unfinished.
 */
final class Reads {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {};

  private final Statements statements;
  private final RecordingScope scope;

  Reads(Statements statements, RecordingScope scope) {
    this.statements = statements;
    this.scope = scope;
  }

  /**
   * Hummingbot's {@code get_history_trades_json}: TradeFill rows with {@code timestamp >= sinceMs} whose
   * {@code config_file_path} is LIKE {@code %<config file>%} (Hummingbot's filter, wildcards included), oldest first.
   */
  List<HistoryTrade> tradesSince(long sinceMs) throws SQLException {
    PreparedStatement query = statements.get("""
        SELECT market, exchange_trade_id, price, amount, symbol, timestamp, trade_type, base_asset, quote_asset,
          trade_fee FROM "TradeFill" WHERE timestamp >= ? AND config_file_path LIKE '%' || ? || '%'
        ORDER BY timestamp""");
    query.setLong(1, sinceMs);
    query.setString(2, scope.configFilePath());
    List<HistoryTrade> trades = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        trades.add(new HistoryTrade(
            rows.getString("market"),
            rows.getString("exchange_trade_id"),
            HistoryTrade.numpyPositional(SqliteDecimal.decode(rows.getLong("price"))),
            HistoryTrade.numpyPositional(SqliteDecimal.decode(rows.getLong("amount"))),
            rows.getString("symbol"),
            rows.getLong("timestamp"),
            rows.getString("trade_type"),
            rows.getString("base_asset"),
            rows.getString("quote_asset"),
            jsonObject(rows.getString("trade_fee"))));
      }
    }
    return trades;
  }

  List<StoredExecutor> executorsOf(String controllerId) throws SQLException {
    PreparedStatement query = statements.get("""
        SELECT id, timestamp, type, close_type, close_timestamp, status, config, net_pnl_pct, net_pnl_quote,
          cum_fees_quote, filled_amount_quote, is_active, is_trading, custom_info, controller_id
        FROM "Executors" WHERE controller_id = ? ORDER BY timestamp""");
    query.setString(1, controllerId);
    List<StoredExecutor> executors = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        int closeType = rows.getInt("close_type");
        CloseType close = rows.wasNull() ? null : closeType(closeType);
        double closeTimestamp = rows.getDouble("close_timestamp");
        Double closedAt = rows.wasNull() ? null : closeTimestamp;
        executors.add(new StoredExecutor(
            rows.getString("id"),
            rows.getDouble("timestamp"),
            rows.getString("type"),
            close,
            closedAt,
            status(rows.getInt("status")),
            rows.getDouble("net_pnl_pct"),
            rows.getDouble("net_pnl_quote"),
            rows.getDouble("cum_fees_quote"),
            rows.getDouble("filled_amount_quote"),
            rows.getInt("is_active") != 0,
            rows.getInt("is_trading") != 0,
            rows.getString("controller_id"),
            rows.getString("config"),
            rows.getString("custom_info")));
      }
    }
    return executors;
  }

  List<PositionRecord> positionsOf(String controllerId) throws SQLException {
    PreparedStatement query = statements.get("""
        SELECT controller_id, connector_name, trading_pair, side, timestamp, volume_traded_quote, amount,
          breakeven_price, unrealized_pnl_quote, realized_pnl_quote, cum_fees_quote
        FROM "Position" WHERE controller_id = ? ORDER BY timestamp""");
    query.setString(1, controllerId);
    List<PositionRecord> positions = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        positions.add(new PositionRecord(
            rows.getString("controller_id"),
            rows.getString("connector_name"),
            rows.getString("trading_pair"),
            rows.getString("side"),
            rows.getLong("timestamp"),
            SqliteDecimal.decode(rows.getLong("volume_traded_quote")),
            SqliteDecimal.decode(rows.getLong("amount")),
            SqliteDecimal.decode(rows.getLong("breakeven_price")),
            SqliteDecimal.decode(rows.getLong("unrealized_pnl_quote")),
            SqliteDecimal.decode(rows.getLong("realized_pnl_quote")),
            SqliteDecimal.decode(rows.getLong("cum_fees_quote"))));
      }
    }
    return positions;
  }

  /**
   * Orders whose last status is a creation or a fill (not a cancel, failure or completion), oldest first, with the
   * fills already recorded. The side is the creation's ({@code Buy/SellOrderCreated}), else the first fill's.
   */
  List<UnfinishedOrder> unfinishedOrders() throws SQLException {
    PreparedStatement query = statements.get("""
        SELECT o.id, o.exchange_order_id, o.market, o.symbol, o.creation_timestamp, o.order_type, o.amount,
          o.leverage, o.price, o.position,
          COALESCE((SELECT CASE s.status WHEN 'BuyOrderCreated' THEN 'BUY' ELSE 'SELL' END FROM "OrderStatus" s
                    WHERE s.order_id = o.id AND s.status IN ('BuyOrderCreated', 'SellOrderCreated') LIMIT 1),
                   (SELECT f.trade_type FROM "TradeFill" f WHERE f.order_id = o.id LIMIT 1)) AS side
        FROM "Order" o WHERE o.last_status IN ('BuyOrderCreated', 'SellOrderCreated', 'OrderFilled')
        ORDER BY o.creation_timestamp""");
    List<UnfinishedOrder> orders = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String side = rows.getString("side");
        if (side == null) {
          continue; // neither a creation nor a fill says which side: nothing to reconcile it as
        }
        String id = rows.getString("id");
        OrderType type = OrderType.valueOf(rows.getString("order_type"));
        BigDecimal price = SqliteDecimal.decode(rows.getLong("price"));
        orders.add(recordedFills(new UnfinishedOrder(id, rows.getString("exchange_order_id"), rows.getString("market"),
            rows.getString("symbol"), TradeType.valueOf(side), type, SqliteDecimal.decode(rows.getLong("amount")),
            type.isLimitType() ? price : null, rows.getInt("leverage"),
            PositionAction.valueOf(rows.getString("position")), rows.getLong("creation_timestamp"), Set.of(),
            BigDecimal.ZERO, BigDecimal.ZERO)));
      }
    }
    return orders;
  }

  private UnfinishedOrder recordedFills(UnfinishedOrder order) throws SQLException {
    PreparedStatement query = statements.get(
        "SELECT exchange_trade_id, price, amount FROM \"TradeFill\" WHERE order_id = ? AND market = ?");
    query.setString(1, order.orderId());
    query.setString(2, order.connector());
    Set<String> tradeIds = new HashSet<>();
    BigDecimal base = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        tradeIds.add(rows.getString("exchange_trade_id"));
        BigDecimal amount = SqliteDecimal.decode(rows.getLong("amount"));
        base = base.add(amount);
        quote = quote.add(amount.multiply(SqliteDecimal.decode(rows.getLong("price"))));
      }
    }
    return new UnfinishedOrder(order.orderId(), order.exchangeOrderId(), order.connector(), order.tradingPair(),
        order.tradeType(), order.orderType(), order.amount(), order.price(), order.leverage(), order.position(),
        order.createdAtMs(), tradeIds, base, quote);
  }

  private static Map<String, Object> jsonObject(String text) {
    return JSON.readValue(text, JSON_OBJECT);
  }

  private static CloseType closeType(int code) {
    for (CloseType type : CloseType.values()) {
      if (type.code() == code) {
        return type;
      }
    }
    throw new IllegalStateException("unknown Executors.close_type " + code);
  }

  private static ExecutorState status(int code) {
    for (ExecutorState state : ExecutorState.values()) {
      if (state.code() == code) {
        return state;
      }
    }
    throw new IllegalStateException("unknown Executors.status " + code);
  }
}
