package io.aviary.bot.instance;

import io.aviary.bot.events.MqttSettings;
import io.aviary.connectors.paper.PaperSettings;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code conf/conf_client.yml}: the bot id ({@code instance_id}) and the {@code mqtt_bridge} section with Hummingbot's
 * defaults ({@code MQTTBridgeConfigMap}, hummingbot-internals §1.1). Every other key of Hummingbot's client config is
 * left to Hummingbot; unknown {@code mqtt_bridge} keys too ({@code mqtt_external_events}, {@code mqtt_autostart}:
 * Aviary's bot always starts its bridge, as a headless Hummingbot does).
 */
final class ClientConfigFile {

    static final String FILE = "conf/conf_client.yml";

    /** Lands in every topic: no MQTT wildcard or level separator, no control characters. */
    private static final Pattern TOPIC_LEVEL = Pattern.compile("[^/+#\\p{Cntrl}]{1,200}");
    private static final Pattern NAMESPACE = Pattern.compile("[^+#\\p{Cntrl}]{1,200}");
    private static final String BRIDGE = "mqtt_bridge";
    private static final String PAPER_TRADE = "paper_trade";
    private static final String ACCOUNT_BALANCE = "paper_trade_account_balance";
    /** What Hummingbot's {@code balance paper} and the paper connectors accept as an asset (Aviary's bound). */
    static final Pattern ASSET = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private ClientConfigFile() {
    }

    /**
     * {@code paper_trade.paper_trade_account_balance}: what a new paper account starts with, Hummingbot's defaults
     * when the key is missing ({@code PaperTradeConfigMap}); an empty mapping starts accounts empty.
     */
    static Map<String, BigDecimal> paperTradeAccountBalance(Map<String, Object> client) {
        Object section = client.get(PAPER_TRADE);
        if (section == null) {
            return PaperSettings.defaults().startingBalances();
        }
        if (!(section instanceof Map<?, ?> paper)) {
            throw invalid(PAPER_TRADE, "must be a mapping (paper_trade_exchanges, paper_trade_account_balance)");
        }
        Object raw = paper.get(ACCOUNT_BALANCE);
        if (raw == null) {
            return PaperSettings.defaults().startingBalances();
        }
        String key = PAPER_TRADE + "." + ACCOUNT_BALANCE;
        if (!(raw instanceof Map<?, ?> balances) || balances.size() > 1000) {
            throw invalid(key, "must be a mapping of asset to amount (at most 1000 assets)");
        }
        Map<String, BigDecimal> parsed = new LinkedHashMap<>();
        for (var entry : balances.entrySet()) {
            if (!(entry.getKey() instanceof String asset) || !ASSET.matcher(asset).matches()) {
                throw invalid(key, "asset names must be 1 to 40 letters, digits, '.', '_' or '-'");
            }
            parsed.put(asset, amount(key + "." + asset, entry.getValue()));
        }
        return parsed;
    }

    private static BigDecimal amount(String key, Object raw) {
        try {
            BigDecimal amount = new BigDecimal(String.valueOf(raw).strip());
            if (amount.signum() >= 0) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "must be a number of at least 0");
    }

    static MqttSettings mqttSettings(Map<String, Object> client) {
        Map<?, ?> bridge = bridge(client.get(BRIDGE));
        return new MqttSettings(instanceId(client.get("instance_id")),
                text(bridge, "mqtt_host", "localhost"),
                port(bridge.get("mqtt_port")),
                text(bridge, "mqtt_username", ""),
                text(bridge, "mqtt_password", ""),
                namespace(text(bridge, "mqtt_namespace", "hbot")),
                flag(bridge, "mqtt_ssl", false),
                flag(bridge, "mqtt_commands", true),
                flag(bridge, "mqtt_events", true),
                flag(bridge, "mqtt_notifier", true),
                flag(bridge, "mqtt_logger", true));
    }

    private static String instanceId(Object raw) {
        if (!(raw instanceof String id) || id.isBlank()) {
            throw invalid("instance_id", "is required: the bot id, as text (the MQTT topics are hbot/<instance_id>/…)");
        }
        if (!TOPIC_LEVEL.matcher(id).matches()) {
            throw invalid("instance_id", "must be 1 to 200 characters without '/', '+', '#' or control characters");
        }
        return id;
    }

    private static Map<?, ?> bridge(Object raw) {
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw invalid(BRIDGE, "must be a mapping of mqtt_* keys");
        }
        return map;
    }

    private static String text(Map<?, ?> bridge, String key, String fallback) {
        Object raw = bridge.get(key);
        if (raw == null) {
            return fallback;
        }
        if (!(raw instanceof String text) || text.length() > 500) {
            throw invalid(BRIDGE + "." + key, "must be text of at most 500 characters");
        }
        return text;
    }

    private static int port(Object raw) {
        if (raw == null) {
            return 1883;
        }
        try {
            int port = raw instanceof Integer number ? number : Integer.parseInt(String.valueOf(raw).strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(BRIDGE + ".mqtt_port", "must be a port number 1..65535");
    }

    /** Hummingbot strips one trailing {@code /} or {@code .}. */
    private static String namespace(String raw) {
        String namespace = raw.endsWith("/") || raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw invalid(BRIDGE + ".mqtt_namespace", "must be a topic prefix without '+', '#' or control characters");
        }
        return namespace;
    }

    private static boolean flag(Map<?, ?> bridge, String key, boolean fallback) {
        Object raw = bridge.get(key);
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof Boolean value) {
            return value;
        }
        // pydantic's lenient booleans for text
        return switch (String.valueOf(raw).strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw invalid(BRIDGE + "." + key, "must be true or false");
        };
    }

    private static InvalidInstanceException invalid(String key, String problem) {
        return new InvalidInstanceException(FILE, key, problem);
    }
}
