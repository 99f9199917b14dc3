package io.aviary.trading.app;

import io.aviary.common.events.EventEnvelope;
import io.aviary.common.events.accounts.AccountDeleted;
import io.aviary.common.events.accounts.CredentialAdded;
import io.aviary.common.events.accounts.CredentialRemoved;
import io.aviary.kit.events.EventHandler;
import io.aviary.trading.domain.SessionKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vault's events that change which sessions run. */
@Configuration
public class CredentialEventHandlers {

    @Bean
    EventHandler<CredentialAdded> credentialAddedHandler(SessionSynchronizer sync) {
        return handler(CredentialAdded.class,
                e -> sync.credentialChanged(new SessionKey(e.accountName(), e.connectorName())));
    }

    @Bean
    EventHandler<CredentialRemoved> credentialRemovedHandler(SessionSynchronizer sync) {
        return handler(CredentialRemoved.class,
                e -> sync.credentialRemoved(new SessionKey(e.accountName(), e.connectorName())));
    }

    @Bean
    EventHandler<AccountDeleted> accountDeletedHandler(SessionSynchronizer sync) {
        return handler(AccountDeleted.class, e -> sync.accountRemoved(e.accountName()));
    }

    private static <T extends io.aviary.common.events.DomainEvent> EventHandler<T> handler(Class<T> type,
            java.util.function.Consumer<T> action) {
        return new EventHandler<>() {
            @Override
            public Class<T> eventClass() {
                return type;
            }

            @Override
            public void handle(T event, EventEnvelope envelope) {
                action.accept(event);
            }
        };
    }
}
