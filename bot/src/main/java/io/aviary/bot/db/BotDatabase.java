package io.aviary.bot.db;

import io.aviary.bot.events.HistoryTrade;
import io.aviary.bot.events.UnfinishedOrder;
import io.aviary.bot.events.BotEvent;
import io.aviary.bot.events.BotEventListener;
import io.aviary.strategy.config.V2ControllerConfig;
import io.aviary.strategy.executor.ExecutorInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's database in Hummingbot's SQLite schema, {@code <data dir>/<db name>.sqlite}: what Hummingbot's
 * {@code MarketsRecorder} and executor orchestrator write, so tools that read Hummingbot bot databases read ours.
 *
 * <p>One writer thread owns the connection. Callers only enqueue (a bounded queue; the trading thread waits only if
 * the writer falls {@value #QUEUE_CAPACITY} jobs behind, never on disk), the writer commits whatever has queued up in
 * one transaction, each job under its own SAVEPOINT so a bad row never takes others with it. Reads go through the same
 * queue, so they see every write enqueued before them. {@link #flush()} waits until everything enqueued so far is
 * committed; {@link #close()} drains the queue, commits and checkpoints the WAL into the database file.
 */
public final class BotDatabase implements BotEventListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BotDatabase.class);
  static final int QUEUE_CAPACITY = 65_536;
  private static final int MAX_BATCH = 2_000;

  private final Path file;
  private final RecordingScope scope;
  private final Connection connection;
  private final Statements statements;
  private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread writer;
  private final Object enqueueLock = new Object();
  private volatile boolean closed;
  private boolean warnedFull;

  private BotDatabase(Path file, RecordingScope scope, Connection connection) {
    this.file = file;
    this.scope = scope;
    this.connection = connection;
    this.statements = new Statements(connection);
    this.writer = new Thread(this::runWriter, "bot-db-writer");
    this.writer.setDaemon(true);
  }

  /**
   * Opens (creating if needed) {@code dataDir/<scope.databaseName()>.sqlite}, creates the missing Hummingbot tables
   * and starts the writer.
   */
  public static BotDatabase open(Path dataDir, RecordingScope scope) {
    Path file = dataDir.resolve(scope.databaseName() + ".sqlite");
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement pragma = connection.createStatement()) {
        pragma.execute("PRAGMA journal_mode=WAL");
        pragma.execute("PRAGMA busy_timeout=5000");
      }
      connection.setAutoCommit(false);
      Schema.ensure(connection);
      String version = Schema.storedVersion(connection);
      connection.commit();
      if (version != null && version.compareTo(Schema.VERSION) < 0) {
        LOG.warn("{} has local_db_version {} (older than {}); Hummingbot would migrate it first", file, version,
            Schema.VERSION);
      }
      BotDatabase database = new BotDatabase(file, scope, connection);
      database.writer.start();
      return database;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("cannot open the bot database " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  public RecordingScope scope() {
    return scope;
  }

  /** Records an order event (Order, OrderStatus, TradeFill, FundingPayment rows); returns without touching disk. */
  @Override
  public void onEvent(BotEvent event) {
    enqueue(new Write(event.eventName() + " " + event.timestampMs(), s -> new EventRows(s, scope).write(event)));
  }

  /** A {@code Controllers} row per controller, as Hummingbot stores them at every strategy start. */
  public void recordControllers(List<? extends V2ControllerConfig> configs) {
    double now = System.currentTimeMillis() / 1000.0;
    for (V2ControllerConfig config : configs) {
      Map<String, Object> json = new LinkedHashMap<>(config.toMap());
      // Hummingbot drops its base columns from the stored JSON (there is no "timestamp" or "type" key to drop)
      json.remove("id");
      json.remove("timestamp");
      json.remove("type");
      String text = PyJson.dumps(json);
      String id = config.id();
      String type = config.controllerType();
      enqueue(new Write("controller " + id, s -> new StrategyRows(s).controller(id, now, type, text)));
    }
  }

  /** Upserts the executor's row; its figures are read now, on the caller's thread. */
  public void storeExecutor(ExecutorInfo executor) {
    storeExecutor(executor, null);
  }

  /**
   * As {@link #storeExecutor(ExecutorInfo)} with the executor's {@code custom_info} (JSON-ready values); {@code null}
   * stores the default ({@code level_id}, {@code side}, prices of a position executor).
   */
  public void storeExecutor(ExecutorInfo executor, Map<String, Object> customInfo) {
    ExecutorRow row = ExecutorRow.of(executor, customInfo);
    enqueue(new Write("executor " + row.id(), s -> new StrategyRows(s).executor(row)));
  }

  /** Upserts the position held by a controller on one market and side. */
  public void storePosition(PositionRecord position) {
    enqueue(new Write("position " + position.controllerId(), s -> new StrategyRows(s).position(position)));
  }

  /** The {@code history} RPC's trades of this run's config file since {@code sinceMs} (epoch ms), oldest first. */
  public List<HistoryTrade> tradesSince(long sinceMs) {
    return read(s -> new Reads(s, scope).tradesSince(sinceMs));
  }

  /** The stored executors of a controller, to seed its realized PnL at restart. */
  public List<StoredExecutor> executorsOf(String controllerId) {
    return read(s -> new Reads(s, scope).executorsOf(controllerId));
  }

  /** The stored positions of a controller, to recreate its position holds at restart. */
  public List<PositionRecord> positionsOf(String controllerId) {
    return read(s -> new Reads(s, scope).positionsOf(controllerId));
  }

  /** Orders a previous run left unfinished (see {@link UnfinishedOrder}), oldest first. */
  public List<UnfinishedOrder> unfinishedOrders() {
    return read(s -> new Reads(s, scope).unfinishedOrders());
  }

  /** Waits until everything enqueued before this call is committed. */
  public void flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!tryEnqueue(new Barrier(done, false))) {
      return;
    }
    await(done);
  }

  /** Drains the queue, commits, checkpoints the WAL into the database file and closes it. Idempotent. */
  @Override
  public void close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (enqueueLock) {
      if (closed) {
        return;
      }
      put(new Barrier(done, true));
      closed = true;
    }
    try {
      await(done);
    } catch (RuntimeException e) {
      // already logged by the writer; closing goes on so the file is released
      LOG.error("bot database: the last batch before close was not committed: {}", e.getMessage());
    }
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private <T> T read(Query<T> query) {
    CompletableFuture<T> result = new CompletableFuture<>();
    if (!tryEnqueue(new Read<>(query, result))) {
      throw new IllegalStateException("the bot database is closed");
    }
    return await(result);
  }

  private void enqueue(Job job) {
    if (!tryEnqueue(job)) {
      LOG.error("bot database closed: {} not recorded", ((Write) job).what());
    }
  }

  private boolean tryEnqueue(Job job) {
    synchronized (enqueueLock) {
      if (closed) {
        return false;
      }
      put(job);
      return true;
    }
  }

  private void put(Job job) {
    if (queue.offer(job)) {
      return;
    }
    if (!warnedFull) {
      warnedFull = true;
      LOG.warn("bot database writer is {} jobs behind; callers now wait for it", QUEUE_CAPACITY);
    }
    try {
      queue.put(job);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the bot database writer", e);
    }
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the bot database", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtime ? runtime
          : new IllegalStateException("bot database: " + cause.getMessage(), cause);
    }
  }

  // ---- writer thread -------------------------------------------------------------------------------------------

  private void runWriter() {
    List<Job> batch = new ArrayList<>(MAX_BATCH);
    boolean stopping = false;
    while (!stopping) {
      batch.clear();
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        // nobody interrupts the writer but close(); keep draining until its barrier arrives
        continue;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stopping = runBatch(batch);
    }
    shutDown();
  }

  /** Applies a batch in one transaction; true when it held the closing barrier. */
  private boolean runBatch(List<Job> batch) {
    List<Barrier> barriers = new ArrayList<>();
    for (Job job : batch) {
      switch (job) {
        case Write write -> apply(write);
        case Read<?> read -> answer(read);
        case Barrier barrier -> barriers.add(barrier);
      }
    }
    SQLException failure = commit();
    boolean stopping = false;
    for (Barrier barrier : barriers) {
      stopping |= barrier.stop();
      if (failure == null) {
        barrier.done().complete(null);
      } else {
        barrier.done().completeExceptionally(failure);
      }
    }
    return stopping;
  }

  private void apply(Write write) {
    try {
      statements.get("SAVEPOINT job").execute();
    } catch (SQLException e) {
      LOG.error("bot database: could not record {}: {}", write.what(), e.getMessage());
      return;
    }
    try {
      write.work().run(statements);
      statements.get("RELEASE job").execute();
    } catch (SQLException | RuntimeException e) {
      LOG.error("bot database: could not record {}: {}", write.what(), e.getMessage());
      rollbackJob();
    }
  }

  private <T> void answer(Read<T> read) {
    try {
      read.result().complete(read.query().run(statements));
    } catch (SQLException | RuntimeException e) {
      read.result().completeExceptionally(e);
    }
  }

  private SQLException commit() {
    try {
      connection.commit();
      return null;
    } catch (SQLException e) {
      LOG.error("bot database: commit failed, the batch is lost: {}", e.getMessage());
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      return e;
    }
  }

  /** Undoes a failed job's statements only; the batch's other jobs stay. */
  private void rollbackJob() {
    try {
      statements.get("ROLLBACK TO job").execute();
      statements.get("RELEASE job").execute();
    } catch (SQLException e) {
      LOG.error("bot database: rolling back a failed job failed: {}", e.getMessage());
    }
  }

  private void shutDown() {
    try {
      statements.close();
      connection.setAutoCommit(true);
      try (Statement checkpoint = connection.createStatement()) {
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    } catch (SQLException e) {
      LOG.error("bot database: checkpoint on close failed: {}", e.getMessage());
    } finally {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("bot database: close failed: {}", e.getMessage());
    }
  }

  @FunctionalInterface
  private interface Work {
    void run(Statements statements) throws SQLException;
  }

  @FunctionalInterface
  private interface Query<T> {
    T run(Statements statements) throws SQLException;
  }

  private sealed interface Job permits Write, Read, Barrier {}

  private record Write(String what, Work work) implements Job {}

  private record Read<T>(Query<T> query, CompletableFuture<T> result) implements Job {}

  /** Completes once everything before it is committed; {@code stop} ends the writer after that. */
  private record Barrier(CompletableFuture<Void> done, boolean stop) implements Job {}
}
