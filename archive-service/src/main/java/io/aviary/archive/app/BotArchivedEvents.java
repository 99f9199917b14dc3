package io.aviary.archive.app;

import io.aviary.common.events.orchestration.BotArchived;
import io.aviary.kit.events.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * orchestration-service's {@code BotArchived}: index the bot's databases as soon as its folder is archived, inside
 * the inbox transaction, so the rows are written exactly once per event. An archive uploaded to S3 is fetched into
 * the S3 cache and indexed the same way (its bucket is remembered for later listings); S3 unreachable fails the
 * handler, so the inbox retries it. Without S3 credentials here the event is only logged.
 */
@Configuration
public class BotArchivedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(BotArchivedEvents.class);
    private static final String LOCAL_PREFIX = "bots/archived/";
    private static final String S3_SUFFIX = "_archive.tar.gz";

    @Bean
    EventHandler<BotArchived> botArchivedHandler(ArchiveIndexer indexer) {
        return EventHandler.of(BotArchived.class, (event, envelope) -> {
            if (event.s3Bucket() != null) {
                indexS3(indexer, event);
                return;
            }
            String path = event.archivePath() == null ? "" : event.archivePath();
            String instance = path.startsWith(LOCAL_PREFIX) ? path.substring(LOCAL_PREFIX.length()) : event.botName();
            int indexed = indexer.indexInstance(instance);
            LOG.info("bot {} archived: {} database(s) indexed", event.botName(), indexed);
        });
    }

    private static void indexS3(ArchiveIndexer indexer, BotArchived event) {
        if (!indexer.s3Enabled()) {
            LOG.warn("bot {} was archived to S3 bucket {}, but archive-service has no S3 credentials "
                    + "(AWS_API_KEY / AWS_SECRET_KEY): not indexed", event.botName(), event.s3Bucket());
            return;
        }
        String key = event.archivePath() == null ? "" : event.archivePath();
        String bot = key.startsWith(LOCAL_PREFIX) && key.endsWith(S3_SUFFIX)
                ? key.substring(LOCAL_PREFIX.length(), key.length() - S3_SUFFIX.length()) : event.botName();
        int indexed = indexer.indexS3Instance(event.s3Bucket(), bot);
        LOG.info("bot {} archived to S3 bucket {}: {} database(s) indexed", event.botName(), event.s3Bucket(), indexed);
    }
}
