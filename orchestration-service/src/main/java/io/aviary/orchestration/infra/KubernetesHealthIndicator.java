package io.aviary.orchestration.infra;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The Kubernetes API in {@code /actuator/health} (component {@code kubernetes}), present only when bots run there
 * ({@code BOT_RUNTIME=kubernetes}): then an API that does not answer, or does not let us list pods in the bots'
 * namespace, makes the service DOWN, as Docker's engine does for {@code BOT_RUNTIME=docker}.
 */
@Component("kubernetes")
@ConditionalOnExpression("'${aviary.bots.runtime:${BOT_RUNTIME:process}}' == 'kubernetes'")
public class KubernetesHealthIndicator implements HealthIndicator {

    private final KubernetesApi api;

    public KubernetesHealthIndicator(KubernetesApi api) {
        this.api = api;
    }

    @Override
    public Health health() {
        Health.Builder health = api.isReachable() ? Health.up()
                : Health.down().withDetail("detail", "Kubernetes API not reachable at " + api.url()
                        + " or pods in namespace " + api.namespace() + " not listable");
        return health.withDetail("url", api.url()).withDetail("namespace", api.namespace()).build();
    }
}
