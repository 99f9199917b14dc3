package io.aviary.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.gateway.GatewayProperties.LoginThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleSettings(3, Duration.ofSeconds(60), 100), clock);

    @Test
    void blocksAfterTheBurstUntilTheOldestFailureLeavesTheWindow() {
        throttle.recordFailure("10.0.0.1");
        now = now.plusSeconds(10);
        throttle.recordFailure("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
        throttle.recordFailure("10.0.0.1");
        assertThat(throttle.blockedFor("10.0.0.1")).contains(Duration.ofSeconds(50));
        assertThat(throttle.blockedFor("10.0.0.2")).as("other addresses unaffected").isEmpty();
        now = now.plusSeconds(50);
        assertThat(throttle.blockedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessBeforeTheLimitResetsTheCount() {
        throttle.recordFailure("a");
        throttle.recordFailure("a");
        throttle.recordSuccess("a");
        throttle.recordFailure("a");
        assertThat(throttle.blockedFor("a")).isEmpty();
    }

    @Test
    void memoryStaysBoundedUnderASprayOfAddresses() {
        for (int i = 0; i < 1_000; i++) {
            throttle.recordFailure("198.51.100." + i);
            now = now.plusMillis(1);
        }
        assertThat(throttle.trackedAddresses()).isLessThanOrEqualTo(100);
    }

    @Test
    void underPressureTheAddressesThatFailedLongestAgoGoFirst() {
        throttle.recordFailure("attacker");
        throttle.recordFailure("attacker");
        for (int i = 0; i < 200; i++) {
            now = now.plusMillis(10);
            throttle.recordFailure("spray-" + i);
        }
        throttle.recordFailure("attacker");
        assertThat(throttle.blockedFor("attacker")).as("evicted first, so its count started over").isEmpty();
        assertThat(throttle.trackedAddresses()).isLessThanOrEqualTo(100);
        throttle.recordFailure("attacker");
        throttle.recordFailure("attacker");
        assertThat(throttle.blockedFor("attacker")).isPresent();
    }

    @Test
    void staleAddressesAreForgottenWhenLookedAt() {
        throttle.recordFailure("old");
        now = now.plusSeconds(61);
        assertThat(throttle.blockedFor("old")).isEmpty();
        assertThat(throttle.trackedAddresses()).isZero();
    }
}
