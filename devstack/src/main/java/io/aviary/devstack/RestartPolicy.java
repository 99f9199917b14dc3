package io.aviary.devstack;

import java.time.Duration;

/**
 * How the suite restarts a process it started that died unexpectedly: after a delay that starts at
 * {@code firstDelay} and doubles with each restart inside {@code window} (at most {@code maxDelay}), and not at all
 * once it was restarted {@code maxRestarts} times within {@code window}: that is a restart loop, which restarting
 * only hides.
 *
 * @param maxRestarts restarts allowed within {@code window}; 0 turns supervision off
 */
public record RestartPolicy(int maxRestarts, Duration window, Duration firstDelay, Duration maxDelay) {

    /** No supervision: what dies stays dead (the system tests' shared suite, which kills services on purpose). */
    public static final RestartPolicy OFF = new RestartPolicy(0, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30));

    /** The launcher's default: 5 restarts within 5 minutes, after 1, 2, 4, 8, 16 s. */
    public static final RestartPolicy DEFAULT = of(5, Duration.ofMinutes(5));

    public RestartPolicy {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("the restart limit must be 0 (off) or more, not " + maxRestarts);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the restart window must be positive, not " + window.toSeconds() + " s");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("restart delays must satisfy 0 <= first <= max");
        }
    }

    /** {@code maxRestarts} within {@code window}, with the default backoff (1 s doubling up to 30 s). */
    public static RestartPolicy of(int maxRestarts, Duration window) {
        return new RestartPolicy(maxRestarts, window, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public boolean enabled() {
        return maxRestarts > 0;
    }

    /** The delay before the restart that follows {@code earlierRestarts} restarts within the window. */
    Duration delayAfter(int earlierRestarts) {
        Duration delay = firstDelay;
        for (int i = 0; i < earlierRestarts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** For the console: "5 restarts within 5 min". */
    String describe() {
        long seconds = window.toSeconds();
        String span = seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
        return maxRestarts + " restart" + (maxRestarts == 1 ? "" : "s") + " within " + span;
    }
}
