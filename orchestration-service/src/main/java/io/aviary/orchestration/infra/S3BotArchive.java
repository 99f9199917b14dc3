package io.aviary.orchestration.infra;

import org.springframework.util.FileSystemUtils;
import io.aviary.kit.s3.BotArchiveTarball;
import io.aviary.kit.s3.S3Buckets;
import io.aviary.kit.s3.StoredObject;
import io.aviary.orchestration.domain.ArchiveTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hummingbot's S3 archive (api-catalog §1.1 remove-container): the instance folder {@code bots/instances/<bot>} is
 * packed as {@code bots/archived/<bot>_archive.tar.gz}, uploaded under that key and verified (size, ETag = MD5);
 * only then are the tarball and the instance folder deleted. Any failure leaves the instance folder as it was.
 */
@Component
public class S3BotArchive {

    private final Path bots;
    private final S3Buckets s3;

    public S3BotArchive(@Value("${aviary.bots.path}") String botsPath, S3Buckets s3) {
        this.bots = Path.of(botsPath).toAbsolutePath().normalize().resolve("bots");
        this.s3 = s3;
    }

    /**
     * Where a request's {@code archive_locally} / {@code s3_bucket} send the folder: S3 when a bucket is named or
     * {@code archive_locally=false} (then {@code AWS_S3_DEFAULT_BUCKET_NAME}); refused (400 bad bucket, 503 no S3
     * credentials) before anything is touched.
     */
    public ArchiveTarget target(boolean archiveLocally, String s3Bucket) {
        if (archiveLocally && (s3Bucket == null || s3Bucket.isBlank())) {
            return new ArchiveTarget.Local();
        }
        String bucket = s3.bucket(s3Bucket);
        s3.requireConfigured();
        return new ArchiveTarget.S3(bucket);
    }

    /** Packs, uploads and verifies the bot's instance folder, then deletes it; returns the stored object. */
    public StoredObject archive(String bot, String bucket) {
        Path instance = bots.resolve("instances").resolve(bot);
        if (!Files.isDirectory(instance)) {
            throw new IllegalStateException("instance folder of bot '" + bot + "' is missing");
        }
        Path tarGz = bots.resolve("archived").resolve(bot + BotArchiveTarball.KEY_SUFFIX);
        try {
            Files.createDirectories(tarGz.getParent());
            BotArchiveTarball.pack(instance, bot, tarGz);
            StoredObject stored = s3.uploadVerified(bucket, BotArchiveTarball.key(bot), tarGz);
            deleteTree(instance);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("packing the instance folder of bot '" + bot + "' failed: "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(tarGz);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        FileSystemUtils.deleteRecursively(folder);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover tarball is harmless: the next archive of this bot overwrites it
        }
    }
}
