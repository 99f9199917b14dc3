package io.aviary.accounts.domain;

/** Names one stored credential: which account holds it for which connector. Never carries values. */
public record CredentialRef(String accountName, String connectorName) {
}
