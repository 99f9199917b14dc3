package io.aviary.trading.domain;

/** One live authenticated session: an account's credential for one connector. */
public record SessionKey(String accountName, String connectorName) {

    @Override
    public String toString() {
        return accountName + "/" + connectorName;
    }
}
