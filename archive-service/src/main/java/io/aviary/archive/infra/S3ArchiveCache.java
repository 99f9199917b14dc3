package io.aviary.archive.infra;

import org.springframework.util.FileSystemUtils;
import io.aviary.archive.domain.ArchiveProblem;
import io.aviary.archive.domain.ArchiveProblem.Kind;
import io.aviary.archive.domain.ArchivedFile;
import io.aviary.kit.failure.Unprocessable;
import io.aviary.kit.s3.BotArchiveTarball;
import io.aviary.kit.s3.S3Buckets;
import io.aviary.kit.s3.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Bot archives on S3 (docs/adr/0021-s3-archives.md), as orchestration and Hummingbot API upload them: objects
 * {@code bots/archived/<bot>_archive.tar.gz} in the buckets of {@code ARCHIVE_S3_BUCKETS} and in any bucket a
 * {@code BotArchived} event named. Their databases are served from a local cache,
 * {@code <cache>/<bucket>/<bot>/data/<file>.sqlite}: each archive is streamed once (its {@code data/*.sqlite}
 * entries only), extracted into a temporary folder and renamed into place, and reused while its ETag is unchanged;
 * the least recently used archives leave the cache when it holds more than its bound. A cached database is then
 * indexed and read exactly like a local one. Its db_path is {@code s3/<bucket>/<bot>/data/<file>.sqlite}.
 */
@Component
public class S3ArchiveCache {

    /** The prefix of every S3 archive's db_path. */
    public static final String PREFIX = "s3/";
    private static final Logger LOG = LoggerFactory.getLogger(S3ArchiveCache.class);
    private static final String ETAG_FILE = ".etag";
    private static final java.util.regex.Pattern BUCKET = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private final S3Buckets s3;
    private final Set<String> configuredBuckets;
    private final Path root;
    private final long maxBytes;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public S3ArchiveCache(S3Buckets s3, @Value("${aviary.archive.s3-buckets:}") List<String> buckets,
            @Value("${aviary.archive.s3-cache}") String cache,
            @Value("${aviary.archive.s3-cache-max:2GB}") DataSize maxBytes) {
        this.s3 = s3;
        this.configuredBuckets = new TreeSet<>(buckets.stream().map(String::strip).filter(b -> !b.isEmpty()).toList());
        this.root = Path.of(cache).toAbsolutePath().normalize();
        this.maxBytes = maxBytes.toBytes();
    }

    /** Whether S3 archives are read at all: credentials set (a bucket may still come from an event). */
    public boolean enabled() {
        return s3.configured();
    }

    /** The configured buckets and those learned from events (a cache folder each). */
    private Set<String> buckets() {
        Set<String> all = new TreeSet<>(configuredBuckets);
        if (Files.isDirectory(root)) {
            try (Stream<Path> folders = Files.list(root)) {
                folders.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                        .filter(name -> BUCKET.matcher(name).matches()).forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the S3 archive cache", e);
            }
        }
        return all;
    }

    /**
     * Lists every bucket's archives, brings new or changed ones into the cache, drops cached ones no longer in their
     * bucket, and returns the cached databases. S3 unreachable or refusing: the kit's {@code Unavailable} (503).
     */
    public List<ArchivedFile> list() {
        if (!enabled()) {
            return List.of();
        }
        List<ArchivedFile> files = new ArrayList<>();
        for (String bucket : buckets()) {
            Set<String> bots = new TreeSet<>();
            for (StoredObject object : s3.list(bucket, BotArchiveTarball.KEY_PREFIX)) {
                String bot = BotArchiveTarball.botOf(object.key());
                if (bot != null && ArchiveFolder.SAFE_SEGMENT.matcher(bot).matches()) {
                    bots.add(bot);
                    try {
                        files.addAll(cached(bucket, bot, object, false));
                    } catch (Unprocessable broken) {
                        // one unreadable archive must not hide the others; naming it answers the reason (422)
                        LOG.warn("{}", broken.getMessage());
                    }
                }
            }
            forgetAllBut(bucket, bots);
        }
        files.sort(Comparator.comparing(ArchivedFile::dbPath));
        return files;
    }

    /** The databases of one archive (a {@code BotArchived} event naming its bucket), fetched into the cache. */
    public List<ArchivedFile> instance(String bucket, String bot) {
        if (!BUCKET.matcher(bucket).matches() || !ArchiveFolder.SAFE_SEGMENT.matcher(bot).matches()) {
            return List.of();
        }
        return cached(bucket, bot, null, true);
    }

    /**
     * The cached database a db_path {@code s3/<bucket>/<bot>/data/<file>.sqlite} names, fetching its archive when it
     * is not cached yet; refused (400) when malformed, not found (404) for an unknown bucket, archive or file.
     */
    public ArchivedFile locate(String dbPath) {
        String[] segments = dbPath.substring(PREFIX.length()).split("/", -1);
        if (segments.length != 4 || !segments[2].equals("data") || !BUCKET.matcher(segments[0]).matches()
                || !ArchiveFolder.SAFE_SEGMENT.matcher(segments[1]).matches()
                || !ArchiveFolder.SAFE_SEGMENT.matcher(segments[3]).matches() || !segments[3].endsWith(".sqlite")) {
            throw new ArchiveProblem(Kind.OUTSIDE_ARCHIVE, "Invalid db_path: an S3 archive's database is named "
                    + "s3/<bucket>/<bot>/data/<file>.sqlite, as listed by GET /archived-bots/");
        }
        String bucket = segments[0];
        String bot = segments[1];
        if (!enabled() || !buckets().contains(bucket)) {
            throw notFound(dbPath);
        }
        Path folder = root.resolve(bucket).resolve(bot);
        if (!Files.isRegularFile(folder.resolve(ETAG_FILE))) {
            cached(bucket, bot, null, false);
        }
        touch(folder);
        return fingerprint(bucket, bot, folder.resolve("data").resolve(segments[3]))
                .orElseThrow(() -> notFound(dbPath));
    }

    /** The cached file of a located database. */
    public Path file(ArchivedFile archived) {
        String[] segments = archived.dbPath().substring(PREFIX.length()).split("/", -1);
        return root.resolve(segments[0]).resolve(segments[1]).resolve("data").resolve(segments[3]);
    }

    /** Deletes the archive from its bucket and from the cache ({@code instance} = {@code s3/<bucket>/<bot>}). */
    public void deleteInstance(String instance) {
        String[] segments = instance.substring(PREFIX.length()).split("/", -1);
        s3.delete(segments[0], BotArchiveTarball.key(segments[1]));
        deleteTree(root.resolve(segments[0]).resolve(segments[1]));
    }

    /**
     * The cached databases of one archive, fetched first when missing, when the listing shows another ETag, or when
     * {@code refresh} (an event says it was just (re)archived).
     */
    private List<ArchivedFile> cached(String bucket, String bot, StoredObject listed, boolean refresh) {
        Path folder = root.resolve(bucket).resolve(bot);
        synchronized (locks.computeIfAbsent(bucket + "/" + bot, key -> new Object())) {
            String have = readETag(folder);
            if (refresh || have == null || (listed != null && !listed.eTag().equals(have))) {
                fetch(bucket, bot, folder);
            }
        }
        List<ArchivedFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.resolve("data"), "*.sqlite")) {
            for (Path file : entries) {
                fingerprint(bucket, bot, file).ifPresent(files::add);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the cached archive " + bucket + "/" + bot, e);
        }
        return files;
    }

    /** Streams the archive's databases into a temporary folder and renames it into place. */
    private void fetch(String bucket, String bot, Path folder) {
        Path temporary = root.resolve(bucket).resolve(".fetch-" + bot + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(temporary.resolve("data"));
            String eTag = s3.read(bucket, BotArchiveTarball.key(bot), maxBytes, (object, content) -> {
                BotArchiveTarball.extractDatabases(content, temporary.resolve("data"), maxBytes);
                return object.eTag();
            });
            Files.writeString(temporary.resolve(ETAG_FILE), eTag);
            replace(temporary, folder);
            LOG.info("S3 archive {}/{} cached", bucket, BotArchiveTarball.key(bot));
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // not a gzip'd tar, databases beyond the bound, a broken stream: the archive cannot be served from here
            throw new Unprocessable("The S3 archive " + bucket + "/" + BotArchiveTarball.key(bot)
                    + " cannot be cached: " + ArchiveProblem.bounded(e.getMessage()));
        } finally {
            deleteTree(temporary);
        }
        evictBeyondBound(folder);
    }

    private static void replace(Path temporary, Path folder) throws IOException {
        if (Files.exists(folder)) {
            Path old = folder.resolveSibling(".old-" + folder.getFileName() + "-" + UUID.randomUUID());
            Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        }
        try {
            Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, folder);
        }
    }

    /** Drops least recently used archives (by their ETag file's time) until the cache is within its bound. */
    private void evictBeyondBound(Path keep) {
        List<Path> folders = new ArrayList<>();
        long total = 0;
        try (Stream<Path> buckets = Files.list(root)) {
            for (Path bucket : buckets.filter(Files::isDirectory).toList()) {
                try (Stream<Path> bots = Files.list(bucket)) {
                    for (Path bot : bots.filter(path -> Files.isRegularFile(path.resolve(ETAG_FILE))).toList()) {
                        folders.add(bot);
                        total += size(bot);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot measure the S3 archive cache: {}", e.getMessage());
            return;
        }
        folders.sort(Comparator.comparing(S3ArchiveCache::lastUsed));
        for (Path folder : folders) {
            if (total <= maxBytes) {
                break;
            }
            if (!folder.equals(keep)) {
                total -= size(folder);
                deleteTree(folder);
            }
        }
    }

    private void forgetAllBut(String bucket, Set<String> bots) {
        Path folder = root.resolve(bucket);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> cached = Files.list(folder)) {
            cached.filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> !bots.contains(path.getFileName().toString()))
                    .forEach(S3ArchiveCache::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the S3 archive cache", e);
        }
    }

    private java.util.Optional<ArchivedFile> fingerprint(String bucket, String bot, Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new ArchivedFile(PREFIX + bucket + "/" + bot + "/data/" + file.getFileName(),
                    PREFIX + bucket + "/" + bot, attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String readETag(Path folder) {
        try {
            return Files.readString(folder.resolve(ETAG_FILE)).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static void touch(Path folder) {
        try {
            Files.setLastModifiedTime(folder.resolve(ETAG_FILE), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only the eviction order suffers
        }
    }

    private static FileTime lastUsed(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve(ETAG_FILE));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            LOG.warn("cannot delete {} from the S3 archive cache: {}", folder.getFileName(), e.getMessage());
        }
    }

    private static ArchiveProblem notFound(String dbPath) {
        return new ArchiveProblem(Kind.NOT_FOUND, "Database not found: " + ArchiveProblem.bounded(dbPath));
    }
}
