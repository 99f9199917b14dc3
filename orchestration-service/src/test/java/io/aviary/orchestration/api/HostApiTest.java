package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code GET /system/resources} and {@code GET /storage/} over HTTP: HEAD's keys, this host's numbers, BOTS_PATH's sizes. */
class HostApiTest extends OrchestrationHttpTestBase {

    @Test
    void systemResourcesHaveHeadsKeysAndThisHostsCpuCount() {
        Answer answer = get("/system/resources");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("cpu").get("count_logical").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(answer.json().get("cpu").propertyNames()).containsExactly("percent", "count_logical",
                "count_physical", "load_avg_1m", "load_avg_5m", "load_avg_15m");
        assertThat(answer.json().get("memory").propertyNames()).containsExactly("total", "available", "used", "percent");
        assertThat(answer.json().get("memory").get("total").asLong()).isPositive();
        assertThat(answer.json().get("disk").get("mountpoint").asString()).isEqualTo("host root");
        assertThat(answer.json().get("disk").get("total").asLong()).isPositive();
    }

    @Test
    void storageSizesTheBotFolders() throws IOException {
        Path file = BOTS_PATH.resolve("bots/archived/host_api_test_bot/data/db.sqlite");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[3000]);

        Answer answer = get("/storage/");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var archived = answer.json().get("directories").get("archived");
        assertThat(answer.json().get("directories").propertyNames()).containsExactly("archived", "instances", "conf");
        assertThat(archived.get("items").valueStream().filter(i -> i.get("name").asString().equals("host_api_test_bot")))
                .singleElement().satisfies(i -> {
                    assertThat(i.get("size_bytes").asLong()).isEqualTo(3000);
                    assertThat(i.get("size_human").asString()).isEqualTo("2.93 KB");
                });
        assertThat(answer.json().get("total_size_bytes").asLong()).isGreaterThanOrEqualTo(3000);
        assertThat(answer.json().has("truncated")).isFalse();
    }
}
