package io.aviary.archive.app;

import io.aviary.common.events.orchestration.BotArchived;
import io.aviary.kit.events.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * orchestration-service's {@code BotArchived}: index the bot's databases as soon as its folder is archived, inside
 * the inbox transaction, so the rows are written exactly once per event. An archive uploaded to S3 is not readable
 * here (archive-service has no S3 client yet; see the README).
 */
@Configuration
public class BotArchivedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(BotArchivedEvents.class);
    private static final String LOCAL_PREFIX = "bots/archived/";

    @Bean
    EventHandler<BotArchived> botArchivedHandler(ArchiveIndexer indexer) {
        return EventHandler.of(BotArchived.class, (event, envelope) -> {
            if (event.s3Bucket() != null) {
                LOG.info("bot {} was archived to S3; archive-service reads local archives only", event.botName());
                return;
            }
            String path = event.archivePath() == null ? "" : event.archivePath();
            String instance = path.startsWith(LOCAL_PREFIX) ? path.substring(LOCAL_PREFIX.length()) : event.botName();
            int indexed = indexer.indexInstance(instance);
            LOG.info("bot {} archived: {} database(s) indexed", event.botName(), indexed);
        });
    }
}
