package io.aviary.common.events.orchestration;

import io.aviary.common.events.DomainEvent;
import java.time.Instant;

/**
 * A stopped bot's instance folder was archived by orchestration-service (Hummingbot's stop-and-archive /
 * remove-container). Published on orchestration's topic, keyed by the bot name; archive-service indexes the bot's
 * databases when it arrives.
 *
 * @param botName     the bot (instance) name
 * @param archivePath where the folder went: locally, relative to {@code BOTS_PATH}, e.g.
 *                    {@code bots/archived/<bot>}; on S3, the object key, e.g.
 *                    {@code bots/archived/<bot>_archive.tar.gz}
 * @param s3Bucket    the bucket it was uploaded to; {@code null} when archived locally
 * @param archivedAt  when the archive was complete
 */
public record BotArchived(String botName, String archivePath, String s3Bucket, Instant archivedAt)
        implements DomainEvent {

    @Override
    public String aggregateKey() {
        return botName;
    }
}
