package io.aviary.bot.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.bot.events.MqttSettings;
import io.aviary.connectors.catalog.ConnectorCatalog;
import io.aviary.connectors.hummingbot.ConnectorCredentialFiles;
import io.aviary.connectors.hummingbot.HummingbotSecrets;
import io.aviary.connectors.hummingbot.KdfSettings;
import io.aviary.connectors.registry.StandardConnectors;
import io.aviary.connectors.venues.VenueSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceFolderTest {

    private static final ConnectorCatalog CATALOG =
            StandardConnectors.registry(URI.create("http://127.0.0.1:1"), VenueSettings.defaults()).catalog();
    /** Reading follows each keyfile's own KDF parameters: tests write cheap ones. */
    private static final KdfSettings FAST = new KdfSettings(KdfSettings.Kdf.PBKDF2, 1000);
    private static final String PASSWORD = "a-config-password";

    @TempDir
    Path root;

    private final Map<String, String> env = new HashMap<>(Map.of("SCRIPT_CONFIG", "my_bot-20250101-120000.yml",
            "CONFIG_PASSWORD", PASSWORD));

    @BeforeEach
    void handMadeInstance() throws IOException {
        write("conf/conf_client.yml", """
                instance_id: my_bot-20250101-120000
                log_level: INFO
                mqtt_bridge:
                  mqtt_host: broker.local
                  mqtt_port: 1884
                  mqtt_username: bot
                  mqtt_password: mqtt-secret
                  mqtt_namespace: aviary/
                  mqtt_ssl: false
                  mqtt_logger: true
                  mqtt_notifier: false
                  mqtt_commands: true
                  mqtt_events: true
                  mqtt_external_events: true
                  mqtt_autostart: true
                """);
        write("conf/scripts/my_bot-20250101-120000.yml", """
                script_file_name: v2_with_controllers.py
                controllers_config:
                - pmm_sim.yml
                max_global_drawdown_quote: 50
                max_controller_drawdown_quote: 20.5
                """);
        write("conf/controllers/pmm_sim.yml", pmmSimple("pmm_sim", "sim"));
        HummingbotSecrets secrets = new HummingbotSecrets(PASSWORD, FAST);
        secrets.writePasswordVerification(root.resolve("conf"));
        ConnectorCredentialFiles.write(root.resolve("conf"), CATALOG.find("sim").orElseThrow(),
                Map.of("sim_api_key", "sim-key", "sim_api_secret", "sim-secret"), secrets);
    }

    @Test
    void loadsAHandMadeInstanceFolder() {
        BotInstance instance = InstanceFolder.load(root, env, CATALOG);

        assertThat(instance.mqtt()).isEqualTo(new MqttSettings("my_bot-20250101-120000", "broker.local", 1884, "bot",
                "mqtt-secret", "aviary", false, true, true, false, true));
        assertThat(instance.mqtt().topicPrefix()).isEqualTo("aviary/my_bot-20250101-120000");
        assertThat(instance.script().controllersConfig()).containsExactly("pmm_sim.yml");
        assertThat(instance.script().maxGlobalDrawdownQuote()).isEqualByComparingTo("50");
        assertThat(instance.script().maxControllerDrawdownQuote()).isEqualByComparingTo("20.5");
        assertThat(instance.controllers()).singleElement().satisfies(controller -> {
            assertThat(controller.file()).isEqualTo(root.resolve("conf/controllers/pmm_sim.yml"));
            assertThat(controller.config().id()).isEqualTo("pmm_sim");
            assertThat(controller.config().controllerName()).isEqualTo("pmm_simple");
            assertThat(controller.config().connectorName()).isEqualTo("sim");
            assertThat(controller.config().totalAmountQuote()).isEqualByComparingTo(new BigDecimal("100"));
        });
        assertThat(instance.credentials().of("sim")).contains(Map.of("sim_api_key", "sim-key",
                "sim_api_secret", "sim-secret"));
        assertThat(instance.toString()).doesNotContain("sim-key", "sim-secret", "mqtt-secret", PASSWORD);
        assertThat(instance.databaseName()).isEqualTo("my_bot-20250101-120000");
        assertThat(instance.databaseFile()).isEqualTo(root.resolve("data/my_bot-20250101-120000.sqlite"));
        assertThat(instance.dataDir()).isDirectory();
        assertThat(instance.logsDir()).isDirectory().isEqualTo(root.resolve("logs"));
    }

    @Test
    void theMqttBridgeDefaultsAreHummingbots() throws IOException {
        write("conf/conf_client.yml", "instance_id: bot-1\n");

        assertThat(InstanceFolder.mqttSettings(root)).isEqualTo(new MqttSettings("bot-1", "localhost", 1883, "", "",
                "hbot", false, true, true, true, true));
    }

    @Test
    void paperTradingNeedsNoCredentialsNorPassword() throws IOException {
        write("conf/controllers/pmm_sim.yml", pmmSimple("pmm_sim", "sim_paper_trade"));
        Files.delete(root.resolve("conf/connectors/sim.yml"));
        env.remove("CONFIG_PASSWORD");

        BotInstance instance = InstanceFolder.load(root, env, CATALOG);

        assertThat(instance.credentials().byConnector()).isEmpty();
    }

    @Test
    void paperAccountsStartWithTheClientConfigsPaperBalancesOrHummingbotsDefaults() throws IOException {
        assertThat(InstanceFolder.paperTradeAccountBalance(root)).as("no paper_trade section")
                .containsEntry("BTC", BigDecimal.ONE).containsEntry("USDT", new BigDecimal("100000")).hasSize(8);

        write("conf/conf_client.yml", """
                instance_id: bot-1
                paper_trade:
                  paper_trade_exchanges: [binance, kucoin]
                  paper_trade_account_balance:
                    USDT: 2500
                    WETH: 1.5
                    SOL: '10'
                """);
        assertThat(InstanceFolder.paperTradeAccountBalance(root)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "USDT", new BigDecimal("2500"), "WETH", new BigDecimal("1.5"), "SOL", new BigDecimal("10")));

        write("conf/conf_client.yml", "instance_id: bot-1\npaper_trade:\n  paper_trade_account_balance: {}\n");
        assertThat(InstanceFolder.paperTradeAccountBalance(root)).as("an empty mapping starts accounts empty").isEmpty();

        write("conf/conf_client.yml", "instance_id: bot-1\npaper_trade:\n  paper_trade_account_balance:\n    USDT: -5\n");
        assertThatThrownBy(() -> InstanceFolder.paperTradeAccountBalance(root)).isInstanceOf(InvalidInstanceException.class)
                .hasMessage("conf/conf_client.yml: paper_trade.paper_trade_account_balance.USDT: must be a number of at least 0");
        write("conf/conf_client.yml", "instance_id: bot-1\npaper_trade:\n  paper_trade_account_balance: [USDT]\n");
        assertThatThrownBy(() -> InstanceFolder.paperTradeAccountBalance(root)).isInstanceOf(InvalidInstanceException.class)
                .hasMessageStartingWith("conf/conf_client.yml: paper_trade.paper_trade_account_balance: must be a mapping");
    }

    @Test
    void readsTheLegacyDrawdownKeysOfOlderDeployments() throws IOException {
        write("conf/scripts/my_bot-20250101-120000.yml", """
                script_file_name: v2_with_controllers.py
                candles_config: []
                markets: {}
                controllers_config: [pmm_sim.yml]
                max_global_drawdown: 10
                """);

        assertThat(InstanceFolder.load(root, env, CATALOG).script().maxGlobalDrawdownQuote()).isEqualByComparingTo("10");
    }

    @Test
    void aMissingScriptConfigVariableIsNamed() {
        env.remove("SCRIPT_CONFIG");

        assertInvalid("SCRIPT_CONFIG: is not set: name the script config file in conf/scripts/, with its .yml");
        env.put("SCRIPT_CONFIG", "../../etc/passwd");
        assertInvalid("SCRIPT_CONFIG: must be a file name in conf/scripts/ (letters, digits, '_', '-', '.'; at most "
                + "200; no path characters)");
        env.put("SCRIPT_CONFIG", "other.yml");
        assertInvalid("conf/scripts/other.yml: file is missing");
    }

    @Test
    void anUnknownControllerIsNamedWithItsFile() throws IOException {
        write("conf/controllers/pmm_sim.yml", pmmSimple("pmm_sim", "sim").replace("pmm_simple", "pmm_fancy"));

        assertInvalidStartingWith("conf/controllers/pmm_sim.yml: controller_name: unknown controller; must be one of "
                + "pmm_simple, ");
    }

    @Test
    void anInvalidKeyIsNamedWithItsFile() throws IOException {
        write("conf/controllers/pmm_sim.yml", pmmSimple("pmm_sim", "sim") + "leverage: lots\n");
        assertInvalidStartingWith("conf/controllers/pmm_sim.yml: leverage: ");

        write("conf/controllers/pmm_sim.yml", pmmSimple("pmm_sim", "sim") + "buy_spread_typo: 0.01\n");
        assertInvalidStartingWith("conf/controllers/pmm_sim.yml: buy_spread_typo: unknown key");

        write("conf/scripts/my_bot-20250101-120000.yml", "controllers_config: [pmm_sim.yml]\nmax_drawdown: 3\n");
        assertInvalidStartingWith("conf/scripts/my_bot-20250101-120000.yml: max_drawdown: unknown key");
    }

    @Test
    void aListedControllerFileThatIsMissingIsNamed() throws IOException {
        write("conf/scripts/my_bot-20250101-120000.yml", "controllers_config: [pmm_sim.yml, gone.yml]\n");

        assertInvalid("conf/controllers/gone.yml: file is missing");
    }

    @Test
    void twoControllersWithOneIdAreRejected() throws IOException {
        write("conf/scripts/my_bot-20250101-120000.yml", "controllers_config: [pmm_sim.yml, copy.yml]\n");
        write("conf/controllers/copy.yml", pmmSimple("pmm_sim", "sim"));

        assertInvalid("conf/controllers/copy.yml: id: is also the id of pmm_sim.yml; each controller of a bot needs "
                + "its own id");
    }

    @Test
    void anUnknownConnectorIsNamed() throws IOException {
        write("conf/controllers/pmm_sim.yml", pmmSimple("pmm_sim", "nowhere_exchange"));

        assertInvalidStartingWith("conf/controllers/pmm_sim.yml: connector_name: unknown connector; this bot runs ");
    }

    @Test
    void missingCredentialsAreNamed() throws IOException {
        Files.delete(root.resolve("conf/connectors/sim.yml"));

        assertInvalid("conf/connectors/sim.yml: file is missing: connector sim needs its credentials "
                + "[sim_api_key, sim_api_secret]");
    }

    @Test
    void aWrongConfigPasswordIsNamedNeverShown() {
        env.put("CONFIG_PASSWORD", "not-the-password");

        assertInvalid("conf/.password_verification: CONFIG_PASSWORD is wrong: the password check does not decrypt "
                + "with it (MAC mismatch)");
    }

    @Test
    void aCredentialsFileUnderAnotherPasswordIsNamed() {
        ConnectorCredentialFiles.write(root.resolve("conf"), CATALOG.find("sim").orElseThrow(),
                Map.of("sim_api_key", "sim-key", "sim_api_secret", "sim-secret"),
                new HummingbotSecrets("another-password", FAST));

        assertInvalid("conf/connectors/sim.yml: sim_api_key: CONFIG_PASSWORD does not decrypt it (MAC mismatch): "
                + "written under another password");
    }

    @Test
    void credentialsNeedThePasswordAndItsCheck() throws IOException {
        env.remove("CONFIG_PASSWORD");
        assertInvalid("CONFIG_PASSWORD: is not set; connector sim needs its credentials from conf/connectors/, "
                + "encrypted under it");

        env.put("CONFIG_PASSWORD", PASSWORD);
        Files.delete(root.resolve("conf/.password_verification"));
        assertInvalid("conf/.password_verification: file is missing: Hummingbot checks CONFIG_PASSWORD against it; "
                + "write it with the credentials");
    }

    @Test
    void theClientConfigNeedsTheBotId() throws IOException {
        write("conf/conf_client.yml", "mqtt_bridge:\n  mqtt_host: localhost\n");
        assertInvalidStartingWith("conf/conf_client.yml: instance_id: is required");

        write("conf/conf_client.yml", "instance_id: a/b\n");
        assertInvalidStartingWith("conf/conf_client.yml: instance_id: must be 1 to 200 characters without '/'");

        write("conf/conf_client.yml", "instance_id: bot\nmqtt_bridge:\n  mqtt_port: http\n");
        assertInvalid("conf/conf_client.yml: mqtt_bridge.mqtt_port: must be a port number 1..65535");
    }

    @Test
    void malformedYamlIsNamedWithoutItsText() throws IOException {
        write("conf/scripts/my_bot-20250101-120000.yml", "controllers_config: [pmm_sim.yml\n  secret: {{{\n");

        assertInvalid("conf/scripts/my_bot-20250101-120000.yml: malformed YAML");
    }

    private void assertInvalid(String message) {
        assertThatThrownBy(() -> InstanceFolder.load(root, env, CATALOG))
                .isInstanceOf(InvalidInstanceException.class)
                .hasMessage(message)
                .hasMessageNotContaining(PASSWORD);
    }

    private void assertInvalidStartingWith(String message) {
        assertThatThrownBy(() -> InstanceFolder.load(root, env, CATALOG))
                .isInstanceOf(InvalidInstanceException.class)
                .hasMessageStartingWith(message);
    }

    private static String pmmSimple(String id, String connector) {
        return """
                id: %s
                controller_name: pmm_simple
                controller_type: market_making
                total_amount_quote: '100'
                connector_name: %s
                trading_pair: BTC-USDT
                buy_spreads: [0.01, 0.02]
                sell_spreads: [0.01, 0.02]
                executor_refresh_time: 60
                """.formatted(id, connector);
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
