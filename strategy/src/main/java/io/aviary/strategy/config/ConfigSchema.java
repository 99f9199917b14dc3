package io.aviary.strategy.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The ordered keys of one controller's config: reads a raw map, writes one back in Hummingbot's key order. */
final class ConfigSchema {

    /** Keys older Hummingbot versions wrote and v2.13+ rejects, with the fix to suggest. */
    private static final Map<String, String> REMOVED_KEYS = Map.of(
            "candles_config", "was removed in Hummingbot v2.13 (candles now come from candles_connector, "
                    + "candles_trading_pair and interval); remove it");

    private final String controllerName;
    private final List<ConfigKey<?>> keys;

    private ConfigSchema(String controllerName, List<ConfigKey<?>> keys) {
        this.controllerName = controllerName;
        this.keys = List.copyOf(keys);
    }

    static Builder builder(String controllerName) {
        return new Builder(controllerName);
    }

    List<ConfigKey<?>> keys() {
        return keys;
    }

    ConfigValues read(Map<?, ?> input) {
        Objects.requireNonNull(input, "input");
        rejectUnknownKeys(input);
        ConfigValues values = new ConfigValues();
        for (ConfigKey<?> key : keys) {
            readInto(key, input, values);
        }
        requireOwnMarket(values);
        return values;
    }

    /**
     * {@code initial_positions} must be on the controller's own connector and pair: the host keeps one position hold
     * per controller, on its market (the one the rebalance and the PnL read). Hummingbot would also hold a position on
     * another market for the controller, but nothing of the controller reads it; here the user is told instead of
     * the entry being dropped. Checked once every key is read, as {@code initial_positions} comes before the market.
     */
    private static void requireOwnMarket(ConfigValues values) {
        if (!values.has(Keys.INITIAL_POSITIONS_KEY) || !values.has(Keys.CONNECTOR_NAME)
                || !values.has(Keys.TRADING_PAIR)) {
            return;
        }
        List<InitialPosition> positions = values.get(Keys.INITIAL_POSITIONS_KEY);
        for (int i = 0; i < positions.size(); i++) {
            InitialPosition p = positions.get(i);
            if (!p.connectorName().equals(values.get(Keys.CONNECTOR_NAME))) {
                throw InvalidConfigException.at(Keys.INITIAL_POSITIONS_KEY.name() + "[" + i + "].connector_name",
                        "must be the controller's connector_name: a controller holds positions on its own market only");
            }
            if (!p.tradingPair().equals(values.get(Keys.TRADING_PAIR))) {
                throw InvalidConfigException.at(Keys.INITIAL_POSITIONS_KEY.name() + "[" + i + "].trading_pair",
                        "must be the controller's trading_pair: a controller holds positions on its own market only");
            }
        }
    }

    Map<String, Object> write(ConfigValues values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ConfigKey<?> key : keys) {
            out.put(key.name(), key.write(values));
        }
        return Collections.unmodifiableMap(out);
    }

    List<TemplateField> template() {
        return keys.stream()
                .map(key -> new TemplateField(key.name(), key.pythonType(), key.rawDefault(), key.required()))
                .toList();
    }

    private static <T> void readInto(ConfigKey<T> key, Map<?, ?> input, ConfigValues values) {
        Object raw;
        if (input.containsKey(key.name())) {
            raw = input.get(key.name());
        } else if (key.required()) {
            throw InvalidConfigException.at(key.name(), "is required");
        } else {
            raw = key.rawDefault();
        }
        values.put(key, key.read(raw, values));
    }

    private void rejectUnknownKeys(Map<?, ?> input) {
        List<Object> unknown = new ArrayList<>();
        for (Object key : input.keySet()) {
            if (!(key instanceof String name) || keys.stream().noneMatch(k -> k.name().equals(name))) {
                unknown.add(key);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Object first = unknown.getFirst();
        String more = unknown.size() > 1 ? " (and " + (unknown.size() - 1) + " more unknown keys)" : "";
        String fix = first instanceof String name && REMOVED_KEYS.containsKey(name)
                ? REMOVED_KEYS.get(name)
                : "unknown key for controller " + controllerName + "; remove it or fix its spelling "
                        + "(the config template lists every key)";
        throw InvalidConfigException.at(KeyNames.shown(first), fix + more);
    }

    static final class Builder {
        private final String controllerName;
        private final List<ConfigKey<?>> keys = new ArrayList<>();

        private Builder(String controllerName) {
            this.controllerName = controllerName;
        }

        Builder add(ConfigKey<?>... more) {
            for (ConfigKey<?> key : more) {
                if (keys.stream().anyMatch(k -> k.name().equals(key.name()))) {
                    throw new IllegalStateException("duplicate key " + key.name());
                }
                keys.add(key);
            }
            return this;
        }

        Builder add(List<ConfigKey<?>> more) {
            return add(more.toArray(ConfigKey<?>[]::new));
        }

        /** Replaces the key of the same name in place, as a pydantic subclass overriding a field does. */
        Builder override(ConfigKey<?> replacement) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).name().equals(replacement.name())) {
                    keys.set(i, replacement);
                    return this;
                }
            }
            throw new IllegalStateException("no key " + replacement.name() + " to override");
        }

        ConfigSchema build() {
            return new ConfigSchema(controllerName, keys);
        }
    }
}
