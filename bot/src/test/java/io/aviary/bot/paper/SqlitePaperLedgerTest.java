package io.aviary.bot.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.connectors.paper.PaperAccount;
import io.aviary.connectors.paper.PaperLedger;
import io.aviary.connectors.paper.PaperLedgerContract;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract (the same one trading-service's PostgreSQL ledger passes) on the bot's SQLite file. */
class SqlitePaperLedgerTest extends PaperLedgerContract {

  @TempDir
  static Path data;
  private static SqlitePaperLedger current;

  @BeforeAll
  static void open() {
    current = new SqlitePaperLedger(SqlitePaperLedger.fileFor(data, "paper_bot"));
  }

  @AfterAll
  static void close() {
    current.close();
  }

  @Override
  protected PaperLedger ledger() {
    return current;
  }

  @Override
  protected PaperLedger reopened() {
    current.close();
    current = new SqlitePaperLedger(SqlitePaperLedger.fileFor(data, "paper_bot"));
    return current;
  }

  @Test
  void theFileIsMadeOnFirstUseAndIsNoBotDatabase(@TempDir Path elsewhere) throws IOException {
    Path file = SqlitePaperLedger.fileFor(elsewhere.resolve("data"), "my_bot");
    try (SqlitePaperLedger ledger = new SqlitePaperLedger(file)) {
      assertThat(file).doesNotExist();
      ledger.open(new PaperAccount("my_bot", "sim_paper_trade"), Map.of("USDT", BigDecimal.TEN));
      assertThat(file).exists().hasFileName("my_bot_paper.db");
    }
    try (var listing = Files.newDirectoryStream(file.getParent(), "*.sqlite")) {
      assertThat(listing).as("not listed where the API and archive-service look for bot databases").isEmpty();
    }
  }

  @Test
  void aClosedLedgerIsUnavailable(@TempDir Path elsewhere) {
    SqlitePaperLedger ledger = new SqlitePaperLedger(elsewhere.resolve("x_paper.db"));
    ledger.close();
    assertThatThrownBy(() -> ledger.balances(new PaperAccount("x", "sim_paper_trade")))
        .isInstanceOf(PaperLedger.Unavailable.class).hasMessageContaining("closed");
  }
}
