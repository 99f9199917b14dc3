package io.aviary.orchestration.infra;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The Docker engine in {@code /actuator/health} (component {@code docker}). It makes the service DOWN only when bots
 * run on Docker ({@code BOT_RUNTIME=docker}); otherwise an engine that is not there is UNKNOWN, which leaves the
 * service UP: {@code ./run.sh} on a machine without Docker is a normal set-up.
 */
@Component("docker")
public class DockerHealthIndicator implements HealthIndicator {

    private final DockerEngine engine;
    private final boolean botsRunOnDocker;

    public DockerHealthIndicator(DockerEngine engine,
                                 @Value("${aviary.bots.runtime:${BOT_RUNTIME:process}}") String runtime) {
        this.engine = engine;
        this.botsRunOnDocker = "docker".equals(runtime);
    }

    @Override
    public Health health() {
        if (engine.isReachable()) {
            return Health.up().withDetail("host", engine.host())
                    .withDetail("apiVersion", engine.apiVersion().orElse("unknown")).build();
        }
        Health.Builder health = botsRunOnDocker ? Health.down() : Health.unknown();
        return health.withDetail("host", engine.host())
                .withDetail("detail", "Docker engine not reachable at " + engine.host()).build();
    }
}
