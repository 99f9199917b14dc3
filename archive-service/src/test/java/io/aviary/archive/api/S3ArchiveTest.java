package io.aviary.archive.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.EventJson;
import io.aviary.common.events.Topics;
import io.aviary.common.events.orchestration.BotArchived;
import io.aviary.kit.events.DeadLetters;
import io.aviary.kit.events.EventHandler;
import io.aviary.kit.events.EventInbox;
import io.aviary.kit.s3.BotArchiveTarball;
import io.aviary.kit.s3.LocalS3Server;
import io.aviary.kit.s3.S3Buckets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Archives on a real S3-compatible server (s3proxy over HTTP): a bot database written by the bot's own writer
 * ({@link ArchiveDatabases#botMade}), packed and uploaded as orchestration does, is listed, cached, indexed and
 * served by every endpoint with the same figures as the same database archived locally.
 */
class S3ArchiveTest extends ArchiveHttpTestBase {

    private static final LocalS3Server S3 = LocalS3Server.start();
    private static final String BUCKET = "bot-archives";
    private static final String EVENT_BUCKET = "other-archives";
    private static final Path CACHE;
    private static final String S3_DB = "s3/" + BUCKET + "/sim_s3_bot/data/conf_sim_pmm.sqlite";

    static {
        try {
            CACHE = Files.createTempDirectory("archive-s3-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        S3.createBucket(BUCKET);
        S3.createBucket(EVENT_BUCKET);
        upload(BUCKET, "sim_s3_bot");
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("AWS_API_KEY", () -> LocalS3Server.ACCESS_KEY);
        registry.add("AWS_SECRET_KEY", () -> LocalS3Server.SECRET_KEY);
        registry.add("S3_ENDPOINT", S3::endpoint);
        registry.add("S3_PATH_STYLE", () -> "true");
        registry.add("ARCHIVE_S3_BUCKETS", () -> BUCKET);
        registry.add("aviary.archive.s3-cache", CACHE::toString);
    }

    @AfterAll
    static void stop() throws Exception {
        S3.close();
    }

    @Autowired
    List<EventHandler<?>> handlers;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anS3ArchiveIsListedAndServedWithTheFiguresOfTheSameDatabaseArchivedLocally() {
        JsonNode listed = get("/archived-bots/").json();
        assertThat(listed.toString()).contains("\"" + S3_DB + "\"", "\"" + BOT_DB + "\"");
        assertThat(CACHE.resolve(BUCKET).resolve("sim_s3_bot/data/conf_sim_pmm.sqlite")).isRegularFile();
        assertThat(CACHE.resolve(BUCKET).resolve("sim_s3_bot/logs")).as("only databases are cached").doesNotExist();

        for (String endpoint : List.of("/summary", "/performance", "/trades?limit=3&offset=2", "/orders",
                "/orders?status=OrderFilled", "/positions", "/executors", "/controllers", "/status")) {
            Answer s3 = get("/archived-bots/" + S3_DB + endpoint);
            Answer local = get("/archived-bots/" + BOT_DB + endpoint);
            assertThat(s3.status()).as(endpoint + ": " + s3.body()).isEqualTo(200);
            assertThat(withoutPaths(s3.json())).as(endpoint).isEqualTo(withoutPaths(local.json()));
        }
        assertThat(get("/archived-bots/" + S3_DB + "/summary").json().get("total_trades").asLong()).isEqualTo(7);
        assertThat(get("/databases/" + S3_DB + "/summary").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT instance FROM archive.archived_database WHERE db_path = ?",
                String.class, S3_DB)).isEqualTo("s3/" + BUCKET + "/sim_s3_bot");
    }

    @Test
    void aBotArchivedEventWithABucketIndexesItAndTheBucketIsListedFromThenOn() {
        upload(EVENT_BUCKET, "sim_event_s3_bot");
        String dbPath = "s3/" + EVENT_BUCKET + "/sim_event_s3_bot/data/conf_sim_pmm.sqlite";
        assertThat(get("/archived-bots/" + dbPath + "/summary").status()).as("bucket not known yet").isEqualTo(404);

        EventJson json = new EventJson();
        EventInbox inbox = new EventInbox(jdbc, tx, json, handlers, new DeadLetters(jdbc), 3);
        EventEnvelope envelope = json.envelope(new BotArchived("sim_event_s3_bot",
                BotArchiveTarball.key("sim_event_s3_bot"), EVENT_BUCKET, Instant.now()), "orchestration-service");
        inbox.receive(new ConsumerRecord<>(Topics.ORCHESTRATION, 0, 0, "sim_event_s3_bot", json.write(envelope)));

        assertThat(jdbc.queryForObject("SELECT total_trades FROM archive.archived_database WHERE db_path = ?",
                Long.class, dbPath)).isEqualTo(7);
        assertThat(get("/archived-bots/").json().toString()).contains("\"" + dbPath + "\"");
        assertThat(get("/archived-bots/" + dbPath + "/summary").status()).isEqualTo(200);
    }

    @Test
    void unknownS3ArchivesAreNotFoundAndMalformedNamesAreRefused() {
        Answer unknownKey = get("/archived-bots/s3/" + BUCKET + "/ghost/data/ghost.sqlite/summary");
        assertThat(unknownKey.status()).as(unknownKey.body()).isEqualTo(404);
        assertThat(unknownKey.json().get("detail").asString())
                .isEqualTo("S3 object not found: " + BUCKET + "/bots/archived/ghost_archive.tar.gz");
        Answer unknownBucket = get("/archived-bots/s3/not-listed-bucket/sim_s3_bot/data/conf_sim_pmm.sqlite/summary");
        assertThat(unknownBucket.status()).isEqualTo(404);
        Answer unknownFile = get("/archived-bots/s3/" + BUCKET + "/sim_s3_bot/data/other.sqlite/summary");
        assertThat(unknownFile.status()).isEqualTo(404);
        Answer malformed = get("/archived-bots/s3/" + BUCKET + "/sim_s3_bot/logs/bot.sqlite/summary");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("s3/<bucket>/<bot>/data/<file>.sqlite");
    }

    @Test
    void anArchiveThatIsNotATarballIsLeftOutOfListingsAndRefusedWith422WhenNamed() throws IOException {
        Path junk = Files.createTempFile("junk", ".tar.gz");
        Files.writeString(junk, "not a gzip'd tar");
        try (S3Buckets s3 = new S3Buckets(S3.settings())) {
            s3.uploadVerified(BUCKET, BotArchiveTarball.key("sim_junk_bot"), junk);
        }

        Answer listing = get("/archived-bots/");
        assertThat(listing.status()).as(listing.body()).isEqualTo(200);
        assertThat(listing.body()).contains(S3_DB).doesNotContain("sim_junk_bot");
        Answer named = get("/archived-bots/s3/" + BUCKET + "/sim_junk_bot/data/conf_sim_pmm.sqlite/summary");
        assertThat(named.status()).as(named.body()).isEqualTo(422);
        assertThat(named.json().get("detail").asString()).startsWith("The S3 archive " + BUCKET
                + "/bots/archived/sim_junk_bot_archive.tar.gz cannot be cached");
    }

    @Test
    void deleteRemovesTheObjectTheCachedCopyAndTheRows() {
        upload(BUCKET, "sim_doomed_bot");
        String dbPath = "s3/" + BUCKET + "/sim_doomed_bot/data/conf_sim_pmm.sqlite";
        assertThat(get("/archived-bots/" + dbPath + "/summary").status()).isEqualTo(200);

        Answer deleted = delete("/archived-bots/" + dbPath);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("bot_name").asString()).isEqualTo("sim_doomed_bot");
        assertThat(S3.objectFile(BUCKET, BotArchiveTarball.key("sim_doomed_bot"))).doesNotExist();
        assertThat(CACHE.resolve(BUCKET).resolve("sim_doomed_bot")).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM archive.archived_database WHERE db_path = ?",
                Long.class, dbPath)).isZero();
        assertThat(get("/archived-bots/").json().toString()).doesNotContain("sim_doomed_bot");
    }

    /** The bot's own database in an instance folder, packed and uploaded as orchestration-service does. */
    private static void upload(String bucket, String bot) {
        try {
            Path folders = Files.createTempDirectory("s3-upload");
            ArchiveDatabases.botMade(folders, bot);
            Files.createDirectories(folders.resolve(bot).resolve("logs"));
            Files.writeString(folders.resolve(bot).resolve("logs/bot.log"), "a log line\n");
            Path tarGz = folders.resolve(bot + BotArchiveTarball.KEY_SUFFIX);
            BotArchiveTarball.pack(folders.resolve(bot), bot, tarGz);
            try (S3Buckets s3 = new S3Buckets(S3.settings())) {
                s3.uploadVerified(bucket, BotArchiveTarball.key(bot), tarGz);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An answer without the fields that name the database (they differ by design) and without random UUID ids (the
     * fixture draws new ones for each database it writes).
     */
    private static JsonNode withoutPaths(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove("db_path");
            if (object.get("status") instanceof ObjectNode status) {
                status.remove("db_path");
                status.remove("db_name");
            }
        }
        withoutRandomIds(copy);
        return copy;
    }

    private static void withoutRandomIds(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("id").asString("").matches("[0-9a-f-]{36}")) {
            object.remove("id");
        }
        node.forEach(S3ArchiveTest::withoutRandomIds);
    }
}
