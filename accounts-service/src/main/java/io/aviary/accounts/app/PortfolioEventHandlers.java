package io.aviary.accounts.app;

import io.aviary.common.events.accounts.AccountDeleted;
import io.aviary.common.events.accounts.CredentialRemoved;
import io.aviary.common.events.trading.BalancesUpdated;
import io.aviary.kit.events.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portfolio's event consumers (run once per event id, inside the inbox transaction):
 * balances from {@code aviary.trading.events}, deletions from this service's own topic.
 */
@Configuration
class PortfolioEventHandlers {

    @Bean
    EventHandler<BalancesUpdated> balancesUpdatedHandler(PortfolioService portfolio) {
        return EventHandler.of(BalancesUpdated.class, (event, envelope) -> portfolio.record(event));
    }

    @Bean
    EventHandler<AccountDeleted> accountDeletedHandler(PortfolioService portfolio) {
        return EventHandler.of(AccountDeleted.class, (event, envelope) -> portfolio.dropAccount(event.accountName()));
    }

    @Bean
    EventHandler<CredentialRemoved> credentialRemovedHandler(PortfolioService portfolio) {
        return EventHandler.of(CredentialRemoved.class,
                (event, envelope) -> portfolio.dropCredential(event.accountName(), event.connectorName()));
    }
}
