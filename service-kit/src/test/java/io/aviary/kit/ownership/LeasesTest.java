package io.aviary.kit.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aviary.kit.events.KitDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leases on a real PostgreSQL: one owner at a time, take-over after the owner stops renewing, fencing of the old owner. */
class LeasesTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final Duration RENEW = Duration.ofMillis(400);

    private static KitDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = new KitDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void oneOwnerAtATimeWhileTheOwnerRenews() {
        try (Leases a = new Leases(db.jdbc, "a", TTL, RENEW); Leases b = new Leases(db.jdbc, "b", TTL, RENEW)) {
            Recorder onA = new Recorder();
            Lease lease = a.tryAcquire("renewed", onA).orElseThrow();
            assertThat(onA.acquired).containsExactly(lease);

            // three times the time to live: renewals keep it, the other replica never gets it
            long end = System.nanoTime() + TTL.multipliedBy(3).toNanos();
            while (System.nanoTime() < end) {
                assertThat(b.tryAcquire("renewed", new Recorder())).isEmpty();
                pause(300);
            }
            assertThat(lease.isValid()).isTrue();
            assertThat(a.confirm(lease)).isTrue();
            assertThat(b.owner("renewed")).map(LeaseOwner::ownerId).contains("a");
            assertThat(onA.lost).isEmpty();
        }
    }

    @Test
    void anOwnerThatStopsRenewingIsReplacedWithinItsTimeToLive() {
        Leases a = new Leases(db.jdbc, "a", TTL, RENEW);
        Lease first = a.tryAcquire("killed", new Recorder()).orElseThrow();
        a.close(); // like SIGKILL: no release, no renewal
        long stoppedAt = System.nanoTime();
        try (Leases b = new Leases(db.jdbc, "b", TTL, RENEW)) {
            assertThat(b.tryAcquire("killed", new Recorder())).as("before the lease expired").isEmpty();
            Lease taken = await().atMost(TTL.plusSeconds(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> b.tryAcquire("killed", new Recorder()), Optional::isPresent).orElseThrow();
            Duration handOver = Duration.ofNanos(System.nanoTime() - stoppedAt);

            assertThat(handOver).isLessThanOrEqualTo(TTL.plusMillis(500));
            assertThat(taken.epoch()).isEqualTo(first.epoch() + 1);
            // the dead owner's lease had already ended by its own clock: it could not have acted meanwhile
            assertThat(first.isValid()).isFalse();
            assertThat(b.confirm(taken)).isTrue();
        }
    }

    @Test
    void anOwnerWhoseLeaseWasTakenOverIsToldAndFenced() {
        try (Leases a = new Leases(db.jdbc, "a", TTL, RENEW); Leases b = new Leases(db.jdbc, "b", TTL, RENEW)) {
            Recorder onA = new Recorder();
            Lease old = a.tryAcquire("paused", onA).orElseThrow();
            // the owner stalled (a long pause, a slow database) past its expiry, and another replica took over
            db.jdbc.update("UPDATE kit.ownership_lease SET expires_at = now() - interval '1 second' WHERE name = 'paused'");
            Lease taken = b.tryAcquire("paused", new Recorder()).orElseThrow();

            assertThat(a.confirm(old)).as("a write fenced by the table").isFalse();
            await().atMost(RENEW.multipliedBy(3)).until(() -> !onA.lost.isEmpty());
            assertThat(onA.lost).containsExactly(old);
            assertThat(old.isValid()).isFalse();
            assertThat(a.held("paused")).isEmpty();
            assertThat(b.owner("paused")).map(LeaseOwner::epoch).contains(taken.epoch());
        }
    }

    @Test
    void anOwnerThatCannotReachTheDatabaseStopsWithinTheTimeToLive() throws Exception {
        KitDatabase lonely = new KitDatabase();
        try (Leases a = new Leases(lonely.jdbc, "a", TTL, RENEW)) {
            Recorder onA = new Recorder();
            Lease lease = a.tryAcquire("unreachable", onA).orElseThrow();
            lonely.close(); // PostgreSQL gone: renewals fail from now on
            long downAt = System.nanoTime();

            await().atMost(TTL.plus(RENEW).plusSeconds(1)).until(() -> !onA.lost.isEmpty());
            assertThat(Duration.ofNanos(System.nanoTime() - downAt)).isLessThanOrEqualTo(TTL.plus(RENEW).plusMillis(500));
            assertThat(lease.isValid()).isFalse();
        }
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() {
        try (Leases a = new Leases(db.jdbc, "a", TTL, RENEW); Leases b = new Leases(db.jdbc, "b", TTL, RENEW)) {
            Recorder onA = new Recorder();
            Lease lease = a.tryAcquire("released", onA).orElseThrow();
            a.release(lease);

            assertThat(b.tryAcquire("released", new Recorder())).isPresent();
            assertThat(lease.isValid()).isFalse();
            assertThat(onA.lost).as("a release is not a loss").isEmpty();
        }
    }

    @Test
    void liveLeasesAreCountedByPrefix() {
        try (Leases a = new Leases(db.jdbc, "a", TTL, RENEW); Leases b = new Leases(db.jdbc, "b", TTL, RENEW)) {
            a.tryAcquire("member/a", new Recorder()).orElseThrow();
            b.tryAcquire("member/b", new Recorder()).orElseThrow();
            assertThat(a.countLive("member/")).isEqualTo(2);
            assertThat(a.heldNames("member/")).containsExactly("member/a");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Recorder implements LeaseListener {
        final List<Lease> acquired = new CopyOnWriteArrayList<>();
        final List<Lease> lost = new CopyOnWriteArrayList<>();

        @Override
        public void acquired(Lease lease) {
            acquired.add(lease);
        }

        @Override
        public void lost(Lease lease) {
            lost.add(lease);
        }
    }
}
