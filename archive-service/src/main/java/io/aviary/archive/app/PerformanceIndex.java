package io.aviary.archive.app;

import io.aviary.archive.domain.ArchivedFile;
import io.aviary.archive.domain.ControllerFigures;
import io.aviary.archive.domain.Fill;
import io.aviary.archive.domain.MarketBook;
import io.aviary.archive.domain.PageRequest;
import io.aviary.archive.domain.Performance;
import io.aviary.archive.infra.Archives;
import io.aviary.archive.infra.BotSqlite;
import io.aviary.archive.infra.PerformanceStore;
import io.aviary.archive.infra.PerformanceStore.Segment;
import io.aviary.archive.infra.PerformanceStore.SegmentWriter;
import io.aviary.archive.infra.PerformanceStore.Stored;
import io.aviary.archive.infra.PerformanceStore.Totals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * An archive's performance computed once and kept in {@link PerformanceStore}: archives do not change once archived,
 * so a pass over every fill is paid once per file (fingerprinted by size and modification time), by the background
 * indexer right after the file is indexed, or by the first request that finds it missing or stale. One computation
 * per file at a time (a lock per db_path): a request arriving while it runs waits for it instead of starting a second
 * pass; requests for other archives, and every other endpoint, are not held up. Rows of {@code performance_data}
 * replay from the stored segment the page starts in, so any page costs at most one segment plus the page.
 */
@Service
public class PerformanceIndex {

    private static final Logger LOG = LoggerFactory.getLogger(PerformanceIndex.class);

    private final Archives folder;
    private final PerformanceStore store;
    private final int segmentSize;
    private final ConcurrentHashMap<String, ReentrantLock> computing = new ConcurrentHashMap<>();

    public PerformanceIndex(Archives folder, PerformanceStore store,
            @Value("${aviary.archive.performance-segment:1000}") int segmentSize) {
        if (segmentSize < 1) {
            throw new IllegalArgumentException("aviary.archive.performance-segment must be positive");
        }
        this.folder = folder;
        this.store = store;
        this.segmentSize = segmentSize;
    }

    /** The stored performance of a readable bot database, computed first when missing or stale. */
    public Stored current(ArchivedFile file) {
        Stored stored = store.find(file.dbPath()).filter(s -> s.current(file)).orElse(null);
        if (stored != null) {
            return stored;
        }
        ReentrantLock lock = computing.computeIfAbsent(file.dbPath(), path -> new ReentrantLock());
        lock.lock();
        try {
            return store.find(file.dbPath()).filter(s -> s.current(file)).orElseGet(() -> compute(file));
        } finally {
            lock.unlock();
        }
    }

    /** The page of per-fill rows: the segments the page spans, their fills fetched by rowid, replayed from the first. */
    public List<Performance.Row> rows(ArchivedFile file, Stored stored, PageRequest page) {
        if (page.offset() >= stored.totalTrades()) {
            return List.of();
        }
        int size = stored.segmentSize();
        int first = (int) (page.offset() / size);
        int last = (int) (Math.min(page.offset() + page.limit(), stored.totalTrades()) - 1) / size;
        List<Segment> segments = store.segments(file.dbPath(), first, last);
        if (segments.isEmpty()) {
            return List.of();
        }
        List<Long> spanned = segments.stream().flatMap(segment -> segment.rowids().stream()).toList();
        // only up to the page's last fill: the rest of the last segment is not replayed
        List<Long> rowids = spanned.subList(0, (int) Math.min(spanned.size(),
                page.offset() + page.limit() - (long) first * size));
        Performance replay = Performance.resumed(page, segments.getFirst().booksBefore(), (long) first * size);
        try (BotSqlite database = BotSqlite.open(folder.file(file))) {
            for (Fill fill : database.fillsAt(rowids)) {
                if (replay.pageComplete()) {
                    break;
                }
                replay.accept(fill);
            }
        }
        return replay.rows();
    }

    private Stored compute(ArchivedFile file) {
        long started = System.nanoTime();
        try (BotSqlite database = BotSqlite.open(folder.file(file))) {
            List<ControllerFigures> controllers = database.controllerFigures();
            Stored stored = store.replace(file, segmentSize, segments -> pass(database, segments, controllers))
                    .or(() -> store.find(file.dbPath()))
                    .orElseThrow(() -> new IllegalStateException("performance of an archive vanished while stored"));
            LOG.info("performance of {} computed: {} fills in {} ms", file.dbPath(), stored.totalTrades(),
                    (System.nanoTime() - started) / 1_000_000);
            return stored;
        }
    }

    /** One pass over the fills in time order, cutting them into segments as they go. */
    private Totals pass(BotSqlite database, SegmentWriter segments, List<ControllerFigures> controllers) {
        Performance performance = new Performance(new PageRequest(1, Long.MAX_VALUE));
        SegmentCutter cutter = new SegmentCutter(segments, segmentSize);
        database.streamFillsWithRowid((rowid, fill) -> {
            cutter.before(rowid, performance);
            performance.accept(fill);
        });
        cutter.flush();
        return new Totals(performance.totalTrades(), performance.states(), controllers);
    }

    /** Collects rowids; when a segment is full it is written with the books as they stood before its first fill. */
    private static final class SegmentCutter {
        private final SegmentWriter writer;
        private final long[] rowids;
        private List<MarketBook.State> booksBefore = new ArrayList<>();
        private int filled;
        private int index;

        SegmentCutter(SegmentWriter writer, int size) {
            this.writer = writer;
            this.rowids = new long[size];
        }

        void before(long rowid, Performance performance) {
            if (filled == rowids.length) {
                flush();
                booksBefore = performance.states();
            }
            rowids[filled++] = rowid;
        }

        void flush() {
            if (filled > 0) {
                writer.write(index++, booksBefore, Arrays.copyOf(rowids, filled));
                filled = 0;
            }
        }
    }
}
