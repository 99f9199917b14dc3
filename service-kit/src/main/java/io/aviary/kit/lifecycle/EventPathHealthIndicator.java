package io.aviary.kit.lifecycle;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.lifecycle.ServiceStarted;
import io.aviary.kit.events.EventHandler;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health of this instance's event path: whether its own {@link ServiceStarted} came back through
 * outbox → Kafka → inbox, and how far the outbox is behind. Until the round trip is seen the
 * status is UNKNOWN (it does not make the service DOWN: Kafka may be late without the REST API
 * being unusable); a backlog older than a minute is reported as OUT_OF_SERVICE for alerting.
 */
public class EventPathHealthIndicator implements HealthIndicator, EventHandler<ServiceStarted> {

    private final JdbcTemplate jdbc;
    private final String instanceId;
    private volatile Instant roundTripSeenAt;

    public EventPathHealthIndicator(JdbcTemplate jdbc, String instanceId) {
        this.jdbc = jdbc;
        this.instanceId = instanceId;
    }

    @Override
    public Class<ServiceStarted> eventClass() {
        return ServiceStarted.class;
    }

    @Override
    public void handle(ServiceStarted event, EventEnvelope envelope) {
        if (instanceId.equals(event.instanceId())) {
            roundTripSeenAt = Instant.now();
        }
    }

    @Override
    public Health health() {
        Map<String, Object> backlog;
        try {
            backlog = readBacklog();
        } catch (DataAccessException e) {
            // thrown out of here it would fail the whole health endpoint instead of reporting DOWN
            return Health.down().withDetail("instanceId", instanceId).withDetail("outbox", "database unavailable").build();
        }
        long oldestSeconds = ((Number) backlog.get("oldest")).longValue();
        Health.Builder health = roundTripSeenAt == null ? Health.unknown() : Health.up();
        if (oldestSeconds > 60) {
            health = Health.outOfService();
        }
        return health.withDetail("instanceId", instanceId)
                .withDetail("roundTripSeenAt", roundTripSeenAt == null ? "not yet" : roundTripSeenAt.toString())
                .withDetail("outboxPending", backlog.get("pending"))
                .withDetail("outboxOldestPendingSeconds", oldestSeconds)
                .build();
    }

    private Map<String, Object> readBacklog() {
        return jdbc.queryForMap(
                "SELECT count(*) AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::bigint AS oldest "
                        + "FROM event_outbox WHERE published_at IS NULL");
    }
}
