package io.aviary.devstack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The restart budget of one supervised process under a {@link RestartPolicy}: each unexpected exit either gets a
 * restart after a growing delay or, when the process has used up its restarts within the window, a verdict of
 * restart loop. Restarts older than the window no longer count, so a process that crashes now and then is always
 * restarted, quickly again. Time is passed in ({@link System#nanoTime()} values), so the policy is testable.
 */
final class RestartLimiter {

    /** What to do about an unexpected exit. */
    sealed interface Decision {

        /** Restart after {@code delay}; this is restart number {@code restart} within the window. */
        record Restart(Duration delay, int restart) implements Decision {
        }

        /** A restart loop: {@code restarts} restarts within the window already; leave it stopped. */
        record GiveUp(int restarts) implements Decision {
        }
    }

    private final RestartPolicy policy;
    private final Deque<Long> restarts = new ArrayDeque<>();

    RestartLimiter(RestartPolicy policy) {
        this.policy = policy;
    }

    /** Called once per unexpected exit, at {@code nowNanos}. */
    Decision onUnexpectedExit(long nowNanos) {
        long windowNanos = policy.window().toNanos();
        while (!restarts.isEmpty() && nowNanos - restarts.peekFirst() >= windowNanos) {
            restarts.removeFirst();
        }
        if (restarts.size() >= policy.maxRestarts()) {
            return new Decision.GiveUp(restarts.size());
        }
        Duration delay = policy.delayAfter(restarts.size());
        restarts.addLast(nowNanos);
        return new Decision.Restart(delay, restarts.size());
    }
}
