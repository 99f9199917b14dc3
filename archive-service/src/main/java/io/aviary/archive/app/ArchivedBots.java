package io.aviary.archive.app;

import io.aviary.archive.domain.ArchiveProblem;
import io.aviary.archive.domain.ArchivedFile;
import io.aviary.archive.domain.ControllerFigures;
import io.aviary.archive.domain.DatabaseSummary;
import io.aviary.archive.domain.Page;
import io.aviary.archive.domain.PageRequest;
import io.aviary.archive.domain.Performance;
import io.aviary.archive.infra.ArchiveIndexRepository;
import io.aviary.archive.infra.Archives;
import io.aviary.archive.infra.ArchiveIndexRepository.Entry;
import io.aviary.archive.infra.BotSqlite;
import io.aviary.archive.infra.PerformanceStore;
import io.aviary.kit.failure.InvalidRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Service;

/**
 * The archived-bots use cases: every read names a database by its db_path, which {@link Archives} turns into a
 * file (local, or an S3 archive's cached copy) or refuses; counts come from the index, rows straight from the SQLite file a page at a time.
 */
@Service
public class ArchivedBots {

    /** Hummingbot's {@code MarketEvent} names an {@code Order.last_status} can hold. */
    public static final List<String> ORDER_STATUSES = List.of("BuyOrderCreated", "SellOrderCreated", "OrderFilled",
            "BuyOrderCompleted", "SellOrderCompleted", "OrderCancelled", "OrderFailure", "OrderExpired");

    private final Archives folder;
    private final ArchiveIndexer indexer;
    private final ArchiveIndexRepository index;
    private final PerformanceIndex performance;

    public ArchivedBots(Archives folder, ArchiveIndexer indexer, ArchiveIndexRepository index,
            PerformanceIndex performance) {
        this.folder = folder;
        this.indexer = indexer;
        this.index = index;
        this.performance = performance;
    }

    /** The db_paths of the archive folder, sorted; the index follows the folder (new files in the background). */
    public List<String> list() {
        return indexer.rescanAndQueue().stream().map(ArchivedFile::dbPath).toList();
    }

    /** Per table {@code "Correct"} or {@code "Error - …"}. */
    public Map<String, String> status(String dbPath) {
        try (BotSqlite database = open(folder.locate(dbPath))) {
            return database.tableStatus();
        }
    }

    public DatabaseSummary summary(String dbPath) {
        return readable(folder.locate(dbPath));
    }

    /**
     * The fills' performance from the store (computed once per archive, see {@link PerformanceIndex}) with a page of
     * its per-fill rows, and the executors' figures per controller.
     */
    public PerformanceReport performance(String dbPath, PageRequest rows) {
        ArchivedFile file = folder.locate(dbPath);
        readable(file);
        PerformanceStore.Stored stored = performance.current(file);
        List<Performance.Row> page = performance.rows(file, stored, rows);
        return new PerformanceReport(Performance.of(stored.finalBooks(), stored.totalTrades(), rows, page),
                stored.controllers());
    }

    /** Performance and what the executors reported per controller. */
    public record PerformanceReport(Performance fills, List<ControllerFigures> controllers) {
    }

    public Page<Map<String, Object>> trades(String dbPath, PageRequest page) {
        return page(dbPath, page, DatabaseSummary::totalTrades, database -> database.trades(page));
    }

    public Page<Map<String, Object>> orders(String dbPath, PageRequest page, String status) {
        if (status == null) {
            return page(dbPath, page, DatabaseSummary::totalOrders, database -> database.orders(page, null));
        }
        String known = ORDER_STATUSES.stream().filter(s -> s.equalsIgnoreCase(status)).findFirst()
                .orElseThrow(() -> new InvalidRequest("Unknown order status '" + ArchiveProblem.bounded(status)
                        + "'. Use one of " + ORDER_STATUSES));
        ArchivedFile file = folder.locate(dbPath);
        readable(file);
        try (BotSqlite database = open(file)) {
            return new Page<>(database.orders(page, known), database.countOrders(known), page);
        }
    }

    public Page<Map<String, Object>> positions(String dbPath, PageRequest page) {
        return page(dbPath, page, DatabaseSummary::totalPositions, database -> database.positions(page));
    }

    public Page<Map<String, Object>> executors(String dbPath, PageRequest page) {
        return page(dbPath, page, DatabaseSummary::totalExecutors, database -> database.executors(page));
    }

    public Page<Map<String, Object>> controllers(String dbPath, PageRequest page) {
        return page(dbPath, page, DatabaseSummary::totalControllers, database -> database.controllers(page));
    }

    /**
     * Deletes the archived bot's whole instance folder (Hummingbot API HEAD), or its S3 object and cached copy;
     * returns the bot's name.
     */
    public String delete(String dbPath) {
        ArchivedFile file = folder.locate(dbPath);
        folder.deleteInstance(file);
        index.deleteInstance(file.instance());
        String instance = file.instance();
        return instance.substring(instance.lastIndexOf('/') + 1);
    }

    private Page<Map<String, Object>> page(String dbPath, PageRequest page, ToLongFunction<DatabaseSummary> total,
            Function<BotSqlite, List<Map<String, Object>>> rows) {
        ArchivedFile file = folder.locate(dbPath);
        DatabaseSummary summary = readable(file);
        try (BotSqlite database = open(file)) {
            return new Page<>(rows.apply(database), total.applyAsLong(summary), page);
        }
    }

    /** The index row's summary, or the stored reason the file is not a readable bot database. */
    private DatabaseSummary readable(ArchivedFile file) {
        Entry entry = indexer.current(file);
        if (entry.problem() != null) {
            throw entry.problem();
        }
        return entry.summary();
    }

    private BotSqlite open(ArchivedFile file) {
        return BotSqlite.open(folder.file(file));
    }
}
