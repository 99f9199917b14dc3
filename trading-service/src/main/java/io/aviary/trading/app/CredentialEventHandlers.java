package io.aviary.trading.app;

import io.aviary.common.events.accounts.AccountDeleted;
import io.aviary.common.events.accounts.CredentialAdded;
import io.aviary.common.events.accounts.CredentialRemoved;
import io.aviary.kit.events.EventHandler;
import io.aviary.trading.app.session.SessionSynchronizer;
import io.aviary.trading.domain.SessionKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vault's events that change which sessions run. */
@Configuration
public class CredentialEventHandlers {

    @Bean
    EventHandler<CredentialAdded> credentialAddedHandler(SessionSynchronizer sync) {
        return EventHandler.of(CredentialAdded.class,
                (e, envelope) -> sync.credentialChanged(new SessionKey(e.accountName(), e.connectorName())));
    }

    @Bean
    EventHandler<CredentialRemoved> credentialRemovedHandler(SessionSynchronizer sync) {
        return EventHandler.of(CredentialRemoved.class,
                (e, envelope) -> sync.credentialRemoved(new SessionKey(e.accountName(), e.connectorName())));
    }

    @Bean
    EventHandler<AccountDeleted> accountDeletedHandler(SessionSynchronizer sync) {
        return EventHandler.of(AccountDeleted.class, (e, envelope) -> sync.accountRemoved(e.accountName()));
    }
}
