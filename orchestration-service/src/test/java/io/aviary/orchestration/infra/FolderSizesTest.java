package io.aviary.orchestration.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.orchestration.domain.StorageUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /storage/}'s sizes on a temporary BOTS_PATH holding files of known sizes. */
class FolderSizesTest {

    @TempDir
    Path botsPath;

    @Test
    void sumsEachTrackedFolderAndListsItsSubFoldersLargestFirst() throws IOException {
        write("bots/instances/small_bot/conf/conf_client.yml", 100);
        write("bots/instances/small_bot/logs/bot.log", 924);
        write("bots/instances/big_bot/data/big_bot.sqlite", 4096);
        write("bots/instances/stray.txt", 7); // a file directly in instances counts towards it, but is no item
        write("bots/archived/old_bot/data/old_bot.sqlite", 2048);
        write("bots/scripts/ignored.py", 50_000); // not a tracked folder

        StorageUsage usage = new FolderSizes(botsPath.toString(), 1000).usage();

        assertThat(usage.complete()).isTrue();
        StorageUsage.Folder instances = usage.directories().get("instances");
        assertThat(instances.sizeBytes()).isEqualTo(100 + 924 + 4096 + 7);
        assertThat(instances.items()).containsExactly(new StorageUsage.Item("big_bot", 4096),
                new StorageUsage.Item("small_bot", 1024));
        assertThat(usage.directories().get("archived").items()).containsExactly(new StorageUsage.Item("old_bot", 2048));
        assertThat(usage.directories().get("conf")).isEqualTo(new StorageUsage.Folder(0, java.util.List.of()));
        assertThat(usage.directories()).containsOnlyKeys("archived", "instances", "conf");
        assertThat(usage.totalBytes()).isEqualTo(5127 + 2048);
        assertThat(StorageUsage.human(1024)).isEqualTo("1.00 KB");
        assertThat(StorageUsage.human(5127 + 2048)).isEqualTo("7.01 KB");
        assertThat(StorageUsage.human(0)).isEqualTo("0.00 B");
    }

    @Test
    void theWalkStopsAtItsFileBudgetAndSaysSo() throws IOException {
        for (int i = 0; i < 10; i++) {
            write("bots/instances/many/f" + i, 10);
        }

        StorageUsage usage = new FolderSizes(botsPath.toString(), 4).usage();

        assertThat(usage.complete()).isFalse();
        assertThat(usage.directories().get("instances").sizeBytes()).isEqualTo(40);
    }

    @Test
    void aSymbolicLinkIsNotFollowedOutOfBotsPath(@TempDir Path elsewhere) throws IOException {
        Files.write(elsewhere.resolve("secret.bin"), new byte[5000]);
        write("bots/instances/bot/a", 10);
        Files.createSymbolicLink(botsPath.resolve("bots/instances/bot/link"), elsewhere);

        assertThat(new FolderSizes(botsPath.toString(), 1000).usage().directories().get("instances").sizeBytes())
                .isEqualTo(10);
    }

    private void write(String relative, int bytes) throws IOException {
        Path file = botsPath.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }
}
