package io.aviary.archive.app;

import io.aviary.archive.domain.ArchiveProblem;
import io.aviary.archive.domain.ArchivedFile;
import io.aviary.archive.domain.DatabaseSummary;
import io.aviary.archive.infra.ArchiveIndexRepository;
import io.aviary.archive.infra.Archives;
import io.aviary.archive.infra.ArchiveIndexRepository.Entry;
import io.aviary.archive.infra.BotSqlite;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps {@code archive.archived_database} in step with the archive folder: a rescan at start (in the background, so
 * a large archive never delays start-up), a cheap rescan on every listing (a directory walk; new or changed files are
 * indexed in the background), an instance's databases when its {@code BotArchived} event arrives, and any file a
 * request needs whose row is missing or stale (indexed right then). Indexing opens the file read-only and counts its
 * tables once; a file that is not a Hummingbot database is kept with its problem, so it is not reopened every time.
 */
@Service
public class ArchiveIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveIndexer.class);

    private final Archives folder;
    private final ArchiveIndexRepository index;
    private final PerformanceIndex performance;
    /** One background indexer: indexing reads whole tables, two at once would only compete for the disk. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "archive-indexer");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    public ArchiveIndexer(Archives folder, ArchiveIndexRepository index, PerformanceIndex performance) {
        this.folder = folder;
        this.index = index;
        this.performance = performance;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        background.execute(() -> {
            try {
                List<ArchivedFile> files = folder.list();
                stale(files).forEach(this::indexQuietly);
                // archives indexed before their performance was stored (or whose computation was cut short)
                files.forEach(this::withPerformance);
            } catch (RuntimeException e) {
                LOG.warn("archive rescan at start failed ({}); listings rescan again", e.getMessage());
            }
        });
    }

    /**
     * Walks the folder, forgets rows of files that are gone and returns the files now there; those without a
     * current row are handed to the background indexer.
     */
    public List<ArchivedFile> rescanAndQueue() {
        List<ArchivedFile> files = folder.list();
        for (ArchivedFile file : stale(files)) {
            if (queued.add(file.dbPath())) {
                background.execute(() -> {
                    queued.remove(file.dbPath());
                    indexQuietly(file);
                });
            }
        }
        return files;
    }

    /** The files whose row is missing or stale, after removing the rows of files no longer there. */
    private List<ArchivedFile> stale(List<ArchivedFile> files) {
        index.deleteExcept(files.stream().map(ArchivedFile::dbPath).toList());
        Map<String, long[]> known = index.fingerprints();
        return files.stream().filter(file -> {
            long[] fingerprint = known.get(file.dbPath());
            return fingerprint == null || !file.sameFingerprint(fingerprint[0], fingerprint[1]);
        }).toList();
    }

    /**
     * Indexes every database of an archived instance folder (a {@code BotArchived} event); their performance is
     * computed afterwards in the background, outside the event's transaction (a pass over every fill).
     */
    public int indexInstance(String instance) {
        List<ArchivedFile> files = folder.localInstance(instance);
        files.forEach(this::index);
        files.forEach(file -> background.execute(() -> withPerformance(file)));
        return files.size();
    }

    /** Fetches an S3 archive into the cache and indexes its databases (a {@code BotArchived} event with a bucket). */
    public int indexS3Instance(String bucket, String bot) {
        List<ArchivedFile> files = folder.s3Instance(bucket, bot);
        files.forEach(this::index);
        return files.size();
    }

    public boolean s3Enabled() {
        return folder.s3Enabled();
    }

    /** The row of a located file, indexing it first when it is missing or stale. */
    public Entry current(ArchivedFile file) {
        return index.find(file.dbPath())
                .filter(entry -> entry.file().sameFingerprint(file.sizeBytes(), file.modifiedMillis()))
                .orElseGet(() -> index(file));
    }

    /** Opens the file, counts it and stores the row (or the reason it cannot be read). */
    public Entry index(ArchivedFile file) {
        try (BotSqlite database = BotSqlite.open(folder.file(file))) {
            DatabaseSummary summary = database.summary();
            index.saveSummary(file, summary);
            return new Entry(file, summary, null);
        } catch (ArchiveProblem problem) {
            if (problem.kind() != ArchiveProblem.Kind.NOT_SQLITE && problem.kind() != ArchiveProblem.Kind.NOT_HUMMINGBOT) {
                throw problem;
            }
            index.saveProblem(file, problem);
            return new Entry(file, null, problem);
        }
    }

    private void indexQuietly(ArchivedFile file) {
        try {
            if (index(file).problem() == null) {
                performance.current(file);
            }
        } catch (RuntimeException e) {
            LOG.warn("indexing an archived database failed ({}); a request for it indexes it again", e.getMessage());
        }
    }

    /**
     * The performance of a file indexed in another transaction (a {@code BotArchived} event's): its row is read again
     * first (waiting for that transaction, or indexing it here), so the stored performance always has its index row.
     */
    private void withPerformance(ArchivedFile file) {
        try {
            if (current(file).problem() == null) {
                performance.current(file);
            }
        } catch (RuntimeException e) {
            LOG.warn("computing the performance of an archived database failed ({}); its first request computes it",
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
