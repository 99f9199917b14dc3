package io.aviary.bot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What was handed to the database before close() is on disk after it, in the database file itself. */
class DurabilityTest {

  private static final long T0 = 1_735_733_000_000L;
  private static final int FILLS = 10_000;

  @TempDir
  Path dir;

  @Test
  void closeWritesEveryQueuedFill() {
    BotDatabase database = BotDatabase.open(dir, Events.SCOPE);
    long start = System.nanoTime();
    for (int i = 0; i < FILLS; i++) {
      database.onEvent(Events.filled("o" + i, "t" + i, T0 + i, new BigDecimal("94000.5"), new BigDecimal("0.001")));
    }
    long enqueued = System.nanoTime();
    database.close();
    long closed = System.nanoTime();
    System.out.printf("%d fills: enqueued in %d ms, all committed %d ms later%n", FILLS,
        (enqueued - start) / 1_000_000, (closed - enqueued) / 1_000_000);

    Path file = dir.resolve("conf_v2_pmm.sqlite");
    // the WAL was checkpointed into the file: copying the .sqlite alone (as archiving does) keeps every row
    Path wal = dir.resolve("conf_v2_pmm.sqlite-wal");
    assertThat(Files.notExists(wal) || wal.toFile().length() == 0).isTrue();
    assertThat(Sql.count(file, "TradeFill")).isEqualTo(FILLS);
    assertThat(Sql.count(file, "OrderStatus")).isEqualTo(FILLS);
  }

  @Test
  void recordingNeverWaitsOnTheDatabaseFile() throws SQLException {
    try (BotDatabase database = BotDatabase.open(dir, Events.SCOPE);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + database.file());
        Statement lock = other.createStatement()) {
      // another process holds the write lock: a synchronous recorder would stall this thread on it
      lock.execute("BEGIN IMMEDIATE");
      for (int i = 0; i < 100; i++) {
        database.onEvent(Events.filled("o" + i, "t" + i, T0 + i, BigDecimal.ONE, BigDecimal.ONE));
      }
      assertThat(Sql.count(database.file(), "TradeFill")).isZero();
      lock.execute("COMMIT");

      database.flush();
      assertThat(Sql.count(database.file(), "TradeFill")).isEqualTo(100);
    }
  }

  @Test
  void closeIsIdempotentAndLaterEventsAreRefusedNotQueued() {
    BotDatabase database = BotDatabase.open(dir, Events.SCOPE);
    database.onEvent(Events.filled("o1", "t1", T0, BigDecimal.ONE, BigDecimal.ONE));
    database.close();
    database.close();
    database.onEvent(Events.filled("o2", "t2", T0, BigDecimal.ONE, BigDecimal.ONE));
    database.flush();

    assertThat(Sql.count(dir.resolve("conf_v2_pmm.sqlite"), "TradeFill")).isEqualTo(1);
  }

  @Test
  void aReopenedDatabaseKeepsItsRowsAndAddsToThem() {
    try (BotDatabase database = BotDatabase.open(dir, Events.SCOPE)) {
      database.onEvent(Events.filled("o1", "t1", T0, BigDecimal.ONE, BigDecimal.ONE));
    }
    try (BotDatabase database = BotDatabase.open(dir, Events.SCOPE)) {
      database.onEvent(Events.filled("o2", "t2", T0 + 1, BigDecimal.ONE, BigDecimal.ONE));
      assertThat(database.tradesSince(0)).hasSize(2);
    }
    Path file = dir.resolve("conf_v2_pmm.sqlite");
    assertThat(Sql.count(file, "Metadata")).isEqualTo(1);
  }
}
