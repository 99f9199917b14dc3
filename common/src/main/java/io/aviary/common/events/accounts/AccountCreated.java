package io.aviary.common.events.accounts;

public record AccountCreated(String accountName) implements AccountEvent {
}
