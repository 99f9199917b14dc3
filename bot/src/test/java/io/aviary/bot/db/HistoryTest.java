package io.aviary.bot.db;

import io.aviary.bot.events.HistoryTrade;
import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code history} RPC's trades: TradeFill rows of this run's config file as {@code to_bounty_api_json}. */
class HistoryTest {

  private static final long T0 = 1_735_733_000_000L;

  @TempDir
  Path dir;

  @Test
  void tradesSinceGivesHummingbotsItemShape() {
    try (BotDatabase database = BotDatabase.open(dir, Events.SCOPE)) {
      database.onEvent(Events.created("o1", T0, TradeType.BUY, new BigDecimal("94012.1")));
      database.onEvent(Events.filled("o1", "5061553212", T0, new BigDecimal("94012.1"), new BigDecimal("0.001")));

      List<HistoryTrade> trades = database.tradesSince(T0);

      assertThat(trades).singleElement().extracting(HistoryTrade::toMap).isEqualTo(Map.of(
          "market", "binance_perpetual", "trade_id", "5061553212", "price", "94012.1", "quantity", "0.001",
          "symbol", "BTC-USDT", "trade_timestamp", T0, "trade_type", "BUY", "base_asset", "BTC",
          "quote_asset", "USDT",
          "raw_json", Map.of("trade_fee", Map.of("fee_type", "AddedToCost", "percent", "0.0002",
              "percent_token", "USDT", "flat_fees", List.of()))));
      assertThat(trades.get(0).toMap().keySet()).containsExactly("market", "trade_id", "price", "quantity", "symbol",
          "trade_timestamp", "trade_type", "base_asset", "quote_asset", "raw_json");
    }
  }

  @Test
  void onlyTradesOfThisConfigFileFromTheGivenTimeOldestFirst() throws SQLException {
    try (BotDatabase database = BotDatabase.open(dir, Events.SCOPE)) {
      database.onEvent(Events.filled("o0", "t0", T0 - 1, new BigDecimal("1"), new BigDecimal("1")));
      database.onEvent(Events.filled("o2", "t2", T0 + 2, new BigDecimal("94012"), new BigDecimal("2")));
      database.onEvent(Events.filled("o1", "t1", T0 + 1, new BigDecimal("0.000001"), new BigDecimal("1.5")));
      database.flush();
      insertFillOfAnotherConfig(database.file());

      List<HistoryTrade> trades = database.tradesSince(T0);

      assertThat(trades).extracting(HistoryTrade::tradeId).containsExactly("t1", "t2");
      // numpy.format_float_positional: no exponent, a trailing "." on integral values
      assertThat(trades).extracting(HistoryTrade::price).containsExactly("0.000001", "94012.");
      assertThat(trades).extracting(HistoryTrade::quantity).containsExactly("1.5", "2.");
    }
  }

  @Test
  void aReadSeesEveryWriteEnqueuedBeforeIt() {
    try (BotDatabase database = BotDatabase.open(dir, Events.SCOPE)) {
      for (int i = 0; i < 500; i++) {
        database.onEvent(Events.filled("o" + i, "t" + i, T0 + i, new BigDecimal("1"), new BigDecimal("1")));
      }
      assertThat(database.tradesSince(0)).hasSize(500);
    }
  }

  private static void insertFillOfAnotherConfig(Path file) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("""
          INSERT INTO "TradeFill" VALUES ('other.yml', 's', 'binance', 'BTC-USDT', 'BTC', 'USDT', %d, 'x', 'BUY',
            'LIMIT', 1000000, 1000000, 1, '{}', 0, 'tx', 'NIL')""".formatted(T0 + 5));
    }
  }
}
