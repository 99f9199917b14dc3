package io.aviary.common.events.accounts;

public record AccountDeleted(String accountName) implements AccountEvent {
}
