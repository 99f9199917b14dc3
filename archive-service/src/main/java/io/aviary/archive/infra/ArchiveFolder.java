package io.aviary.archive.infra;

import org.springframework.util.FileSystemUtils;
import io.aviary.archive.domain.ArchiveProblem;
import io.aviary.archive.domain.ArchiveProblem.Kind;
import io.aviary.archive.domain.ArchivedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The local archive folder, {@code <BOTS_PATH>/bots/archived/<instance>/data/*.sqlite}, where orchestration leaves a
 * stopped bot's instance folder. The only class that turns a request's {@code db_path} into a file: it refuses any
 * path that could name something outside the folder (absolute, dot segments, encodings, backslashes, a symbolic link
 * pointing out) before touching the file system.
 */
@Component
public class ArchiveFolder {

    /** The prefix every db_path carries, as Hummingbot API lists them. */
    public static final String PREFIX = "bots/archived/";
    static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+@=-]{0,199}");
    private static final int MAX_PATH = 1_000;

    private final Path botsPath;
    private final Path root;

    public ArchiveFolder(@Value("${aviary.archive.bots-path}") String botsPath) {
        this.botsPath = Path.of(botsPath).toAbsolutePath().normalize();
        this.root = this.botsPath.resolve("bots").resolve("archived");
    }

    public Path root() {
        return root;
    }

    /** Every {@code *.sqlite} under {@code <instance>/data/}, by db_path; a directory listing only. */
    public List<ArchivedFile> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ArchivedFile> files = new ArrayList<>();
        try (DirectoryStream<Path> instances = Files.newDirectoryStream(root)) {
            for (Path instance : instances) {
                files.addAll(databasesOf(instance));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the archive folder", e);
        }
        files.sort(Comparator.comparing(ArchivedFile::dbPath));
        return files;
    }

    /** The databases of one instance folder ({@code bots/archived/<instance>}); none if it is not there. */
    public List<ArchivedFile> instance(String instance) {
        if (!SAFE_SEGMENT.matcher(instance).matches()) {
            return List.of();
        }
        return databasesOf(root.resolve(instance));
    }

    private List<ArchivedFile> databasesOf(Path instance) {
        Path data = instance.resolve("data");
        if (!Files.isDirectory(instance, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<ArchivedFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data, "*.sqlite")) {
            for (Path file : entries) {
                fingerprint(file).ifPresent(files::add);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.relativize(data), e);
        }
        return files;
    }

    private Optional<ArchivedFile> fingerprint(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            Path relative = root.relativize(file);
            return Optional.of(new ArchivedFile(PREFIX + relative.toString().replace('\\', '/'),
                    relative.getName(0).toString(), attributes.size(), attributes.lastModifiedTime().toMillis()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The archived file a db_path names, or the refusal: 400-kind for a path that is not a plain relative path under
     * {@code bots/archived/}, not-found when nothing (or no regular file) is there.
     */
    public ArchivedFile locate(String dbPath) {
        Path file = resolveInside(dbPath);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw outside("it leads outside the archive folder");
            }
            if (!attributes.isRegularFile()) {
                throw notFound(dbPath);
            }
            Path relative = root.relativize(file);
            if (relative.getNameCount() < 2) {
                throw notFound(dbPath);
            }
            return new ArchivedFile(dbPath, relative.getName(0).toString(), attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            throw notFound(dbPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the archive folder", e);
        }
    }

    /** The file of a located db_path. */
    public Path file(ArchivedFile archived) {
        return resolveInside(archived.dbPath());
    }

    /** Deletes an instance folder ({@code bots/archived/<instance>}) and all it holds; links are removed, not followed. */
    public void deleteInstance(String instance) {
        if (!SAFE_SEGMENT.matcher(instance).matches()) {
            throw outside("not an instance folder name");
        }
        Path folder = root.resolve(instance);
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the archived bot " + instance, e);
        }
    }

    private Path resolveInside(String dbPath) {
        if (dbPath == null || dbPath.isEmpty()) {
            throw outside("it is empty");
        }
        if (dbPath.length() > MAX_PATH) {
            throw outside("it is longer than " + MAX_PATH + " characters");
        }
        if (dbPath.startsWith("/") || dbPath.matches("^[A-Za-z]:.*")) {
            throw outside("it is absolute");
        }
        if (dbPath.indexOf('\\') >= 0 || dbPath.indexOf('%') >= 0 || dbPath.indexOf('\0') >= 0) {
            throw outside("it contains an encoding, a backslash or NUL");
        }
        if (!dbPath.startsWith(PREFIX)) {
            throw outside("it must start with " + PREFIX);
        }
        for (String segment : dbPath.substring(PREFIX.length()).split("/", -1)) {
            if (!SAFE_SEGMENT.matcher(segment).matches()) {
                throw outside(segment.isEmpty() ? "it has an empty segment" : segment.startsWith(".")
                        ? "it has a dot segment" : "a segment has characters other than letters, digits and _.+@=-");
            }
        }
        Path file = botsPath.resolve(dbPath).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw outside("it leads outside the archive folder");
        }
        return file;
    }

    private static ArchiveProblem outside(String why) {
        return new ArchiveProblem(Kind.OUTSIDE_ARCHIVE, "Invalid db_path: " + why
                + " (a database is named as listed by GET /archived-bots/, e.g. bots/archived/<bot>/data/<db>.sqlite)");
    }

    private static ArchiveProblem notFound(String dbPath) {
        return new ArchiveProblem(Kind.NOT_FOUND, "Database not found: " + ArchiveProblem.bounded(dbPath));
    }
}
