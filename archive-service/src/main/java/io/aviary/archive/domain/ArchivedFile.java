package io.aviary.archive.domain;

/**
 * One archived bot database as the folder shows it.
 *
 * @param dbPath         the API's name for it: {@code bots/archived/<instance>/data/<file>.sqlite}
 * @param instance       the archived bot's instance folder name
 * @param sizeBytes      file size, part of the fingerprint that says whether its index row is current
 * @param modifiedMillis last modification (epoch ms), the other part of the fingerprint
 */
public record ArchivedFile(String dbPath, String instance, long sizeBytes, long modifiedMillis) {

    public boolean sameFingerprint(long otherSize, long otherModifiedMillis) {
        return sizeBytes == otherSize && modifiedMillis == otherModifiedMillis;
    }
}
