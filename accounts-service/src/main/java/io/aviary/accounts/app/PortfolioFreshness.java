package io.aviary.accounts.app;

import io.aviary.accounts.domain.CredentialRef;
import io.aviary.accounts.domain.portfolio.BalanceChangeSource;
import io.aviary.accounts.domain.portfolio.PortfolioFilter;
import io.aviary.accounts.infra.PortfolioRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for the portfolio: an order placed or a fill recorded by trading-service changes balances
 * that reach the portfolio as a {@code BalancesUpdated} event a few hundred milliseconds later. Before a state
 * read, ask trading-service when each covered session last changed its balances, and wait (bounded) until the
 * stored state was observed at or after that instant. A client that traded and then reads its portfolio sees
 * its trade; one that did not trade pays one small internal call.
 */
@Component
public class PortfolioFreshness {

    private static final Logger log = LoggerFactory.getLogger(PortfolioFreshness.class);
    private static final Duration POLL = Duration.ofMillis(25);

    private final BalanceChangeSource changes;
    private final PortfolioRepository portfolio;
    private final Duration maxWait;

    public PortfolioFreshness(BalanceChangeSource changes, PortfolioRepository portfolio,
            @Value("${aviary.portfolio.freshness-wait:3s}") Duration maxWait) {
        this.changes = changes;
        this.portfolio = portfolio;
        this.maxWait = maxWait;
    }

    /** Returns once the state covered by {@code filter} includes every balance change made before this call, or after the bound. */
    public void awaitCurrent(PortfolioFilter filter) {
        Map<CredentialRef, Instant> pending = changes.lastChanges(filter.accounts());
        pending = pending.entrySet().stream().filter(e -> filter.covers(e.getKey().accountName(), e.getKey().connectorName()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().truncatedTo(ChronoUnit.MICROS)));
        if (pending.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!caughtUp(filter, pending)) {
            if (System.nanoTime() > deadline) {
                log.debug("Portfolio of {} not yet observed after its last balance change within {}; serving what is stored",
                        pending.keySet(), maxWait);
                return;
            }
            sleep();
        }
    }

    private boolean caughtUp(PortfolioFilter filter, Map<CredentialRef, Instant> pending) {
        Map<CredentialRef, Instant> observed = portfolio.stateObservedAt(filter);
        return pending.entrySet().stream().allMatch(e -> {
            Instant seen = observed.get(e.getKey());
            return seen != null && !seen.isBefore(e.getValue());
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
