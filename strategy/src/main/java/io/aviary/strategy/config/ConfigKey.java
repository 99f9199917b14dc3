package io.aviary.strategy.config;

import java.util.function.Function;

/**
 * One key of a controller config, as Hummingbot's pydantic field declares it.
 *
 * @param name        the YAML key
 * @param pythonType  the field's annotation as Hummingbot's template endpoint prints it
 * @param required    whether the key must be given (only {@code id})
 * @param rawDefault  the default in written form; an absent key reads as this value, so defaults go through the
 *                    same reader as input (Hummingbot skips its validators on defaults and keeps e.g. the string
 *                    {@code "0.01,0.02"}; Aviary writes complete configs instead, as the reference advises)
 * @param reader      raw value to typed value, with validation
 * @param writer      typed value to the form Hummingbot's YAML dump holds (Decimals as strings, enums as ints)
 */
record ConfigKey<T>(
        String name,
        String pythonType,
        boolean required,
        Object rawDefault,
        ValueReader<T> reader,
        Function<? super T, Object> writer) {

    static <T> ConfigKey<T> of(String name, String pythonType, Object rawDefault, ValueReader<T> reader,
                               Function<? super T, Object> writer) {
        return new ConfigKey<>(name, pythonType, false, rawDefault, reader, writer);
    }

    /** This key with another default (a subclass overriding a field keeps the field's place). */
    ConfigKey<T> withDefault(Object newRawDefault) {
        return new ConfigKey<>(name, pythonType, required, newRawDefault, reader, writer);
    }

    ConfigKey<T> asRequired() {
        return new ConfigKey<>(name, pythonType, true, null, reader, writer);
    }

    T read(Object raw, ConfigValues earlier) {
        try {
            return reader.read(raw, earlier);
        } catch (InvalidConfigException e) {
            throw e.within(name);
        }
    }

    Object write(ConfigValues values) {
        T value = values.get(this);
        return value == null ? null : writer.apply(value);
    }
}
