package io.aviary.trading.app.session;

import io.aviary.common.events.trading.BalancesUpdated;
import io.aviary.common.events.trading.BalancesUpdated.AssetBalance;
import io.aviary.connectors.model.Balance;
import io.aviary.kit.events.EventOutbox;
import io.aviary.trading.domain.SessionKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads a session's balances from the venue and publishes them whole as {@link BalancesUpdated}. */
@Component
public class BalancePoller {

    private final SessionRegistry sessions;
    private final EventOutbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;

    public BalancePoller(SessionRegistry sessions, EventOutbox outbox, TransactionTemplate aviaryTransactionTemplate,
            Clock clock) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.tx = aviaryTransactionTemplate;
        this.clock = clock;
    }

    public void poll(SessionKey key) {
        sessions.find(key).ifPresent(session -> {
            // stamped before the read: a change made before this instant is in what the venue answers
            Instant observedAt = clock.instant();
            List<Balance> balances = session.trading().balances();
            List<AssetBalance> entries = balances.stream()
                    .map(b -> new AssetBalance(b.asset(), b.total(), b.available())).toList();
            tx.executeWithoutResult(status -> outbox.append(
                    new BalancesUpdated(key.accountName(), key.connectorName(), entries, observedAt)));
        });
    }
}
