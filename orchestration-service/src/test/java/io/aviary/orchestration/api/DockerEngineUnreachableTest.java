package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.orchestration.infra.DockerEngine;
import io.aviary.orchestration.infra.DockerHealthIndicator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code /docker} with DOCKER_HOST pointing where no engine listens: fast 503s naming it, never a 500 or a hang. */
class DockerEngineUnreachableTest extends OrchestrationHttpTestBase {

    static final String NOWHERE = "unix:///tmp/aviary-no-docker-engine.sock";
    static final String DETAIL = "Docker engine not reachable at " + NOWHERE;

    @DynamicPropertySource
    static void docker(DynamicPropertyRegistry registry) {
        registry.add("aviary.docker.host", () -> NOWHERE);
    }

    @Autowired
    DockerHealthIndicator health;

    @Autowired
    DockerEngine engine;

    @Test
    void everyEndpointAnswers503NamingTheEngineWithinSeconds() {
        Instant before = Instant.now();
        List<Answer> answers = List.of(
                get("/docker/available-images/busybox"),
                get("/docker/available-images/"),
                get("/docker/active-containers"),
                get("/docker/exited-containers"),
                post("/docker/clean-exited-containers", ""),
                post("/docker/stop-container/hummingbot-a", ""),
                post("/docker/start-container/hummingbot-a", ""),
                post("/docker/remove-container/hummingbot-a", ""),
                post("/docker/pull-image/", "{\"image_name\": \"hummingbot/hummingbot:latest\"}"));

        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.json().get("detail").asString()).isEqualTo(DETAIL);
        }
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void runningSaysFalseAndPullStatusIsEmpty() {
        assertThat(get("/docker/running").body()).isEqualTo("{\"is_docker_running\":false}");
        assertThat(get("/docker/pull-status/").body()).isEqualTo("{\"pull_operations\":{},\"total_operations\":0}");
    }

    @Test
    void healthShowsTheEngineDownOnlyWhereBotsRunOnDocker() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.health().getDetails()).containsEntry("detail", DETAIL);
        assertThat(new DockerHealthIndicator(engine, "docker").health().getStatus()).isEqualTo(Status.DOWN);
    }
}
