package io.aviary.accounts.domain.portfolio;

import io.aviary.accounts.domain.CredentialRef;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Where the sessions that move balances say when they last did (trading-service). */
public interface BalanceChangeSource {

    /**
     * When each session of these accounts (all when empty) last changed its balances. Bounded in time; empty
     * when the source cannot be asked (the portfolio then serves what it holds). Never throws.
     */
    Map<CredentialRef, Instant> lastChanges(Set<String> accounts);
}
