package io.aviary.marketdata.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedLeaseTest {

    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aFeedExpiresOnlyAfterTheTimeoutWithoutAccess() {
        FeedLease lease = new FeedLease(t0, Duration.ofSeconds(10));
        assertThat(lease.expired(t0.plusSeconds(10))).isFalse();
        assertThat(lease.expiresIn(t0.plusSeconds(4))).isEqualTo(Duration.ofSeconds(6));
        assertThat(lease.expired(t0.plusSeconds(11))).isTrue();
        assertThat(lease.expiresIn(t0.plusSeconds(11))).isEqualTo(Duration.ZERO);
    }

    @Test
    void accessExtendsTheLeaseAndNeverMovesItBack() {
        FeedLease lease = new FeedLease(t0, Duration.ofSeconds(10));
        lease.touch(t0.plusSeconds(8));
        lease.touch(t0.plusSeconds(2));
        assertThat(lease.lastAccess()).isEqualTo(t0.plusSeconds(8));
        assertThat(lease.expired(t0.plusSeconds(15))).isFalse();
        assertThat(lease.sinceAccess(t0.plusSeconds(15))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aHeldFeedNeverExpiresAndExpiresATimeoutAfterItsLastRelease() {
        FeedLease lease = new FeedLease(t0, Duration.ofSeconds(10));
        lease.hold();
        lease.hold();
        assertThat(lease.expired(t0.plusSeconds(3600))).isFalse();
        lease.release(t0.plusSeconds(100));
        assertThat(lease.expired(t0.plusSeconds(3600))).as("one holder left").isFalse();
        lease.release(t0.plusSeconds(200));
        assertThat(lease.holders()).isZero();
        assertThat(lease.expired(t0.plusSeconds(210))).isFalse();
        assertThat(lease.expired(t0.plusSeconds(211))).isTrue();
    }
}
