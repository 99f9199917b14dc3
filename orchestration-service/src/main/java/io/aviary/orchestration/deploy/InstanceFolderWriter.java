package io.aviary.orchestration.deploy;

import io.aviary.connectors.catalog.ConnectorSpec;
import io.aviary.connectors.hummingbot.ConnectorCredentialFiles;
import io.aviary.connectors.hummingbot.HummingbotFiles;
import io.aviary.connectors.hummingbot.HummingbotSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one bot's instance folder in Hummingbot's layout (api-catalog §6.1, bot/README.md "Instance folder"):
 * {@code conf/conf_client.yml}, {@code conf/.password_verification}, {@code conf/connectors/<connector>.yml}
 * (secrets encrypted under {@code CONFIG_PASSWORD}), {@code conf/scripts/<script config>},
 * {@code conf/controllers/<config>.yml}, {@code data/}, {@code logs/}. The same folder runs Aviary's bot or a
 * Hummingbot image.
 */
final class InstanceFolderWriter {

    private InstanceFolderWriter() {
    }

    /** The MQTT broker the bot reports to (Hummingbot's {@code mqtt_bridge}). */
    record MqttBridge(String host, int port, String username, String password) {

        @Override
        public String toString() {
            return "MqttBridge[" + host + ":" + port + ", user " + username + "]";
        }
    }

    /** Everything the folder holds. */
    record Content(String botName, MqttBridge mqtt, String scriptConfigFile, Map<String, Object> scriptConfig,
            Map<String, Map<String, Object>> controllers, Map<ConnectorSpec, Map<String, String>> credentials) {

        @Override
        public String toString() {
            return "Content[" + botName + ", " + scriptConfigFile + ", controllers " + controllers.keySet() + "]";
        }
    }

    static void write(Path folder, Content content, HummingbotSecrets secrets) {
        try {
            Path conf = Files.createDirectories(folder.resolve("conf"));
            Files.createDirectories(folder.resolve("data"));
            Files.createDirectories(folder.resolve("logs"));
            Files.createDirectories(conf.resolve(ConnectorCredentialFiles.CONNECTORS_FOLDER));
            Path scripts = Files.createDirectories(conf.resolve("scripts"));
            Path controllers = Files.createDirectories(conf.resolve("controllers"));
            HummingbotFiles.writeAtomically(conf.resolve("conf_client.yml"), HummingbotFiles.dump(
                    clientConfig(content.botName(), content.mqtt())));
            secrets.writePasswordVerification(conf);
            content.credentials().forEach((spec, fields) -> ConnectorCredentialFiles.write(conf, spec, fields, secrets));
            if (content.scriptConfigFile() != null) {
                HummingbotFiles.writeAtomically(scripts.resolve(content.scriptConfigFile()),
                        HummingbotFiles.dump(content.scriptConfig()));
            }
            content.controllers().forEach((name, config) -> HummingbotFiles.writeAtomically(
                    controllers.resolve(name + ".yml"), HummingbotFiles.dump(config)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of Hummingbot's client config the bot reads; instance_id is the bot's MQTT id. */
    private static Map<String, Object> clientConfig(String botName, MqttBridge mqtt) {
        Map<String, Object> bridge = new LinkedHashMap<>();
        bridge.put("mqtt_host", mqtt.host());
        bridge.put("mqtt_port", mqtt.port());
        bridge.put("mqtt_username", mqtt.username());
        bridge.put("mqtt_password", mqtt.password());
        bridge.put("mqtt_namespace", "hbot");
        bridge.put("mqtt_ssl", false);
        bridge.put("mqtt_commands", true);
        bridge.put("mqtt_events", true);
        bridge.put("mqtt_notifier", true);
        bridge.put("mqtt_logger", true);
        bridge.put("mqtt_autostart", true);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("instance_id", botName);
        config.put("mqtt_bridge", bridge);
        return config;
    }
}
