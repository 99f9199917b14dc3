package io.aviary.gateway.auth;

import io.aviary.gateway.GatewayProperties.LoginThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A progressive delay per client address plus a global failure budget, so guessing is slow while
 * nobody can lock the operator out for longer than {@code maxDelay}.
 *
 * <p>Per address key ({@link AddressKey}: IPv4 exact, IPv6 by /64): the first {@code freeFailures}
 * consecutive failures cost nothing; each further one makes the key wait {@code firstDelay},
 * doubling, capped at {@code maxDelay}. While it waits every request from it is refused (429) without
 * looking at the credentials, so waiting is the only way to the next guess; after the wait any
 * attempt is checked, and a correct one clears the key. A key with no failure for {@code forgetAfter}
 * starts over.
 *
 * <p>Globally: every failure takes one token from a {@link FailureBudget}. While it is spent (a
 * distributed attack, or a spray of fresh addresses), any failure from any address makes that key
 * wait {@code maxDelay} at once: no free failures, so neither new addresses nor evicted keys start
 * cheap. A correct password is never refused for longer than {@code maxDelay} either way.
 *
 * <p>Memory is bounded: updates are atomic per key ({@link ConcurrentHashMap#compute}) on an
 * immutable {@link Strikes} value, and once {@code maxTrackedAddresses} is reached the forgotten and
 * no-longer-waiting keys go first, then those whose last failure is oldest.
 */
public class LoginThrottle {

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final FailureBudget budget;
    private final Map<String, Strikes> strikes = new ConcurrentHashMap<>();

    public LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.budget = new FailureBudget(settings.globalFailures(), settings.globalPeriod(), clock.instant());
    }

    /** How long the key of {@code address} must still wait, or empty when it may try. */
    public Optional<Duration> blockedFor(String address) {
        if (strikes.isEmpty()) {
            return Optional.empty(); // the usual case: no address failed lately, so no key to work out per request
        }
        Instant now = clock.instant();
        Strikes current = strikes.computeIfPresent(AddressKey.of(address), (k, s) -> s.forgotten(now, settings) ? null : s);
        return current == null || !current.waitsAt(now) ? Optional.empty()
                : Optional.of(Duration.between(now, current.until()));
    }

    public void recordFailure(String address) {
        String key = AddressKey.of(address);
        if (!strikes.containsKey(key) && strikes.size() >= settings.maxTrackedAddresses()) {
            makeRoom();
        }
        Instant now = clock.instant();
        boolean overBudget = !budget.take(now);
        strikes.compute(key, (k, s) -> (s == null || s.forgotten(now, settings) ? Strikes.NONE : s)
                .plusFailure(now, overBudget, settings));
    }

    public void recordSuccess(String address) {
        if (!strikes.isEmpty()) {
            strikes.remove(AddressKey.of(address));
        }
    }

    /** Number of address keys currently remembered (for tests and metrics). */
    public int trackedAddresses() {
        return strikes.size();
    }

    /** Drops forgotten keys, then (under a spray of addresses) those that failed longest ago, down to 90 %. */
    private synchronized void makeRoom() {
        Instant now = clock.instant();
        strikes.values().removeIf(s -> s.forgotten(now, settings));
        int excess = strikes.size() - settings.maxTrackedAddresses() * 9 / 10;
        if (excess > 0) {
            strikes.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Strikes> e) -> e.getValue().waitsAt(now))
                            .thenComparing(e -> e.getValue().last()))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(strikes::remove);
        }
    }

    /** Consecutive failures of one key, when the last one was, and until when the key must wait. */
    record Strikes(int failures, Instant last, Instant until) {

        static final Strikes NONE = new Strikes(0, Instant.MIN, Instant.MIN);

        Strikes plusFailure(Instant now, boolean overBudget, LoginThrottleSettings settings) {
            int count = failures == Integer.MAX_VALUE ? failures : failures + 1;
            Instant waitEnds = now.plus(delayAfter(count, overBudget, settings));
            // A failure that raced past a wait (concurrent requests) never shortens it.
            return new Strikes(count, now, waitEnds.isAfter(until) ? waitEnds : until);
        }

        boolean waitsAt(Instant now) {
            return until.isAfter(now);
        }

        boolean forgotten(Instant now, LoginThrottleSettings settings) {
            return !waitsAt(now) && !last.plus(settings.forgetAfter()).isAfter(now);
        }

        static Duration delayAfter(int failures, boolean overBudget, LoginThrottleSettings settings) {
            if (overBudget) {
                return settings.maxDelay();
            }
            int beyondFree = failures - settings.freeFailures();
            if (beyondFree <= 0) {
                return Duration.ZERO;
            }
            // firstDelay · 2^(beyondFree-1), without overflowing: past 30 doublings it is the cap anyway.
            Duration delay = beyondFree > 31 ? settings.maxDelay() : settings.firstDelay().multipliedBy(1L << (beyondFree - 1));
            return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
        }
    }
}
