package io.aviary.strategy.config;

import java.util.HashMap;
import java.util.Map;

/** Typed values of one config, by key; filled in schema order while reading, or from a record while writing. */
final class ConfigValues {

    private final Map<String, Object> values = new HashMap<>();

    <T> ConfigValues put(ConfigKey<T> key, T value) {
        values.put(key.name(), value);
        return this;
    }

    @SuppressWarnings("unchecked")
    <T> T get(ConfigKey<T> key) {
        if (!values.containsKey(key.name())) {
            throw new IllegalStateException("key " + key.name() + " not read yet: check the schema order");
        }
        return (T) values.get(key.name());
    }

    boolean has(ConfigKey<?> key) {
        return values.containsKey(key.name());
    }
}
