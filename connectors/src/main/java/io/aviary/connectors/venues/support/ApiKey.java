package io.aviary.connectors.venues.support;

/**
 * The credentials of one venue session: key, secret and, for venues that ask for one, a passphrase
 * (null otherwise). {@link #toString} names no value, so a logged key object leaks nothing.
 */
public record ApiKey(String key, String secret, String passphrase) {

    public ApiKey(String key, String secret) {
        this(key, secret, null);
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
