package io.aviary.strategy.script;

import io.aviary.strategy.config.InvalidConfigException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The config of {@code v2_with_controllers} (Hummingbot's {@code StrategyV2ConfigBase} plus the script's drawdown
 * limits, hummingbot-internals §3.1), read from the map a YAML or JSON parser produced.
 *
 * @param scriptFileName             always {@value #SCRIPT_FILE_NAME}
 * @param controllersConfig          controller config names, each with its {@code .yml} as Hummingbot writes them
 * @param candlesConfig              legacy candle feeds of the script itself (objects, kept as given)
 * @param markets                    connector → trading pairs the script itself trades (usually empty)
 * @param maxGlobalDrawdownQuote     stop the whole bot when the summed PnL falls this far below its peak (quote)
 * @param maxControllerDrawdownQuote stop one controller when its PnL falls this far below its peak (quote)
 */
public record V2WithControllersConfig(String scriptFileName, List<String> controllersConfig,
                                      List<Map<String, Object>> candlesConfig, Map<String, List<String>> markets,
                                      BigDecimal maxGlobalDrawdownQuote, BigDecimal maxControllerDrawdownQuote) {

    public static final String NAME = "v2_with_controllers";
    public static final String SCRIPT_FILE_NAME = NAME + ".py";

    static final int MAX_ITEMS = 100;
    static final int MAX_TEXT = 200;
    /** A controller config name as orchestration stores it: no path characters. */
    private static final Pattern CONFIG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private static final String KEY_SCRIPT = "script_file_name";
    private static final String KEY_CONTROLLERS = "controllers_config";
    private static final String KEY_CANDLES = "candles_config";
    private static final String KEY_MARKETS = "markets";
    private static final String KEY_GLOBAL = "max_global_drawdown_quote";
    private static final String KEY_CONTROLLER = "max_controller_drawdown_quote";
    /** ca19b95's deploy-v2-controllers writes the limits without {@code _quote}; read as the same keys. */
    private static final Map<String, String> LEGACY = Map.of("max_global_drawdown", KEY_GLOBAL,
            "max_controller_drawdown", KEY_CONTROLLER);
    private static final List<String> KEYS = List.of(KEY_SCRIPT, KEY_CONTROLLERS, KEY_CANDLES, KEY_MARKETS, KEY_GLOBAL,
            KEY_CONTROLLER);

    public V2WithControllersConfig {
        controllersConfig = List.copyOf(controllersConfig);
        candlesConfig = List.copyOf(candlesConfig);
        markets = Collections.unmodifiableMap(new LinkedHashMap<>(markets));
    }

    /** Every key with its default, in written order ({@code GET /scripts/v2_with_controllers/config/template}). */
    public static Map<String, Object> template() {
        return empty().toMap();
    }

    static V2WithControllersConfig empty() {
        return new V2WithControllersConfig(SCRIPT_FILE_NAME, List.of(), List.of(), Map.of(), null, null);
    }

    /**
     * Validates a raw config and fills the defaults.
     *
     * @throws InvalidConfigException naming the first unknown or invalid key
     */
    public static V2WithControllersConfig fromMap(Map<?, ?> raw) {
        Map<String, Object> values = canonicalKeys(raw);
        Object script = values.getOrDefault(KEY_SCRIPT, SCRIPT_FILE_NAME);
        if (!SCRIPT_FILE_NAME.equals(script) && !NAME.equals(script)) {
            throw InvalidConfigException.at(KEY_SCRIPT, "must be " + SCRIPT_FILE_NAME);
        }
        return new V2WithControllersConfig(SCRIPT_FILE_NAME, controllerNames(values.get(KEY_CONTROLLERS)),
                candles(values.get(KEY_CANDLES)), markets(values.get(KEY_MARKETS)),
                drawdown(KEY_GLOBAL, values.get(KEY_GLOBAL)), drawdown(KEY_CONTROLLER, values.get(KEY_CONTROLLER)));
    }

    /** The config in Hummingbot's key order, drawdown limits as plain numbers (null when unset). */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(KEY_SCRIPT, scriptFileName);
        out.put(KEY_CONTROLLERS, controllersConfig);
        out.put(KEY_CANDLES, candlesConfig);
        out.put(KEY_MARKETS, markets);
        out.put(KEY_GLOBAL, maxGlobalDrawdownQuote);
        out.put(KEY_CONTROLLER, maxControllerDrawdownQuote);
        return out;
    }

    /** The controller config names without their {@code .yml}, as orchestration keys them. */
    public List<String> controllerConfigNames() {
        return controllersConfig.stream().map(name -> name.substring(0, name.length() - ".yml".length())).toList();
    }

    private static Map<String, Object> canonicalKeys(Map<?, ?> raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw InvalidConfigException.at(null, "keys must be text");
            }
            String canonical = LEGACY.getOrDefault(key, key);
            if (!KEYS.contains(canonical)) {
                throw InvalidConfigException.at(shortened(key), "unknown key; " + NAME + " takes " + KEYS);
            }
            if (values.put(canonical, entry.getValue()) != null) {
                throw InvalidConfigException.at(canonical, "given twice (once under its legacy name)");
            }
        }
        return values;
    }

    private static List<String> controllerNames(Object raw) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<?> items = list(KEY_CONTROLLERS, raw);
        for (int i = 0; i < items.size(); i++) {
            String key = KEY_CONTROLLERS + "[" + i + "]";
            if (!(items.get(i) instanceof String text)) {
                throw InvalidConfigException.at(key, "must be a controller config name");
            }
            String name = text.endsWith(".yml") ? text.substring(0, text.length() - 4) : text;
            if (!CONFIG_NAME.matcher(name).matches() || name.contains("..")) {
                throw InvalidConfigException.at(key, "must be a config name of letters, digits, '_', '-' and '.' "
                        + "(at most 100, no path characters)");
            }
            if (!seen.add(name)) {
                throw InvalidConfigException.at(key, "lists a controller config twice");
            }
            names.add(name + ".yml");
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> candles(Object raw) {
        List<?> items = list(KEY_CANDLES, raw);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?>)) {
                throw InvalidConfigException.at(KEY_CANDLES + "[" + i + "]",
                        "must be a candles config object (connector, trading_pair, interval, max_records)");
            }
        }
        return (List<Map<String, Object>>) items;
    }

    private static Map<String, List<String>> markets(Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw InvalidConfigException.at(KEY_MARKETS, "must map connector names to lists of trading pairs");
        }
        if (map.size() > MAX_ITEMS) {
            throw InvalidConfigException.at(KEY_MARKETS, "has more than " + MAX_ITEMS + " connectors");
        }
        Map<String, List<String>> markets = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String connector) || connector.isBlank() || connector.length() > MAX_TEXT) {
                throw InvalidConfigException.at(KEY_MARKETS, "connector names must be non-blank text");
            }
            String key = KEY_MARKETS + "." + shortened(connector);
            List<String> pairs = new ArrayList<>();
            for (Object pair : list(key, entry.getValue())) {
                if (!(pair instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
                    throw InvalidConfigException.at(key, "must list trading pairs as text");
                }
                pairs.add(text);
            }
            markets.put(connector, List.copyOf(pairs));
        }
        return markets;
    }

    private static BigDecimal drawdown(String key, Object raw) {
        if (raw == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = switch (raw) {
                case BigDecimal d -> d;
                case Double d when d.isNaN() || d.isInfinite() -> throw new NumberFormatException();
                case Float f when f.isNaN() || f.isInfinite() -> throw new NumberFormatException();
                case Number n -> new BigDecimal(n.toString());
                case String s when s.length() <= 50 -> new BigDecimal(s.trim());
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException e) {
            throw InvalidConfigException.at(key, "must be a number (quote asset) or null");
        }
        if (value.signum() < 0) {
            throw InvalidConfigException.at(key, "must not be negative");
        }
        return value;
    }

    private static List<?> list(String key, Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> items)) {
            throw InvalidConfigException.at(key, "must be a list");
        }
        if (items.size() > MAX_ITEMS) {
            throw InvalidConfigException.at(key, "has more than " + MAX_ITEMS + " entries");
        }
        return items;
    }

    private static String shortened(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "…";
    }
}
