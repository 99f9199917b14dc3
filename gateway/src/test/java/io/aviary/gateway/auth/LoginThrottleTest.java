package io.aviary.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.gateway.GatewayProperties.LoginThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle on a clock the test moves: no sleeps. Settings are the shipped defaults unless named. */
class LoginThrottleTest {

    private static final Duration CAP = Duration.ofSeconds(5);

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

    private LoginThrottle throttle(int globalFailures, int maxTrackedAddresses) {
        return new LoginThrottle(new LoginThrottleSettings(5, Duration.ofSeconds(1), CAP, Duration.ofMinutes(15),
                globalFailures, Duration.ofMinutes(1), maxTrackedAddresses), clock);
    }

    private final LoginThrottle throttle = throttle(100, 10_000);

    /** Fails one login from {@code address} the way BasicAuthFilter lets it: after any wait. */
    private void failAfterWaiting(LoginThrottle target, String address) {
        target.blockedFor(address).ifPresent(wait -> now = now.plus(wait));
        target.recordFailure(address);
    }

    @Test
    void theDelayStartsAfterTheFreeFailuresDoublesAndIsCapped() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("192.0.2.1");
            assertThat(throttle.blockedFor("192.0.2.1")).as("free failure %d", i + 1).isEmpty();
        }
        for (long expectedSeconds : new long[] {1, 2, 4, 5, 5}) {
            failAfterWaiting(throttle, "192.0.2.1");
            assertThat(throttle.blockedFor("192.0.2.1")).contains(Duration.ofSeconds(expectedSeconds));
        }
        assertThat(throttle.blockedFor("192.0.2.2")).as("other addresses unaffected").isEmpty();
    }

    @Test
    void afterFiftyWrongPasswordsTheRightOneIsAcceptedWithinTheCap() {
        for (int i = 0; i < 50; i++) {
            failAfterWaiting(throttle, "203.0.113.7");
        }
        Duration wait = throttle.blockedFor("203.0.113.7").orElseThrow();
        assertThat(wait).isLessThanOrEqualTo(CAP);
        now = now.plus(wait);
        assertThat(throttle.blockedFor("203.0.113.7")).as("the operator may try again").isEmpty();
        throttle.recordSuccess("203.0.113.7");
        throttle.recordFailure("203.0.113.7");
        assertThat(throttle.blockedFor("203.0.113.7")).as("success cleared the key: a typo is free again").isEmpty();
    }

    @Test
    void aBurstOfConcurrentFailuresStillWaitsNoLongerThanTheCap() {
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure("203.0.113.8");
        }
        assertThat(throttle.blockedFor("203.0.113.8")).contains(CAP);
    }

    @Test
    void ipv6AddressesShareTheKeyOfTheirSlash64() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(throttle.blockedFor("2001:db8:1:2:ffff:ffff:ffff:ffff")).as("same /64").contains(Duration.ofSeconds(1));
        assertThat(throttle.blockedFor("[2001:DB8:1:2::abcd]")).as("same /64, bracketed, upper case").isPresent();
        assertThat(throttle.blockedFor("2001:db8:1:3::1")).as("next /64").isEmpty();
        assertThat(throttle.trackedAddresses()).isEqualTo(1);
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure(i % 2 == 0 ? "::ffff:198.51.100.4" : "198.51.100.4");
        }
        assertThat(throttle.blockedFor("198.51.100.4")).isPresent();
        assertThat(throttle.blockedFor("198.51.100.5")).isEmpty();
    }

    @Test
    void theGlobalBudgetMakesEveryFailureWaitDuringADistributedAttack() {
        LoginThrottle small = throttle(20, 10_000);
        for (int i = 0; i < 20; i++) {
            small.recordFailure("198.51.100." + i);
            assertThat(small.blockedFor("198.51.100." + i)).as("within budget: a first failure is free").isEmpty();
        }
        small.recordFailure("192.0.2.50");
        assertThat(small.blockedFor("192.0.2.50")).as("budget spent: the first failure waits the cap").contains(CAP);
        now = now.plus(CAP);
        assertThat(small.blockedFor("192.0.2.50")).as("but never longer").isEmpty();

        now = now.plus(Duration.ofMinutes(1));
        small.recordFailure("192.0.2.51");
        assertThat(small.blockedFor("192.0.2.51")).as("refilled after its period").isEmpty();
    }

    @Test
    void memoryStaysBoundedUnderASprayOfAddresses() {
        LoginThrottle bounded = throttle(100, 100);
        for (int i = 0; i < 1_000; i++) {
            bounded.recordFailure("10.0." + (i / 256) + "." + (i % 256));
            now = now.plusMillis(1);
        }
        for (int i = 0; i < 1_000; i++) {
            bounded.recordFailure("2001:db8:" + Integer.toHexString(i) + "::1");
        }
        assertThat(bounded.trackedAddresses()).isLessThanOrEqualTo(100);
    }

    @Test
    void aKeyWithoutFailuresForALongTimeStartsOver() {
        for (int i = 0; i < 6; i++) {
            failAfterWaiting(throttle, "old");
        }
        now = now.plus(Duration.ofMinutes(16));
        assertThat(throttle.blockedFor("old")).isEmpty();
        assertThat(throttle.trackedAddresses()).isZero();
    }

    @Test
    void nonAddressKeysAreCappedInLength() {
        assertThat(AddressKey.of("x".repeat(10_000))).hasSize(AddressKey.MAX_OTHER_KEY_LENGTH);
        assertThat(AddressKey.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(AddressKey.of("not:an:address:zz")).isEqualTo("not:an:address:zz");
    }
}
