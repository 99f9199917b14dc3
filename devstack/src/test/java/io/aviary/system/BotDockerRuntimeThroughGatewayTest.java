package io.aviary.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aviary.devstack.RunningSuite;
import io.aviary.devstack.ServiceSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bot's life through the gateway with {@code BOT_RUNTIME=docker}, on a suite of its own: deploy → the bot runs as a
 * container of {@code aviary/bot:local} with host networking (so it reaches the suite's sim venue and MQTT broker on
 * 127.0.0.1, as Hummingbot's containers do) → listed running with performance and the container's state →
 * stop-and-archive stops and removes the container → archive-service lists the bot's database. Skipped, saying what
 * to install, without a Docker engine or without the bot image.
 */
class BotDockerRuntimeThroughGatewayTest {

    private static final Path SOCKET = Path.of("/var/run/docker.sock");
    private static final String IMAGE = "aviary/bot:local";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() {
        assumeTrue(engine("GET", "/_ping").status() == 200, "no Docker engine answers at " + SOCKET
                + ": install docker.io and start dockerd (.ci/run does) to run the Docker runtime test");
        assumeTrue(engine("GET", "/images/" + IMAGE + "/json").status() == 200, IMAGE
                + " is not built: run deploy/images/build-bot-image.sh (.ci/run does)");
        suite = RunningSuite.startSeparate("bot-docker", builder -> builder.env("BOT_RUNTIME", "docker")
                .services(List.of("gateway", "sim-exchange", "accounts-service", "trading-service",
                        "orchestration-service", "archive-service").stream().map(ServiceSpec::require).toList()),
                line -> System.out.println("[bot-docker] " + line));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aPmmBotRunsAsAHostNetworkedContainerAndIsStoppedRemovedAndArchived() {
        BotDesk desk = BotDesk.on(suite);
        String bot = desk.deployPmmBot("docker_pmm");
        try {
            JsonNode container = JSON.readTree(engine("GET", "/containers/" + bot + "/json").body());
            assertThat(container.at("/HostConfig/NetworkMode").asString()).isEqualTo("host");
            assertThat(container.at("/Config/Image").asString()).isEqualTo(IMAGE);

            JsonNode running = desk.awaitRunning(bot);
            assertThat(running.get("runtime_state").asString()).as(running.toString()).isEqualTo("running");
            assertThat(running.toString()).contains("pmm_docker_pmm", "volume_traded");
            Http.Response history = desk.api().get("/bot-orchestration/" + bot + "/history");
            assertThat(history.status()).as(history.toString()).isEqualTo(200);

            desk.stopAndArchive(bot);
            assertThat(engine("GET", "/containers/" + bot + "/json").status()).as("the container is removed")
                    .isEqualTo(404);
            desk.assertArchived(bot);
        } finally {
            engine("DELETE", "/containers/" + bot + "?force=true"); // a failed run leaves no container behind
        }
    }

    /** One request to the Docker engine's API over its Unix socket (HTTP/1.0: the engine closes after answering). */
    private static Answer engine(String method, String path) {
        if (!Files.exists(SOCKET)) {
            return new Answer(0, "");
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(SOCKET));
            channel.write(ByteBuffer.wrap((method + " " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) > 0) {
                received.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            String answer = received.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int body = answer.indexOf("\r\n\r\n");
            return new Answer(status, body < 0 ? "" : answer.substring(body + 4));
        } catch (IOException | RuntimeException e) {
            return new Answer(0, "");
        }
    }

    private record Answer(int status, String body) {
    }
}
