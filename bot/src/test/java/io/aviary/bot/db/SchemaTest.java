package io.aviary.bot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database has Hummingbot's schema. The reference {@code hummingbot-v2.16-empty.sqlite} was made by SQLAlchemy
 * 1.4 ({@code metadata.create_all}, SQLite dialect) from the column declarations of hummingbot v2.16
 * {@code hummingbot/model/*.py}: what a Hummingbot bot creates in {@code data/<config>.sqlite}.
 */
class SchemaTest {

  private static final String MASTER =
      "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name";

  @TempDir
  Path dir;

  @Test
  void sqliteMasterEqualsTheOneHummingbotCreates() throws IOException {
    Path reference = reference();
    BotDatabase.open(dir, Events.SCOPE).close();

    List<Map<String, Object>> ours = Sql.rows(dir.resolve("conf_v2_pmm.sqlite"), MASTER);
    List<Map<String, Object>> theirs = Sql.rows(reference, MASTER);
    assertThat(ours).hasSize(46).containsExactlyElementsOf(theirs);
  }

  @Test
  void selectStarReturnsHummingbotsColumnsInHummingbotsOrder() {
    BotDatabase.open(dir, Events.SCOPE).close();
    Path file = dir.resolve("conf_v2_pmm.sqlite");

    assertThat(Sql.columns(file, "TradeFill")).containsExactly("config_file_path", "strategy", "market", "symbol",
        "base_asset", "quote_asset", "timestamp", "order_id", "trade_type", "order_type", "price", "amount",
        "leverage", "trade_fee", "trade_fee_in_quote", "exchange_trade_id", "position");
    assertThat(Sql.columns(file, "Order")).containsExactly("id", "config_file_path", "strategy", "market", "symbol",
        "base_asset", "quote_asset", "creation_timestamp", "order_type", "amount", "leverage", "price", "last_status",
        "last_update_timestamp", "exchange_order_id", "position");
    assertThat(Sql.columns(file, "OrderStatus")).containsExactly("id", "order_id", "timestamp", "status");
    assertThat(Sql.columns(file, "Executors")).containsExactly("id", "timestamp", "type", "close_type",
        "close_timestamp", "status", "config", "net_pnl_pct", "net_pnl_quote", "cum_fees_quote",
        "filled_amount_quote", "is_active", "is_trading", "custom_info", "controller_id");
    assertThat(Sql.columns(file, "Controllers")).containsExactly("id", "controller_id", "timestamp", "type", "config");
    assertThat(Sql.columns(file, "Position")).containsExactly("id", "controller_id", "connector_name", "side",
        "trading_pair", "timestamp", "volume_traded_quote", "amount", "breakeven_price", "unrealized_pnl_quote",
        "realized_pnl_quote", "cum_fees_quote");
    assertThat(Sql.columns(file, "FundingPayment"))
        .containsExactly("timestamp", "config_file_path", "market", "rate", "symbol", "amount");
  }

  @Test
  void storesTheMetadataVersionAndRunsInWalMode() {
    try (BotDatabase database = BotDatabase.open(dir, Events.SCOPE)) {
      assertThat(database.file()).isEqualTo(dir.resolve("conf_v2_pmm.sqlite"));
      Path file = database.file();
      assertThat(Sql.rows(file, "SELECT \"key\", value FROM \"Metadata\""))
          .containsExactly(Map.of("key", "local_db_version", "value", "20230516"));
      assertThat(Sql.one(file, "PRAGMA journal_mode").get("journal_mode")).isEqualTo("wal");
    }
  }

  @Test
  void opensADatabaseHummingbotLeftBehindWithoutChangingItsSchema() throws IOException {
    Path reference = reference();
    Path file = dir.resolve("conf_v2_pmm.sqlite");
    Files.copy(reference, file);
    try (BotDatabase database = BotDatabase.open(dir, Events.SCOPE)) {
      database.onEvent(Events.created("o1", 1_735_733_000_000L, io.aviary.connectors.model.TradeType.BUY,
          new BigDecimal("94000")));
    }
    assertThat(Sql.rows(file, MASTER)).containsExactlyElementsOf(Sql.rows(reference, MASTER));
    assertThat(Sql.count(file, "Order")).isEqualTo(1);
  }

  @Test
  void databaseNameIsTheConfigFileNameUpToItsFirstDot() {
    assertThat(new RecordingScope("conf_v2_pmm.yml", "s").databaseName()).isEqualTo("conf_v2_pmm");
    assertThat(new RecordingScope("my_pmm-20250101-120000.yml", "s").databaseName())
        .isEqualTo("my_pmm-20250101-120000");
    assertThat(new RecordingScope("v1.2.yml", "s").databaseName()).isEqualTo("v1");
    assertThat(new RecordingScope("trades", "s").databaseName()).isEqualTo("trades");
  }

  private Path reference() throws IOException {
    Path copy = dir.resolve("reference").resolve("hummingbot.sqlite");
    Files.createDirectories(copy.getParent());
    try (InputStream in = SchemaTest.class.getResourceAsStream("hummingbot-v2.16-empty.sqlite")) {
      Files.copy(in, copy);
    }
    return copy;
  }
}
