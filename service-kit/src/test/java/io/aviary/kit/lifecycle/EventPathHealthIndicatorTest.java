package io.aviary.kit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.kit.events.DeadLetterHealthIndicator;
import io.aviary.kit.events.DeadLetters;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class EventPathHealthIndicatorTest {

    @Test
    void aDatabaseThatCannotBeReachedIsReportedDownInsteadOfFailingTheHealthEndpoint() throws IOException {
        // nothing listens there: the driver's connection is refused, as with PostgreSQL down
        DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + unusedPort() + "/aviary", "aviary", "aviary");
        EventPathHealthIndicator indicator = new EventPathHealthIndicator(new JdbcTemplate(unreachable), "instance-1");

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("outbox", "database unavailable");
    }

    @Test
    void theDeadLetterIndicatorDoesNotFailTheHealthEndpointEitherWhenTheDatabaseIsDown() throws IOException {
        DriverManagerDataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + unusedPort() + "/aviary", "aviary", "aviary");
        DeadLetterHealthIndicator indicator = new DeadLetterHealthIndicator(new DeadLetters(new JdbcTemplate(unreachable)));

        Health health = indicator.health(); // threw before: the whole /actuator/health answered 503 "database unavailable"

        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails()).containsEntry("reason", "database unavailable");
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
