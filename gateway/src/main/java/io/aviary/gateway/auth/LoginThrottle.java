package io.aviary.gateway.auth;

import io.aviary.gateway.GatewayProperties.LoginThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Counts failed logins per client address in a sliding window. Once an address has
 * {@code maxFailures} failures inside the window it is refused (even with correct credentials, so
 * guessing cannot go on by interleaving a known-good login) until its oldest counted failure leaves
 * the window. A successful login clears the address.
 *
 * <p>Memory is bounded: every update is atomic per address ({@link ConcurrentHashMap#compute}) on an
 * immutable {@link Failures} value, addresses without a failure inside the window are dropped when
 * seen, and once {@code maxTrackedAddresses} is reached the stale entries go first, then the
 * addresses whose last failure is oldest.
 */
public class LoginThrottle {

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long {@code address} must still wait, or empty when it may try. */
    public Optional<Duration> blockedFor(String address) {
        Instant now = clock.instant();
        Failures recent = failures.computeIfPresent(address, (a, f) -> f.since(cutoff(now)).orNull());
        if (recent == null || recent.count() < settings.maxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, recent.oldest().plus(settings.window())));
    }

    public void recordFailure(String address) {
        if (!failures.containsKey(address) && failures.size() >= settings.maxTrackedAddresses()) {
            makeRoom();
        }
        Instant now = clock.instant();
        failures.compute(address, (a, f) -> (f == null ? Failures.NONE : f.since(cutoff(now)))
                .plus(now, settings.maxFailures()));
    }

    public void recordSuccess(String address) {
        failures.remove(address);
    }

    /** Number of addresses currently remembered (for tests and metrics). */
    public int trackedAddresses() {
        return failures.size();
    }

    private Instant cutoff(Instant now) {
        return now.minus(settings.window());
    }

    /** Drops stale addresses, then (under a spray of addresses) those that failed longest ago, down to 90 %. */
    private synchronized void makeRoom() {
        Instant cutoff = cutoff(clock.instant());
        failures.replaceAll((a, f) -> f.since(cutoff));
        failures.values().removeIf(f -> f.count() == 0);
        int target = settings.maxTrackedAddresses() * 9 / 10;
        int excess = failures.size() - target;
        if (excess > 0) {
            failures.entrySet().stream()
                    .sorted(Comparator.comparing(e -> e.getValue().newest()))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(failures::remove);
        }
    }

    /** The failure times of one address, oldest first; never longer than the configured maximum. */
    record Failures(List<Instant> times) {

        static final Failures NONE = new Failures(List.of());

        Failures since(Instant cutoff) {
            return times.isEmpty() || times.getFirst().isAfter(cutoff) ? this
                    : new Failures(times.stream().filter(t -> t.isAfter(cutoff)).toList());
        }

        Failures plus(Instant time, int keep) {
            List<Instant> added = Stream.concat(times.stream(), Stream.of(time)).toList();
            return new Failures(added.subList(Math.max(0, added.size() - keep), added.size()));
        }

        Failures orNull() {
            return times.isEmpty() ? null : this;
        }

        int count() {
            return times.size();
        }

        Instant oldest() {
            return times.getFirst();
        }

        Instant newest() {
            return times.isEmpty() ? Instant.MIN : times.getLast();
        }
    }
}
