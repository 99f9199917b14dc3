package io.aviary.archive.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import io.aviary.common.events.Topics;
import io.aviary.common.events.orchestration.BotArchived;
import io.aviary.kit.events.DeadLetters;
import io.aviary.kit.events.EventHandler;
import io.aviary.kit.events.EventInbox;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The summary table follows the archive folder: a {@code BotArchived} event indexes the bot's databases without any
 * listing (through the kit's real inbox on the real PostgreSQL, exactly once per event id), a listing forgets files
 * that are gone, and DELETE removes the whole instance folder and its rows.
 */
class ArchiveIndexTest extends ArchiveHttpTestBase {

    private final EventJson json = new EventJson();

    @Autowired
    List<EventHandler<?>> handlers;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aBotArchivedEventIndexesTheBotsDatabasesOnce() {
        String bot = "sim_event_bot";
        ArchiveDatabases.botMade(ARCHIVED, bot);
        String dbPath = "bots/archived/" + bot + "/data/conf_sim_pmm.sqlite";
        assertThat(rows(dbPath)).isZero();

        EventInbox inbox = new EventInbox(jdbc, tx, json, handlers, new DeadLetters(jdbc), 3);
        EventEnvelope envelope = json.envelope(new BotArchived(bot, "bots/archived/" + bot, null, Instant.now()),
                "orchestration-service");
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.ORCHESTRATION, 0, 0, bot,
                json.write(envelope));
        inbox.receive(record);
        assertThat(jdbc.queryForObject("SELECT total_trades FROM archive.archived_database WHERE db_path = ?",
                Long.class, dbPath)).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT trading_pairs::text FROM archive.archived_database WHERE db_path = ?",
                String.class, dbPath)).isEqualTo("{BTC-USDT,ETH-USDT}");

        inbox.receive(record); // redelivered: skipped by its id
        assertThat(jdbc.queryForObject("SELECT count(*) FROM archive.event_inbox WHERE event_id = ?", Long.class,
                envelope.id())).isEqualTo(1);
        assertThat(rows(dbPath)).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotABotDatabaseIsIndexedWithItsProblem() {
        assertThat(get("/archived-bots/" + TEXT_DB + "/summary").status()).isEqualTo(422);
        assertThat(jdbc.queryForObject("SELECT problem_kind FROM archive.archived_database WHERE db_path = ?",
                String.class, TEXT_DB)).isEqualTo("NOT_SQLITE");
    }

    @Test
    void deleteRemovesTheInstanceFolderAndItsRowsAndListingsForgetVanishedFiles() throws Exception {
        String bot = "sim_deleted_bot";
        ArchiveDatabases.botMade(ARCHIVED, bot);
        String dbPath = "bots/archived/" + bot + "/data/conf_sim_pmm.sqlite";
        assertThat(get("/archived-bots/" + dbPath + "/summary").status()).isEqualTo(200);
        assertThat(rows(dbPath)).isEqualTo(1);

        Answer deleted = delete("/archived-bots/" + dbPath);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("bot_name").asString()).isEqualTo(bot);
        assertThat(Files.exists(ARCHIVED.resolve(bot))).isFalse();
        assertThat(rows(dbPath)).isZero();
        assertThat(get("/archived-bots/" + dbPath + "/summary").status()).isEqualTo(404);
        assertThat(delete("/archived-bots/" + dbPath).status()).isEqualTo(404);
        assertThat(delete("/archived-bots/bots/archived/../../x").status()).isEqualTo(400);

        String vanishing = "sim_vanishing_bot";
        ArchiveDatabases.botMade(ARCHIVED, vanishing);
        String vanishingPath = "bots/archived/" + vanishing + "/data/conf_sim_pmm.sqlite";
        assertThat(get("/archived-bots/" + vanishingPath + "/summary").status()).isEqualTo(200);
        Files.delete(ARCHIVED.resolve(vanishing).resolve("data").resolve("conf_sim_pmm.sqlite"));
        assertThat(get("/archived-bots/").json().toString()).doesNotContain(vanishing);
        assertThat(rows(vanishingPath)).isZero();
    }

    private long rows(String dbPath) {
        return jdbc.queryForObject("SELECT count(*) FROM archive.archived_database WHERE db_path = ?", Long.class,
                dbPath);
    }
}
