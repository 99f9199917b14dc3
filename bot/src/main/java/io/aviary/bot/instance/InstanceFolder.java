package io.aviary.bot.instance;

import io.aviary.bot.events.MqttSettings;
import io.aviary.connectors.catalog.ConnectorCatalog;
import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.hummingbot.HummingbotFileException;
import io.aviary.connectors.hummingbot.HummingbotFiles;
import io.aviary.strategy.config.ControllerRegistry;
import io.aviary.strategy.config.InvalidConfigException;
import io.aviary.strategy.config.V2ControllerConfig;
import io.aviary.strategy.script.V2WithControllersConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Hummingbot instance folder as a Hummingbot container started on it would (api-catalog §6):
 * <pre>
 * conf/conf_client.yml              instance_id, mqtt_bridge
 * conf/scripts/$SCRIPT_CONFIG       v2_with_controllers config: controllers_config, drawdown limits
 * conf/controllers/&lt;name&gt;.yml      each controller config the script config lists
 * conf/connectors/&lt;connector&gt;.yml  credentials, secrets encrypted under $CONFIG_PASSWORD
 * conf/.password_verification       Hummingbot's check of $CONFIG_PASSWORD
 * data/                             the bot database data/&lt;script config name&gt;.sqlite
 * logs/
 * </pre>
 * Everything is validated before the bot starts: the first problem is one {@link InvalidInstanceException}.
 */
public final class InstanceFolder {

    public static final String SCRIPT_CONFIG = "SCRIPT_CONFIG";
    public static final String CONFIG_PASSWORD = "CONFIG_PASSWORD";
    static final String SCRIPTS = "conf/scripts/";
    static final String CONTROLLERS = "conf/controllers/";
    /** An asset name a paper balance may be set for (conf_client.yml's paper balances, {@code balance paper}). */
    public static final Pattern PAPER_ASSET = ClientConfigFile.ASSET;

    /** A file name inside {@code conf/scripts/}: no path characters. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");

    private InstanceFolder() {
    }

    /**
     * @param env     the process environment ({@code SCRIPT_CONFIG}, {@code CONFIG_PASSWORD})
     * @param catalog the connectors the bot can run, telling which need credentials and which fields
     * @throws InvalidInstanceException naming the file and key of the first problem
     */
    public static BotInstance load(Path root, Map<String, String> env, ConnectorCatalog catalog) {
        MqttSettings mqtt = mqttSettings(root);
        String scriptName = scriptConfigName(env.get(SCRIPT_CONFIG));
        V2WithControllersConfig script = scriptConfig(root, scriptName);
        List<ControllerFile> controllers = controllers(root, script);
        Map<String, ConnectorSpec> connectors = connectors(catalog, controllers);
        ConnectorCredentials credentials = Credentials.read(root, env.get(CONFIG_PASSWORD), connectors.values());
        return new BotInstance(root, mqtt, scriptName, script, controllers, credentials, folder(root, "data"),
                folder(root, "logs"));
    }

    /**
     * Only {@code conf/conf_client.yml}: the bot id and broker, which a bot needs first, to report on MQTT that the
     * rest of its folder is invalid.
     */
    public static MqttSettings mqttSettings(Path root) {
        return ClientConfigFile.mqttSettings(mapping(root, ClientConfigFile.FILE));
    }

    /**
     * Only {@code conf/conf_client.yml}'s {@code paper_trade.paper_trade_account_balance}: the balances a new paper
     * account of this bot starts with (Hummingbot's defaults when the key is missing).
     */
    public static Map<String, java.math.BigDecimal> paperTradeAccountBalance(Path root) {
        return ClientConfigFile.paperTradeAccountBalance(mapping(root, ClientConfigFile.FILE));
    }

    /**
     * One controller config file, validated: what a running bot re-reads for updates.
     *
     * @param file a {@code conf/controllers/<name>.yml} of the instance under {@code root}
     */
    public static V2ControllerConfig controllerConfig(Path root, Path file) {
        String relative = relative(root, file);
        try {
            return ControllerRegistry.parse(mapping(root, relative));
        } catch (InvalidConfigException e) {
            throw new InvalidInstanceException(relative, e.key(), e.problem());
        }
    }

    static String withoutExtension(String fileName) {
        for (String extension : List.of(".yml", ".py")) {
            if (fileName.endsWith(extension)) {
                return fileName.substring(0, fileName.length() - extension.length());
            }
        }
        return fileName;
    }

    private static String scriptConfigName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInstanceException(null, SCRIPT_CONFIG,
                    "is not set: name the script config file in conf/scripts/, with its .yml");
        }
        if (!FILE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new InvalidInstanceException(null, SCRIPT_CONFIG, "must be a file name in conf/scripts/ (letters, "
                    + "digits, '_', '-', '.'; at most 200; no path characters)");
        }
        return name;
    }

    private static V2WithControllersConfig scriptConfig(Path root, String name) {
        String file = SCRIPTS + name;
        try {
            return V2WithControllersConfig.fromMap(mapping(root, file));
        } catch (InvalidConfigException e) {
            throw new InvalidInstanceException(file, e.key(), e.problem());
        }
    }

    private static List<ControllerFile> controllers(Path root, V2WithControllersConfig script) {
        List<ControllerFile> controllers = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        for (String name : script.controllersConfig()) {
            Path file = root.resolve(CONTROLLERS + name);
            V2ControllerConfig config = controllerConfig(root, file);
            String previous = fileById.putIfAbsent(config.id(), name);
            if (previous != null) {
                throw new InvalidInstanceException(CONTROLLERS + name, "id",
                        "is also the id of " + previous + "; each controller of a bot needs its own id");
            }
            controllers.add(new ControllerFile(name, file, config));
        }
        return controllers;
    }

    /** The connector each controller trades on, each once, in order of first use. */
    private static Map<String, ConnectorSpec> connectors(ConnectorCatalog catalog, List<ControllerFile> controllers) {
        Map<String, ConnectorSpec> specs = new LinkedHashMap<>();
        for (ControllerFile controller : controllers) {
            String name = controller.config().connectorName();
            ConnectorSpec spec = catalog.find(name).orElseThrow(() -> new InvalidInstanceException(
                    CONTROLLERS + controller.name(), "connector_name", "unknown connector; this bot runs "
                    + String.join(", ", catalog.all().stream().map(ConnectorSpec::name).toList())));
            specs.putIfAbsent(name, spec);
        }
        return specs;
    }

    /** {@code data/} or {@code logs/}, created when missing (as hummingbot-api creates them for a new instance). */
    private static Path folder(Path root, String name) {
        Path folder = root.resolve(name);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidInstanceException(name + "/", null, "cannot be created (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    static Map<String, Object> mapping(Path root, String relative) {
        try {
            return HummingbotFiles.readMapping(root.resolve(relative));
        } catch (HummingbotFileException e) {
            throw new InvalidInstanceException(relative, e.key(), e.problem());
        } catch (UncheckedIOException e) {
            throw new InvalidInstanceException(relative, null, "cannot be read ("
                    + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    static String relative(Path root, Path file) {
        Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return relative.toString().replace('\\', '/');
    }
}
