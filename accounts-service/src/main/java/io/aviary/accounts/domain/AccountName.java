package io.aviary.accounts.domain;

import java.util.regex.Pattern;

/** A validated account name: what may become a database key, a path segment and a Kafka key. */
public record AccountName(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    // Declared after VALID: static initialisers run in order and the constructor needs the pattern.
    public static final AccountName MASTER = new AccountName("master_account");

    public AccountName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidAccountNameException(value);
        }
    }

    public boolean isMaster() {
        return equals(MASTER);
    }

    @Override
    public String toString() {
        return value;
    }

    public static final class InvalidAccountNameException extends IllegalArgumentException {
        InvalidAccountNameException(String value) {
            super("Invalid account name '" + shown(value) + "': use 1 to 64 letters, digits, '_' or '-'");
        }

        /** At most 64 characters of the name (a message never echoes unbounded input). */
        private static String shown(String value) {
            if (value == null) {
                return "";
            }
            return value.length() <= 64 ? value : value.substring(0, 64) + "…";
        }
    }
}
