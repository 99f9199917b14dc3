package io.aviary.kit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.kit.failure.Unavailable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link S3Buckets} and {@link BotArchiveTarball} against a real S3-compatible server (s3proxy over HTTP). */
class S3BucketsTest {

    private static LocalS3Server server;
    private static S3Buckets s3;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        server = LocalS3Server.start();
        server.createBucket("archives");
        s3 = new S3Buckets(server.settings());
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void anInstanceFolderGoesUpVerifiedAndItsDatabasesComeBack() throws Exception {
        Path bot = temp.resolve("bot-1");
        Files.createDirectories(bot.resolve("data"));
        Files.createDirectories(bot.resolve("logs"));
        Files.createDirectories(bot.resolve("conf"));
        Files.write(bot.resolve("data/bot-1.sqlite"), new byte[70_000]);
        Files.writeString(bot.resolve("logs/bot.log"), "started\n");
        Files.writeString(bot.resolve("conf/conf_client.yml"), "instance_id: bot-1\n");
        Path tarGz = temp.resolve("bot-1_archive.tar.gz");
        BotArchiveTarball.pack(bot, "bot-1", tarGz);

        StoredObject stored = s3.uploadVerified("archives", BotArchiveTarball.key("bot-1"), tarGz);

        assertThat(stored.key()).isEqualTo("bots/archived/bot-1_archive.tar.gz");
        assertThat(stored.sizeBytes()).isEqualTo(Files.size(tarGz));
        assertThat(stored.eTag()).matches("[0-9a-f]{32}");
        assertThat(server.objectFile("archives", "bots/archived/bot-1_archive.tar.gz")).hasSize(Files.size(tarGz));
        assertThat(s3.list("archives", BotArchiveTarball.KEY_PREFIX)).extracting(StoredObject::key)
                .containsExactly("bots/archived/bot-1_archive.tar.gz");

        Path cache = Files.createDirectories(temp.resolve("cache"));
        List<String> extracted = s3.read("archives", stored.key(), 1_000_000,
                (object, content) -> BotArchiveTarball.extractDatabases(content, cache, 1_000_000));
        assertThat(extracted).containsExactly("bot-1.sqlite");
        assertThat(Files.readAllBytes(cache.resolve("bot-1.sqlite"))).isEqualTo(new byte[70_000]);
        assertThat(cache.resolve("bot.log")).doesNotExist();
    }

    @Test
    void missingKeysAndBucketsAreNotFoundAndBadBucketNamesAreRefused() {
        assertThatThrownBy(() -> s3.read("archives", "bots/archived/ghost_archive.tar.gz", 10, (o, in) -> null))
                .isInstanceOf(NotFound.class).hasMessage("S3 object not found: archives/bots/archived/ghost_archive.tar.gz");
        assertThatThrownBy(() -> s3.list("no-such-bucket", "bots/"))
                .isInstanceOf(NotFound.class).hasMessage("S3 bucket not found: no-such-bucket");
        assertThatThrownBy(() -> s3.bucket("Bad_Bucket")).isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("Invalid S3 bucket name");
    }

    @Test
    void wrongCredentialsAreAClearRefusalThatNeverShowsTheSecret() {
        try (S3Buckets wrong = new S3Buckets(server.settings(LocalS3Server.ACCESS_KEY, "not-the-secret-key"))) {
            assertThatThrownBy(() -> wrong.list("archives", "bots/"))
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("S3 at " + server.endpoint() + " refused the credentials (AWS_API_KEY / AWS_SECRET_KEY)")
                    .hasMessageNotContaining("not-the-secret-key");
        }
    }

    @Test
    void anUnreachableServerIsUnavailableNamingItQuickly() throws Exception {
        int closed = LocalS3Server.freePort();
        S3Settings settings = new S3Settings("k", "s", "http://127.0.0.1:" + closed, null, true, null, null);
        try (S3Buckets down = new S3Buckets(settings)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> down.list("archives", "bots/")).isInstanceOf(Unavailable.class)
                    .hasMessageStartingWith("S3 at http://127.0.0.1:" + closed + " is unreachable");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        }
    }

    @Test
    void withoutCredentialsNothingIsBuiltAndUseIsRefused() {
        try (S3Buckets off = new S3Buckets(new S3Settings("", "", null, null, false, null, null))) {
            assertThat(off.configured()).isFalse();
            assertThatThrownBy(() -> off.list("archives", "")).isInstanceOf(Unavailable.class)
                    .hasMessageContaining("AWS S3 credentials are not provided");
            assertThat(off.settings().toString()).doesNotContain("secret");
        }
        assertThat(server.settings().toString()).doesNotContain(LocalS3Server.SECRET_KEY);
    }
}
