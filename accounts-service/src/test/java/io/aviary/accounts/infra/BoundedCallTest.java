package io.aviary.accounts.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class BoundedCallTest {

    @Test
    void aCallThatHangsIsAbandonedAtTheBoundAndInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        try (BoundedCall bounded = new BoundedCall(Duration.ofMillis(200))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> bounded.call(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return "late";
            })).isInstanceOf(TimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void answersAndFailuresInTimeAreHandedThrough() throws Exception {
        try (BoundedCall bounded = new BoundedCall(Duration.ofSeconds(5))) {
            assertThat(bounded.call(() -> 42)).isEqualTo(42);
            assertThatThrownBy(() -> bounded.call(() -> {
                throw new IllegalStateException("venue down");
            })).isInstanceOf(ExecutionException.class).hasRootCauseMessage("venue down");
        }
    }
}
