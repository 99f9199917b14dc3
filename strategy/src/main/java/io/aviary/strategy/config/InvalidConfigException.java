package io.aviary.strategy.config;

/**
 * A controller config was rejected. {@link #key()} names the offending key (dotted for nested keys, e.g.
 * {@code trailing_stop.activation_price}, indexed for list items, e.g. {@code buy_spreads[1]}); the message says
 * what to fix. Messages never echo the rejected value: a config arrives from users and may be arbitrarily large.
 */
public final class InvalidConfigException extends IllegalArgumentException {

    private final String key;
    private final String problem;

    private InvalidConfigException(String key, String problem) {
        super(key == null ? problem : key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** A problem with the key {@code key} (a known key name or an already shortened unknown one). */
    public static InvalidConfigException at(String key, String problem) {
        return new InvalidConfigException(key, problem);
    }

    /** A problem with a value whose key the caller does not know yet; {@link #within} adds it. */
    static InvalidConfigException value(String problem) {
        return new InvalidConfigException(null, problem);
    }

    /** The same problem one level up: {@code within("trailing_stop")} turns key {@code trailing_delta} into
     *  {@code trailing_stop.trailing_delta}. */
    InvalidConfigException within(String parentKey) {
        if (key == null) {
            return new InvalidConfigException(parentKey, problem);
        }
        String joined = key.startsWith("[") ? parentKey + key : parentKey + "." + key;
        return new InvalidConfigException(joined, problem);
    }

    public String key() {
        return key;
    }

    /** What is wrong and how to fix it, without the key. */
    public String problem() {
        return problem;
    }
}
