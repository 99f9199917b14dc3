package io.aviary.simexchange.app;

/** The authenticated caller of a private request. */
public record Principal(String apiKey, long accountId) {
}
