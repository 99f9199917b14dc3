package io.aviary.orchestration.domain;

/**
 * Where a stopped bot's instance folder goes (api-catalog §1.1 remove-container, §1.6 stop-and-archive): moved to
 * the local archive folder, or packed and uploaded to an S3 bucket.
 */
public sealed interface ArchiveTarget {

    /** {@code bots/archived/<bot>} under {@code BOTS_PATH}. */
    record Local() implements ArchiveTarget {
    }

    /** {@code bots/archived/<bot>_archive.tar.gz} in {@code bucket}; the local folder goes once the upload is verified. */
    record S3(String bucket) implements ArchiveTarget {
    }
}
