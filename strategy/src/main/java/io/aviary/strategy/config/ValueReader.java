package io.aviary.strategy.config;

import java.util.function.Predicate;

/**
 * Turns one raw config value (as a YAML or JSON parser produced it: String, Number, Boolean, List, Map or null)
 * into its typed form. {@code earlier} holds the keys read before this one, for values Hummingbot derives from them
 * (amounts from spreads, candle source from connector). Problems are thrown as
 * {@link InvalidConfigException#value(String)}; the schema adds the key name.
 */
@FunctionalInterface
interface ValueReader<T> {

    T read(Object raw, ConfigValues earlier);

    /** This reader followed by a check of non-null results. */
    default ValueReader<T> require(Predicate<? super T> ok, String problem) {
        return (raw, earlier) -> {
            T value = read(raw, earlier);
            if (value != null && !ok.test(value)) {
                throw InvalidConfigException.value(problem);
            }
            return value;
        };
    }

    /** This reader, but {@code null} and {@code ""} read as absent ({@code null}): Hummingbot's Optional keys. */
    default ValueReader<T> optional() {
        return (raw, earlier) -> raw == null || "".equals(raw) ? null : read(raw, earlier);
    }
}
