package io.aviary.common.events.accounts;

/**
 * A credential is gone: deleted on its own ({@link Reason#DELETED}) or with its account
 * ({@link Reason#ACCOUNT_DELETED}). Live sessions on it must stop.
 */
public record CredentialRemoved(String accountName, String connectorName, Reason reason) implements AccountEvent {

    public enum Reason { DELETED, ACCOUNT_DELETED }
}
