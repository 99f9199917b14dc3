package io.aviary.common.events.accounts;

import io.aviary.common.events.DomainEvent;

/**
 * Events of the accounts vault. None carries secret material: a credential event names the
 * account and connector only; consumers fetch the sealed credential over the internal API.
 */
public sealed interface AccountEvent extends DomainEvent
        permits AccountCreated, AccountDeleted, CredentialAdded, CredentialRemoved {

    String accountName();

    @Override
    default String aggregateKey() {
        return accountName();
    }
}
