package io.aviary.orchestration.domain;

import java.util.List;
import java.util.Map;

/**
 * Disk use of the bot folders under {@code BOTS_PATH/bots} ({@code archived}, {@code instances}, {@code conf}), each
 * with its sub-folders largest first, as HEAD's {@code GET /storage/}. {@code complete} is false when the walk stopped
 * at its file budget, so the sizes are lower bounds.
 */
public record StorageUsage(long totalBytes, Map<String, Folder> directories, boolean complete) {

    public record Folder(long sizeBytes, List<Item> items) {
    }

    public record Item(String name, long sizeBytes) {
    }

    /** {@code 1.50 KB}: base 1024, two decimals, B to TB, as HEAD formats sizes. */
    public static String human(long bytes) {
        double size = bytes;
        for (String unit : new String[] {"B", "KB", "MB", "GB"}) {
            if (size < 1024) {
                return String.format(java.util.Locale.ROOT, "%.2f %s", size, unit);
            }
            size /= 1024;
        }
        return String.format(java.util.Locale.ROOT, "%.2f TB", size);
    }
}
