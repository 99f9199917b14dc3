package io.aviary.bot.instance;

import io.aviary.bot.events.MqttSettings;
import io.aviary.strategy.script.V2WithControllersConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated instance folder: everything a bot needs to start.
 *
 * @param root             the instance folder
 * @param mqtt             {@code conf/conf_client.yml}: {@code instance_id} and {@code mqtt_bridge}
 * @param scriptConfigName the {@code SCRIPT_CONFIG} file name in {@code conf/scripts/}, e.g. {@code my_bot.yml}
 * @param script           that script config
 * @param controllers      its controller configs, in its {@code controllers_config} order
 * @param credentials      decrypted credentials of the connectors the controllers trade on
 * @param dataDir          {@code data/}: the bot database
 * @param logsDir          {@code logs/}
 */
public record BotInstance(Path root, MqttSettings mqtt, String scriptConfigName, V2WithControllersConfig script,
                          List<ControllerFile> controllers, ConnectorCredentials credentials, Path dataDir,
                          Path logsDir) {

    public BotInstance {
        controllers = List.copyOf(controllers);
    }

    /** Hummingbot's db name: the script config file name without {@code .yml} (hummingbot-internals §2.1). */
    public String databaseName() {
        return InstanceFolder.withoutExtension(scriptConfigName);
    }

    /** {@code data/<databaseName>.sqlite}. */
    public Path databaseFile() {
        return dataDir.resolve(databaseName() + ".sqlite");
    }
}
