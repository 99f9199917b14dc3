package io.aviary.orchestration.infra;

import io.aviary.orchestration.domain.StorageUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sizes of the folders under {@code BOTS_PATH/bots} that HEAD's {@code GET /storage/} reports: the sum of the regular
 * files below each (symbolic links are not followed, so a link cannot lead the walk out of {@code BOTS_PATH} or into
 * a loop). The walk visits at most {@code maxFiles} entries per request, so a huge archive costs a bounded time.
 */
@Component
public class FolderSizes {

    static final List<String> TRACKED = List.of("archived", "instances", "conf");

    private final Path bots;
    private final int maxFiles;

    public FolderSizes(@Value("${aviary.bots.path}") String botsPath,
            @Value("${aviary.storage.max-files:200000}") int maxFiles) {
        this.bots = Path.of(botsPath).toAbsolutePath().normalize().resolve("bots");
        this.maxFiles = maxFiles;
    }

    /** What a walk has seen so far; shared by the walks of one request so the budget covers all of them. */
    private final class Budget {
        int left = maxFiles;
        boolean exhausted;
    }

    public StorageUsage usage() {
        Budget budget = new Budget();
        Map<String, StorageUsage.Folder> folders = new LinkedHashMap<>();
        long total = 0;
        for (String name : TRACKED) {
            StorageUsage.Folder folder = folder(bots.resolve(name), budget);
            folders.put(name, folder);
            total += folder.sizeBytes();
        }
        return new StorageUsage(total, folders, !budget.exhausted);
    }

    private StorageUsage.Folder folder(Path dir, Budget budget) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new StorageUsage.Folder(0, List.of());
        }
        List<StorageUsage.Item> items = new ArrayList<>();
        long size = 0;
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                long childSize = size(child, budget);
                size += childSize;
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    items.add(new StorageUsage.Item(child.getFileName().toString(), childSize));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        items.sort(Comparator.comparingLong(StorageUsage.Item::sizeBytes).reversed());
        return new StorageUsage.Folder(size, items);
    }

    private long size(Path root, Budget budget) {
        long[] sum = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (budget.left-- <= 0) {
                        budget.exhausted = true;
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.isRegularFile()) {
                        sum[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a file removed or unreadable mid-walk counts as nothing
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
        return sum[0];
    }
}
