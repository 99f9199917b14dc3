package io.aviary.kit.s3;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Hummingbot API's S3 archive of a bot (api-catalog §1.1 remove-container): the instance folder as a gzip'd tar
 * whose entries start with the folder's name ({@code <bot>/conf/…}, {@code <bot>/data/<db>.sqlite},
 * {@code <bot>/logs/…}), stored under the key {@code bots/archived/<bot>_archive.tar.gz}.
 */
public final class BotArchiveTarball {

    /** Where archives live in a bucket, and what ends their key. */
    public static final String KEY_PREFIX = "bots/archived/";
    public static final String KEY_SUFFIX = "_archive.tar.gz";
    /** A database entry: an optional top folder, then {@code data/<file>.sqlite}. */
    private static final Pattern DATABASE = Pattern.compile("(?:[^/]+/)?data/([A-Za-z0-9_][A-Za-z0-9_.+@=-]{0,199}\\.sqlite)");

    private BotArchiveTarball() {
    }

    public static String key(String bot) {
        return KEY_PREFIX + bot + KEY_SUFFIX;
    }

    /** The bot of an archive key, or {@code null} when the key is not one. */
    public static String botOf(String key) {
        if (!key.startsWith(KEY_PREFIX) || !key.endsWith(KEY_SUFFIX)) {
            return null;
        }
        String bot = key.substring(KEY_PREFIX.length(), key.length() - KEY_SUFFIX.length());
        return bot.isEmpty() || bot.contains("/") ? null : bot;
    }

    /** Writes {@code folder} as {@code tarGz}, every entry under {@code <topName>/}; links are skipped, not followed. */
    public static void pack(Path folder, String topName, Path tarGz) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tarGz));
             GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    tar.putArchiveEntry(new TarArchiveEntry(dir, name(dir)));
                    tar.closeArchiveEntry();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        tar.putArchiveEntry(new TarArchiveEntry(file, name(file)));
                        Files.copy(file, tar);
                        tar.closeArchiveEntry();
                    }
                    return FileVisitResult.CONTINUE;
                }

                private String name(Path path) {
                    String relative = folder.relativize(path).toString().replace('\\', '/');
                    return relative.isEmpty() ? topName + "/" : topName + "/" + relative;
                }
            });
            tar.finish();
        }
    }

    /**
     * Extracts the archive's databases ({@code data/*.sqlite}) into {@code target}; every other entry is skipped.
     * Names are checked against a plain file-name pattern, so no entry can write outside {@code target}.
     *
     * @param maxBytes the most the extracted files may hold together
     * @return the extracted file names
     */
    public static List<String> extractDatabases(InputStream tarGz, Path target, long maxBytes) throws IOException {
        List<String> names = new ArrayList<>();
        long written = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new BufferedInputStream(tarGz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                var match = DATABASE.matcher(entry.getName());
                if (!entry.isFile() || !match.matches()) {
                    continue;
                }
                written += entry.getSize();
                if (written > maxBytes) {
                    throw new IOException("the archive's databases hold more than " + maxBytes + " bytes");
                }
                Files.copy(tar, target.resolve(match.group(1)));
                names.add(match.group(1));
            }
        }
        return names;
    }
}
