package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import io.aviary.kit.s3.LocalS3Server;
import io.aviary.orchestration.infra.DockerEngine;
import io.aviary.orchestration.infra.LocalDockerEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The ten {@code /docker} endpoints over HTTP against the machine's Docker engine, with containers of the locally
 * built busybox image (no registry here: pulls fail, and pull-status says so).
 */
class DockerApiTest extends OrchestrationHttpTestBase {

    /** A real S3-compatible server for remove-container's S3 archive. */
    private static final LocalS3Server S3 = LocalS3Server.start();
    private static final String BUCKET = "docker-archives";

    static {
        S3.createBucket(BUCKET);
    }

    @DynamicPropertySource
    static void docker(DynamicPropertyRegistry registry) {
        registry.add("aviary.docker.host", () -> LocalDockerEngine.HOST);
        registry.add("AWS_API_KEY", () -> LocalS3Server.ACCESS_KEY);
        registry.add("AWS_SECRET_KEY", () -> LocalS3Server.SECRET_KEY);
        registry.add("S3_ENDPOINT", S3::endpoint);
        registry.add("S3_PATH_STYLE", () -> "true");
    }

    @AfterAll
    static void stopS3() throws Exception {
        S3.close();
    }

    private DockerEngine engine;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void engine() {
        engine = LocalDockerEngine.assumeEngine();
        LocalDockerEngine.sleepImage(engine);
    }

    @AfterEach
    void removeContainers() {
        for (String name : created) {
            try {
                engine.call(client -> client.removeContainerCmd(name).withForce(true).exec());
            } catch (NotFoundException gone) {
                // removed by the test
            }
        }
    }

    @Test
    void theEngineIsRunningAndItsLocalImagesAreListedInBothForms() {
        assertThat(get("/docker/running").json()).isEqualTo(JSON.readTree("{\"is_docker_running\": true}"));

        Answer byPath = get("/docker/available-images/busybox-sleep");
        assertThat(byPath.status()).isEqualTo(200);
        assertThat(texts(byPath.json().get("available_images"))).contains(LocalDockerEngine.SLEEP_IMAGE);
        assertThat(texts(get("/docker/available-images/?image_name=busybox-sleep").json()))
                .contains(LocalDockerEngine.SLEEP_IMAGE);
        assertThat(texts(get("/docker/available-images/no-such-image-anywhere").json().get("available_images")))
                .isEmpty();
    }

    @Test
    void aContainerIsListedStoppedStartedAndCleanedWithCatalogShapes() {
        String name = container("aviary-api-" + suffix(), Map.of());
        String filter = name.substring("aviary-api-".length()).toUpperCase();

        JsonNode active = get("/docker/active-containers?name_filter=" + filter).json().get("active_instances");
        assertThat(active).hasSize(1);
        assertThat(active.get(0).get("name").asString()).isEqualTo(name);
        assertThat(active.get(0).get("status").asString()).isEqualTo("running");
        assertThat(active.get(0).get("id").asString()).hasSize(64);

        Answer stopped = post("/docker/stop-container/" + name, "");
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.body()).isEqualTo("null");
        assertThat(get("/docker/active-containers?name_filter=" + filter).json().get("active_instances")).isEmpty();
        JsonNode exited = get("/docker/exited-containers?name_filter=" + filter).json().get("exited_instances");
        assertThat(exited).hasSize(1);
        assertThat(exited.get(0).get("status").asString()).isEqualTo("exited");

        assertThat(post("/docker/start-container/" + name, "").body()).isEqualTo("null");
        assertThat(get("/docker/active-containers?name_filter=" + filter).json().get("active_instances")).hasSize(1);

        post("/docker/stop-container/" + name, "");
        Answer cleaned = post("/docker/clean-exited-containers", "");
        assertThat(cleaned.status()).isEqualTo(200);
        assertThat(cleaned.body()).isEqualTo("null");
        assertThat(get("/docker/exited-containers?name_filter=" + filter).json().get("exited_instances")).isEmpty();
    }

    @Test
    void removingABotContainerArchivesItsInstanceFolderLocally() throws Exception {
        String name = container("aviary-api-bot-" + suffix(), Map.of("io.aviary.bot", "x"));
        Path instance = Files.createDirectories(BOTS_PATH.resolve("bots/instances").resolve(name).resolve("data"));
        Files.writeString(instance.resolve("bot.sqlite"), "rows");

        Answer removed = post("/docker/remove-container/" + name, "");

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("success").asBoolean()).isTrue();
        assertThat(removed.json().get("message").asString()).contains(name).contains("archived");
        assertThat(BOTS_PATH.resolve("bots/instances").resolve(name)).doesNotExist();
        assertThat(BOTS_PATH.resolve("bots/archived").resolve(name).resolve("data/bot.sqlite")).hasContent("rows");
        assertThat(exists(name)).isFalse();

        String hummingbot = container("hummingbot-" + suffix(), Map.of());
        Answer withoutFolder = post("/docker/remove-container/" + hummingbot + "?archive_locally=true", "");
        assertThat(withoutFolder.status()).isEqualTo(200);
        assertThat(withoutFolder.json().get("message").asString()).contains("no instance folder");
        assertThat(exists(hummingbot)).isFalse();
    }

    @Test
    void removingABotContainerToS3UploadsItsFolderAndDeletesItOnlyAfterAVerifiedUpload() throws Exception {
        String name = container("hummingbot-" + suffix(), Map.of());
        Path instance = Files.createDirectories(BOTS_PATH.resolve("bots/instances").resolve(name).resolve("data"));
        Files.writeString(instance.resolve("bot.sqlite"), "rows");

        Answer removed = post("/docker/remove-container/" + name + "?archive_locally=false&s3_bucket=" + BUCKET, "");

        String key = "bots/archived/" + name + "_archive.tar.gz";
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("message").asString()).isEqualTo("Container " + name
                + " removed and its instance folder archived to s3://" + BUCKET + "/" + key + ".");
        assertThat(S3.objectFile(BUCKET, key)).isRegularFile();
        assertThat(BOTS_PATH.resolve("bots/instances").resolve(name)).doesNotExist();
        assertThat(exists(name)).isFalse();

        String other = container("hummingbot-" + suffix(), Map.of());
        Path kept = Files.createDirectories(BOTS_PATH.resolve("bots/instances").resolve(other).resolve("data"));
        Files.writeString(kept.resolve("bot.sqlite"), "rows");
        Answer failed = post("/docker/remove-container/" + other + "?s3_bucket=no-such-bucket", "");
        assertThat(failed.status()).isEqualTo(404);
        assertThat(failed.json().get("detail").asString()).isEqualTo("S3 bucket not found: no-such-bucket");
        assertThat(kept.resolve("bot.sqlite")).as("the folder stays when the upload fails").hasContent("rows");
    }

    @Test
    void refusalsAreStatusesAndLeaveTheContainerInPlace() {
        String other = container("aviary-api-other-" + suffix(), Map.of());
        Answer notABot = post("/docker/remove-container/" + other, "");
        assertThat(notABot.status()).isEqualTo(400);
        assertThat(notABot.json().get("detail").asString()).isEqualTo("This endpoint only removes Hummingbot "
                + "containers. Container '" + other + "' is not a Hummingbot container.");

        String bot = container("hummingbot-" + suffix(), Map.of());
        Answer s3 = post("/docker/remove-container/" + bot + "?archive_locally=false", "");
        assertThat(s3.status()).as("no bucket named and no default bucket").isEqualTo(400);
        assertThat(s3.json().get("detail").asString()).contains("No S3 bucket");
        Answer badBucket = post("/docker/remove-container/" + bot + "?s3_bucket=b", "");
        assertThat(badBucket.status()).isEqualTo(400);
        assertThat(badBucket.json().get("detail").asString()).contains("Invalid S3 bucket name");
        assertThat(exists(other)).isTrue();
        assertThat(exists(bot)).isTrue();

        Answer unknown = post("/docker/stop-container/aviary-no-such-container", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Container 'aviary-no-such-container' not found");
        assertThat(post("/docker/start-container/aviary-no-such-container", "").status()).isEqualTo(404);
        assertThat(post("/docker/remove-container/hummingbot-no-such-container", "").status()).isEqualTo(404);
        assertThat(post("/docker/stop-container/.hidden", "").status()).isEqualTo(400);
    }

    @Test
    void aPullIsTrackedUntilItEndsAndFailsHonestlyWithoutARegistry() {
        Answer missing = post("/docker/pull-image/", "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(post("/docker/pull-image/", "{\"image_name\": \"Not A Reference\"}").status()).isEqualTo(400);

        String image = "aviary/not-in-any-registry:" + suffix();
        Answer started = post("/docker/pull-image/", "{\"image_name\": \"" + image + "\"}");
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("status").asString()).isIn("started", "in_progress");
        assertThat(started.json().get("image_name").asString()).isEqualTo(image);

        Answer status = awaitPath("/docker/pull-status/",
                a -> a.json().path("pull_operations").path(image).path("status").asString("").equals("failed"));
        JsonNode pull = status.json().get("pull_operations").get(image);
        assertThat(pull.get("error").asString()).isNotBlank();
        assertThat(pull.get("failed_at").asDouble()).isGreaterThanOrEqualTo(pull.get("started_at").asDouble());
        assertThat(pull.get("duration_seconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(status.json().get("total_operations").asInt()).isGreaterThanOrEqualTo(1);
    }

    private String container(String name, Map<String, String> labels) {
        engine.call(client -> client.createContainerCmd(LocalDockerEngine.SLEEP_IMAGE).withName(name)
                .withLabels(labels).exec());
        created.add(name);
        engine.call(client -> client.startContainerCmd(name).exec());
        return name;
    }

    private boolean exists(String name) {
        try {
            engine.call(client -> client.inspectContainerCmd(name).exec());
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
