package io.aviary.connectors.paper;

/** One virtual account: an Aviary account's balances on one paper connector. */
public record PaperAccount(String accountName, String connectorName) {
}
