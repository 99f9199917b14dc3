package io.aviary.archive.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.kit.s3.LocalS3Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** S3 configured but nothing listening at its endpoint: listings and S3 reads answer 503 naming S3, quickly. */
class S3ArchiveUnreachableTest extends ArchiveHttpTestBase {

    private static final int CLOSED_PORT;

    static {
        try {
            CLOSED_PORT = LocalS3Server.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("AWS_API_KEY", () -> "some-key");
        registry.add("AWS_SECRET_KEY", () -> "some-secret");
        registry.add("S3_ENDPOINT", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("S3_PATH_STYLE", () -> "true");
        registry.add("ARCHIVE_S3_BUCKETS", () -> "bot-archives");
    }

    @Test
    void listingsAndS3ReadsAnswer503NamingS3AndLocalArchivesStillServe() {
        long started = System.nanoTime();
        Answer listing = get("/archived-bots/");
        assertThat(listing.status()).as(listing.body()).isEqualTo(503);
        assertThat(listing.json().get("detail").asString())
                .startsWith("S3 at http://127.0.0.1:" + CLOSED_PORT + " is unreachable")
                .doesNotContain("some-secret");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);

        Answer s3Read = get("/archived-bots/s3/bot-archives/some_bot/data/db.sqlite/summary");
        assertThat(s3Read.status()).isEqualTo(503);
        assertThat(get("/archived-bots/" + BOT_DB + "/summary").status()).isEqualTo(200);
    }
}
