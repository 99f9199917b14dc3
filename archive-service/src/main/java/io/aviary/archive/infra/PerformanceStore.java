package io.aviary.archive.infra;

import io.aviary.archive.domain.ArchivedFile;
import io.aviary.archive.domain.ControllerFigures;
import io.aviary.archive.domain.MarketBook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code archive.archived_performance} and its segments: an archive's performance as computed once from its fills.
 * Books are stored as JSON with every decimal exact, so figures restored from here equal those of a fresh pass.
 */
@Repository
public class PerformanceStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<MarketBook.State>> BOOKS = new TypeReference<>() {
    };
    private static final TypeReference<List<ControllerFigures>> CONTROLLERS = new TypeReference<>() {
    };

    private static final int SEGMENTS_PER_BATCH = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public PerformanceStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** A stored performance: the totals after every fill and the fingerprint of the file they were computed from. */
    public record Stored(String dbPath, long sizeBytes, long modifiedMillis, long totalTrades, int segmentSize,
            List<MarketBook.State> finalBooks, List<ControllerFigures> controllers, long computeMillis) {

        public boolean current(ArchivedFile file) {
            return file.sameFingerprint(sizeBytes, modifiedMillis);
        }
    }

    /** The books before a segment's first fill and the rowids of its fills, in time order. */
    public record Segment(int index, List<MarketBook.State> booksBefore, List<Long> rowids) {
    }

    /** Receives the segments of a computation as the fills stream past (written in the same transaction). */
    public interface SegmentWriter {
        void write(int index, List<MarketBook.State> booksBefore, long[] rowids);
    }

    /** What a computation ends with. */
    public record Totals(long totalTrades, List<MarketBook.State> finalBooks, List<ControllerFigures> controllers) {
    }

    /** Computes the performance of a file. */
    public interface Computation {
        Totals run(SegmentWriter segments);
    }

    public Optional<Stored> find(String dbPath) {
        return jdbc.query("SELECT * FROM archived_performance WHERE db_path = ?", PerformanceStore::stored, dbPath)
                .stream().findFirst();
    }

    /** Segments {@code from}..{@code to} (inclusive) of a stored performance, in order. */
    public List<Segment> segments(String dbPath, int from, int to) {
        return jdbc.query("""
                SELECT segment, books_before, rowids FROM archived_performance_segment
                WHERE db_path = ? AND segment BETWEEN ? AND ? ORDER BY segment""",
                (row, i) -> new Segment(row.getInt(1), JSON.readValue(row.getString(2), BOOKS),
                        Arrays.asList((Long[]) row.getArray(3).getArray())), dbPath, from, to);
    }

    /**
     * Replaces the stored performance of {@code file} by what {@code computation} produces, in one transaction: readers
     * see the old row (or none) until the new one is complete. Returns empty when another instance stored it meanwhile.
     */
    public Optional<Stored> replace(ArchivedFile file, int segmentSize, Computation computation) {
        return tx.execute(status -> {
            long started = System.nanoTime();
            jdbc.update("DELETE FROM archived_performance WHERE db_path = ?", file.dbPath());
            int claimed = jdbc.update("""
                    INSERT INTO archived_performance (db_path, size_bytes, modified_millis, total_trades, segment_size,
                      final_books, controllers, compute_millis)
                    VALUES (?, ?, ?, 0, ?, '[]', '[]', 0) ON CONFLICT (db_path) DO NOTHING""",
                    file.dbPath(), file.sizeBytes(), file.modifiedMillis(), segmentSize);
            if (claimed == 0) {
                status.setRollbackOnly();
                return Optional.<Stored>empty();
            }
            List<Object[]> batch = new ArrayList<>();
            Totals totals = computation.run((index, booksBefore, rowids) -> {
                batch.add(new Object[] {file.dbPath(), index, JSON.writeValueAsString(booksBefore),
                        Arrays.stream(rowids).boxed().toArray(Long[]::new)});
                if (batch.size() == SEGMENTS_PER_BATCH) {
                    insertSegments(batch);
                }
            });
            insertSegments(batch);
            long millis = (System.nanoTime() - started) / 1_000_000;
            jdbc.update("""
                    UPDATE archived_performance SET total_trades = ?, final_books = ?, controllers = ?, compute_millis = ?,
                      computed_at = now() WHERE db_path = ?""", totals.totalTrades(),
                    JSON.writeValueAsString(totals.finalBooks()), JSON.writeValueAsString(totals.controllers()), millis,
                    file.dbPath());
            return Optional.of(new Stored(file.dbPath(), file.sizeBytes(), file.modifiedMillis(), totals.totalTrades(),
                    segmentSize, totals.finalBooks(), totals.controllers(), millis));
        });
    }

    /** One round trip per batch: a pass over a large archive writes thousands of segments. */
    private void insertSegments(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO archived_performance_segment (db_path, segment, books_before, rowids)
                    VALUES (?, ?, ?, ?)""", batch);
            batch.clear();
        }
    }

    private static Stored stored(ResultSet row, int i) throws SQLException {
        return new Stored(row.getString("db_path"), row.getLong("size_bytes"), row.getLong("modified_millis"),
                row.getLong("total_trades"), row.getInt("segment_size"),
                JSON.readValue(row.getString("final_books"), BOOKS),
                JSON.readValue(row.getString("controllers"), CONTROLLERS), row.getLong("compute_millis"));
    }
}
