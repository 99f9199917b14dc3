package io.aviary.gateway.auth;

import io.aviary.gateway.GatewayProperties.LoginThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address in a sliding window. Once an address reaches the limit
 * it is blocked (even with correct credentials, so guessing cannot continue by interleaving) until
 * its oldest counted failure leaves the window. Memory is bounded: when too many addresses are
 * tracked, those with no failure inside the window are dropped first, then the map is cleared.
 */
public class LoginThrottle {

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long {@code address} must wait, or empty when it may try. */
    public Optional<Duration> blockedFor(String address) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            Instant now = clock.instant();
            prune(recent, now);
            if (recent.size() < settings.maxFailures()) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, recent.peekFirst().plus(settings.window())));
        }
    }

    public void recordFailure(String address) {
        if (failures.size() >= settings.maxTrackedAddresses()) {
            evictStale();
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            while (recent.size() > settings.maxFailures()) {
                recent.removeFirst();
            }
        }
    }

    public void recordSuccess(String address) {
        failures.remove(address);
    }

    private void prune(Deque<Instant> recent, Instant now) {
        Instant cutoff = now.minus(settings.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.removeFirst();
        }
    }

    private void evictStale() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                prune(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
        if (failures.size() >= settings.maxTrackedAddresses()) {
            // Under a spray from many addresses, forgetting is safer than running out of memory.
            failures.clear();
        }
    }
}
