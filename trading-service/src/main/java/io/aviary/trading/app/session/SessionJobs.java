package io.aviary.trading.app.session;

import io.aviary.trading.domain.SessionKey;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The background work of every session: reconciliation every {@code reconcile-interval} and when a
 * stream breaks; balances every {@code ACCOUNT_UPDATE_INTERVAL} minutes and shortly after fills
 * (coalesced, so a burst of fills costs one balance call).
 */
@Component
public class SessionJobs implements AutoCloseable {

    static final Duration AFTER_FILL_DELAY = Duration.ofMillis(300);

    private final SessionRegistry sessions;
    private final BalanceChanges balanceChanges;
    private final SessionWork reconciling;
    private final SessionWork balancePolling;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("session-jobs").daemon().factory());

    public SessionJobs(SessionRegistry sessions, BalanceChanges balanceChanges, Reconciler reconciler, BalancePoller balances,
            @Value("${aviary.trading.reconcile-interval:30s}") Duration reconcileInterval,
            @Value("${ACCOUNT_UPDATE_INTERVAL:5}") long balanceIntervalMinutes) {
        this.sessions = sessions;
        this.balanceChanges = balanceChanges;
        this.balancePolling = new SessionWork("balance-poll", balances::poll);
        this.reconciling = new SessionWork("reconcile", key -> {
            if (sessions.find(key).map(reconciler::reconcile).orElse(false)) {
                balancesChanged(key);
            }
        });
        ticker.scheduleWithFixedDelay(() -> sessions.keys().forEach(k -> reconciling.requestSoon(k, Duration.ZERO)),
                reconcileInterval.toMillis(), reconcileInterval.toMillis(), TimeUnit.MILLISECONDS);
        long balanceMillis = Duration.ofMinutes(Math.max(1, balanceIntervalMinutes)).toMillis();
        ticker.scheduleWithFixedDelay(() -> sessions.keys().forEach(k -> balancePolling.requestSoon(k, Duration.ZERO)),
                balanceMillis, balanceMillis, TimeUnit.MILLISECONDS);
    }

    public void reconcileSoon(SessionKey key) {
        reconciling.requestSoon(key, Duration.ZERO);
    }

    /** Something changed the session's balances (an order placed or cancelled, a fill): publish them soon. */
    public void balancesChanged(SessionKey key) {
        balanceChanges.changed(key);
        balancePolling.requestSoon(key, AFTER_FILL_DELAY);
    }

    /** A session was just opened: learn what happened on the venue meanwhile and publish its balances. */
    public void sessionOpened(SessionKey key) {
        reconcileSoon(key);
        balancePolling.requestSoon(key, Duration.ZERO);
    }


    @Override
    public void close() {
        ticker.shutdownNow();
        reconciling.close();
        balancePolling.close();
    }
}
