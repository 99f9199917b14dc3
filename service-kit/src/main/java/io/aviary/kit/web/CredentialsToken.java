package io.aviary.kit.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The secret that unlocks the credential API ({@code /internal/credentials/**} of accounts-service), separate from the
 * internal token: the gateway and every service hold that one, while only the owner of the credentials
 * (accounts-service) and their consumers (trading-service, orchestration-service) hold this. A leaked gateway token
 * therefore does not open stored exchange secrets. The value is never logged; {@link #toString()} hides it.
 */
public final class CredentialsToken {

    /** The environment variable both services read; the launcher generates it and hands it to those two only. */
    public static final String ENV = "AVIARY_CREDENTIALS_TOKEN";
    /** The request header that carries it, next to the internal token. */
    public static final String HEADER = "X-Aviary-Credentials-Token";

    private final String value;

    private CredentialsToken(String value) {
        this.value = value;
    }

    /**
     * @param value   the configured value (may be null or blank: then the service must not start)
     * @param service who needs it and why, for the start-up message
     * @throws IllegalStateException naming the variable, never a value
     */
    public static CredentialsToken require(String value, String service) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(ENV + " is not set: " + service
                    + " needs it for the credential API (/internal/credentials). The launcher generates it; a service"
                    + " started on its own must be given the same value as accounts-service and trading-service.");
        }
        return new CredentialsToken(value.strip());
    }

    /** The value to send in {@link #HEADER}. */
    public String value() {
        return value;
    }

    /** Constant-time comparison, so the answer time tells nothing about how much of a guess was right. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "CredentialsToken[hidden]";
    }
}
