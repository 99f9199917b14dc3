package io.aviary.trading.app.session;

import io.aviary.trading.domain.SessionKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * When each session last did something that may have changed its balances (an order placed or cancelled, a
 * fill). A {@code BalancesUpdated} observed at or after that instant includes the change, so a service that
 * serves balances (the portfolio) can tell whether what it holds is already that new — the causal token of
 * read-your-writes between trading and the portfolio. In memory on purpose: after a restart nothing is pending
 * here, and the session's first balance read is published as soon as it opens.
 */
@Component
public class BalanceChanges {

    private final Map<SessionKey, Instant> lastChange = new ConcurrentHashMap<>();
    private final Clock clock;

    public BalanceChanges(Clock clock) {
        this.clock = clock;
    }

    void changed(SessionKey key) {
        lastChange.put(key, clock.instant());
    }

    void forget(SessionKey key) {
        lastChange.remove(key);
    }

    /** The last change of every session of these accounts (all sessions when {@code accounts} is empty). */
    public Map<SessionKey, Instant> of(Collection<String> accounts) {
        return lastChange.entrySet().stream()
                .filter(e -> accounts.isEmpty() || accounts.contains(e.getKey().accountName()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
