package io.aviary.bot.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

/** Controllers, Executors and Position rows (Hummingbot's {@code MarketsRecorder} and executor orchestrator). */
final class StrategyRows {

  private final Statements statements;

  StrategyRows(Statements statements) {
    this.statements = statements;
  }

  /** One row per controller per strategy start; {@code controller_id} is the autoincrement key, not the id. */
  void controller(String id, double timestampSeconds, String type, String configJson) throws SQLException {
    PreparedStatement insert = statements.get(
        "INSERT INTO \"Controllers\" (id, timestamp, type, config) VALUES (?, ?, ?, ?)");
    insert.setString(1, id);
    insert.setDouble(2, timestampSeconds);
    insert.setString(3, type);
    insert.setString(4, configJson);
    insert.executeUpdate();
  }

  /** Upsert by executor id: a second store of the same executor replaces its figures. */
  void executor(ExecutorRow row) throws SQLException {
    PreparedStatement upsert = statements.get("""
        INSERT INTO "Executors" (id, timestamp, type, close_type, close_timestamp, status, config, net_pnl_pct,
          net_pnl_quote, cum_fees_quote, filled_amount_quote, is_active, is_trading, custom_info, controller_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET timestamp = excluded.timestamp, type = excluded.type,
          close_type = excluded.close_type, close_timestamp = excluded.close_timestamp, status = excluded.status,
          config = excluded.config, net_pnl_pct = excluded.net_pnl_pct, net_pnl_quote = excluded.net_pnl_quote,
          cum_fees_quote = excluded.cum_fees_quote, filled_amount_quote = excluded.filled_amount_quote,
          is_active = excluded.is_active, is_trading = excluded.is_trading, custom_info = excluded.custom_info,
          controller_id = excluded.controller_id""");
    upsert.setString(1, row.id());
    upsert.setDouble(2, row.timestamp());
    upsert.setString(3, row.type());
    if (row.closeType() == null) {
      upsert.setNull(4, Types.INTEGER);
    } else {
      upsert.setInt(4, row.closeType());
    }
    if (row.closeTimestamp() == null) {
      upsert.setNull(5, Types.BIGINT);
    } else {
      upsert.setLong(5, row.closeTimestamp());
    }
    upsert.setInt(6, row.status());
    upsert.setString(7, row.configJson());
    upsert.setDouble(8, row.netPnlPct());
    upsert.setDouble(9, row.netPnlQuote());
    upsert.setDouble(10, row.cumFeesQuote());
    upsert.setDouble(11, row.filledAmountQuote());
    upsert.setInt(12, row.isActive() ? 1 : 0);
    upsert.setInt(13, row.isTrading() ? 1 : 0);
    upsert.setString(14, row.customInfoJson());
    upsert.setString(15, row.controllerId());
    upsert.executeUpdate();
  }

  /**
   * Upsert by (controller_id, connector_name, trading_pair, side); a new row gets a random UUID as Hummingbot's. Unlike
   * Hummingbot (whose update path leaves {@code realized_pnl_quote} at its first value) the update stores the current
   * realized PnL too, so a restart seeds the right figure.
   */
  void position(PositionRecord position) throws SQLException {
    PreparedStatement update = statements.get("""
        UPDATE "Position" SET timestamp = ?, volume_traded_quote = ?, amount = ?, breakeven_price = ?,
          unrealized_pnl_quote = ?, realized_pnl_quote = ?, cum_fees_quote = ?
        WHERE controller_id = ? AND connector_name = ? AND trading_pair = ? AND side = ?""");
    int i = setFigures(update, 1, position);
    update.setString(i++, position.controllerId());
    update.setString(i++, position.connectorName());
    update.setString(i++, position.tradingPair());
    update.setString(i, position.side());
    if (update.executeUpdate() > 0) {
      return;
    }
    PreparedStatement insert = statements.get("""
        INSERT INTO "Position" (id, controller_id, connector_name, side, trading_pair, timestamp, volume_traded_quote,
          amount, breakeven_price, unrealized_pnl_quote, realized_pnl_quote, cum_fees_quote)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    insert.setString(1, UUID.randomUUID().toString());
    insert.setString(2, position.controllerId());
    insert.setString(3, position.connectorName());
    insert.setString(4, position.side());
    insert.setString(5, position.tradingPair());
    setFigures(insert, 6, position);
    insert.executeUpdate();
  }

  private static int setFigures(PreparedStatement statement, int first, PositionRecord p) throws SQLException {
    int i = first;
    statement.setLong(i++, p.timestamp());
    statement.setLong(i++, SqliteDecimal.encode(p.volumeTradedQuote()));
    statement.setLong(i++, SqliteDecimal.encode(p.amount()));
    statement.setLong(i++, SqliteDecimal.encode(p.breakevenPrice()));
    statement.setLong(i++, SqliteDecimal.encode(p.unrealizedPnlQuote()));
    statement.setLong(i++, SqliteDecimal.encode(p.realizedPnlQuote()));
    statement.setLong(i++, SqliteDecimal.encode(p.cumFeesQuote()));
    return i;
  }
}
