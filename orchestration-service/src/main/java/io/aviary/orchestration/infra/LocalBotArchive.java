package io.aviary.orchestration.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hummingbot's local archive (api-catalog §1.1 remove-container): the instance folder
 * {@code <BOTS_PATH>/bots/instances/<bot>} moves to {@code <BOTS_PATH>/bots/archived/<bot>}. Callers pass validated
 * bot names (no path characters), so both paths stay under {@code BOTS_PATH}.
 */
@Component
public class LocalBotArchive {

    private final Path bots;

    public LocalBotArchive(@Value("${aviary.bots.path}") String botsPath) {
        this.bots = Path.of(botsPath).toAbsolutePath().normalize().resolve("bots");
    }

    public boolean hasInstance(String bot) {
        return Files.isDirectory(instance(bot));
    }

    public boolean isArchived(String bot) {
        return Files.exists(archived(bot));
    }

    /** Moves the instance folder into the archive; the caller checked that it exists and is not archived yet. */
    public Path archive(String bot) {
        Path target = archived(bot);
        try {
            Files.createDirectories(target.getParent());
            // same file system under BOTS_PATH: an atomic rename, so a reader never sees half an archive
            return Files.move(instance(bot), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("archiving the instance folder of " + bot + " failed", e);
        }
    }

    private Path instance(String bot) {
        return bots.resolve("instances").resolve(bot);
    }

    private Path archived(String bot) {
        return bots.resolve("archived").resolve(bot);
    }
}
