package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The eleven {@code /controllers} endpoints (api-catalog §1.7): success and error paths. */
class ControllersApiTest extends OrchestrationHttpTestBase {

    private static final String PMM = """
            {"controller_name": "pmm_simple", "controller_type": "market_making", "connector_name": "sim",
             "trading_pair": "BTC-USDT", "total_amount_quote": 250.5, "buy_spreads": [0.01, 0.02],
             "sell_spreads": [0.01, 0.02], "leverage": 1}""";

    @Test
    void listsTheBuiltInControllersByType() {
        Answer list = get("/controllers/");
        assertThat(list.status()).isEqualTo(200);
        assertThat(names(list.json().get("market_making"))).contains("pmm_simple", "pmm_dynamic", "dman_maker_v2");
        assertThat(names(list.json().get("directional_trading"))).contains("bollinger_v1", "macd_bb_v1",
                "supertrend_v1", "dman_v3");
        assertThat(names(list.json().get("generic"))).contains("grid_strike");
        assertThat(get("/controllers").status()).isEqualTo(200);
    }

    @Test
    void theTemplateGivesEveryKeyWithItsDefault() {
        Answer template = get("/controllers/directional_trading/bollinger_v1/config/template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.json().get("controller_name").asString()).isEqualTo("bollinger_v1");
        assertThat(template.json().has("bb_length")).isTrue();
        assertThat(template.json().get("id").isNull()).isTrue();

        Answer unknown = get("/controllers/directional_trading/nope/config/template");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString())
                .isEqualTo("Controller configuration class for 'nope' not found");
        Answer wrongKind = get("/controllers/market_making/bollinger_v1/config/template");
        assertThat(wrongKind.status()).isEqualTo(404);

        Answer badType = get("/controllers/trend/bollinger_v1/config/template");
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.json().at("/detail/0/loc/1").asString()).isEqualTo("controller_type");
    }

    @Test
    void aConfigIsValidatedStoredCompleteListedAndDeletedWithItsEvents() {
        Answer saved = post("/controllers/configs/pmm_btc", PMM);
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("message").asString()).isEqualTo("Configuration 'pmm_btc' saved successfully");

        Answer config = get("/controllers/configs/pmm_btc");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("id").asString()).isEqualTo("pmm_btc");
        assertThat(config.json().get("trading_pair").asString()).isEqualTo("BTC-USDT");
        assertThat(config.json().has("executor_refresh_time")).as("defaults filled in").isTrue();
        assertThat(config.json().properties().iterator().next().getKey()).as("Hummingbot's key order").isEqualTo("id");

        Answer list = get("/controllers/configs/");
        JsonSummary summary = JsonSummary.of(list, "pmm_btc");
        assertThat(summary.get("controller_name")).isEqualTo("pmm_simple");
        assertThat(summary.get("controller_type")).isEqualTo("market_making");
        assertThat(summary.get("connector_name")).isEqualTo("sim");
        assertThat(summary.node().get("total_amount_quote").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(get("/controllers/configs").status()).isEqualTo(200);

        Answer deleted = delete("/controllers/configs/pmm_btc");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asString()).isEqualTo("Configuration 'pmm_btc' deleted successfully");
        assertThat(outboxEvents("pmm_btc")).containsExactly("ControllerConfigSaved", "ControllerConfigDeleted");

        Answer again = delete("/controllers/configs/pmm_btc");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").asString()).isEqualTo("Configuration 'pmm_btc' not found");
        assertThat(get("/controllers/configs/pmm_btc").status()).isEqualTo(404);
    }

    @Test
    void anInvalidConfigIsRefusedNamingTheKeyAndNothingIsStored() {
        Answer unknownKey = post("/controllers/configs/bad_1", PMM.replace("\"leverage\": 1", "\"levrage\": 1"));
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.json().get("detail").asString()).contains("levrage");

        Answer badValue = post("/controllers/configs/bad_1", PMM.replace("\"leverage\": 1", "\"leverage\": 0"));
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json().get("detail").asString()).contains("leverage");

        Answer unknownController = post("/controllers/configs/bad_1", PMM.replace("pmm_simple", "pmm_fancy"));
        assertThat(unknownController.status()).isEqualTo(400);
        assertThat(unknownController.json().get("detail").asString()).contains("controller_name").contains("pmm_fancy");

        Answer noController = post("/controllers/configs/bad_1", "{\"connector_name\": \"sim\"}");
        assertThat(noController.status()).isEqualTo(400);
        assertThat(noController.json().get("detail").asString()).contains("controller_name");

        Answer notAnObject = post("/controllers/configs/bad_1", "[1, 2]");
        assertThat(notAnObject.status()).isEqualTo(422);
        assertThat(notAnObject.json().at("/detail/0/type").asString()).isEqualTo("dict_type");

        Answer badName = post("/controllers/configs/..secret", PMM);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("detail").asString()).startsWith("Invalid config name");
        Answer longName = get("/controllers/configs/" + "x".repeat(101));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.body()).doesNotContain("x".repeat(41));

        assertThat(get("/controllers/configs/bad_1").status()).isEqualTo(404);
        assertThat(outboxEvents("bad_1")).isEmpty();
    }

    @Test
    void aConfigCanBeWrittenAsHummingbotYaml() {
        String yaml = """
                id: bb_yaml
                controller_name: bollinger_v1
                controller_type: directional_trading
                connector_name: sim
                trading_pair: ETH-USDT
                bb_length: 50
                """;
        Answer saved = post("/controllers/configs/bb_yaml.yml", yaml, "application/yaml");
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("message").asString()).isEqualTo("Configuration 'bb_yaml' saved successfully");
        assertThat(get("/controllers/configs/bb_yaml").json().get("bb_length").asInt()).isEqualTo(50);

        Answer broken = post("/controllers/configs/bb_yaml", "controller_name: [unclosed", "application/yaml");
        assertThat(broken.status()).isEqualTo(422);
    }

    @Test
    void builtInCodeIsDescribedAndUploadedCodeIsStoredListedAndUsable() {
        Answer builtIn = get("/controllers/market_making/pmm_simple");
        assertThat(builtIn.status()).isEqualTo(200);
        assertThat(builtIn.json().get("name").asString()).isEqualTo("pmm_simple");
        assertThat(builtIn.json().get("type").asString()).isEqualTo("market_making");
        assertThat(builtIn.json().get("content").asString()).contains("built-in").contains("Java")
                .doesNotContain("import ");
        assertThat(post("/controllers/market_making/pmm_simple", "{\"content\": \"x = 1\"}").status()).isEqualTo(400);
        assertThat(delete("/controllers/market_making/pmm_simple").status()).isEqualTo(400);

        String source = "from hummingbot.strategy_v2.controllers import ControllerBase\\n";
        Answer uploaded = post("/controllers/generic/my_arb", "{\"content\": \"" + source + "\", \"type\": \"generic\"}");
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.json().get("message").asString())
                .isEqualTo("Controller 'my_arb' saved successfully in 'generic'");
        assertThat(get("/controllers/generic/my_arb").json().get("content").asString())
                .isEqualTo("from hummingbot.strategy_v2.controllers import ControllerBase\n");
        assertThat(names(get("/controllers/").json().get("generic"))).contains("grid_strike", "my_arb");

        Answer customConfig = post("/controllers/configs/my_arb_1",
                "{\"controller_name\": \"my_arb\", \"controller_type\": \"generic\", \"custom_key\": 7}");
        assertThat(customConfig.status()).as("an uploaded controller's config is stored as given").isEqualTo(201);
        assertThat(get("/controllers/configs/my_arb_1").json().get("custom_key").asInt()).isEqualTo(7);
        assertThat(get("/controllers/generic/my_arb/config/template").status()).isEqualTo(404);

        Answer mismatch = post("/controllers/generic/my_arb", "{\"content\": \"x\", \"type\": \"market_making\"}");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("detail").asString())
                .isEqualTo("Controller type mismatch: URL has 'generic', body has 'market_making'");
        Answer noContent = post("/controllers/generic/my_arb", "{}");
        assertThat(noContent.status()).isEqualTo(422);
        assertThat(noContent.json().at("/detail/0/loc/1").asString()).isEqualTo("content");

        Answer deleted = delete("/controllers/generic/my_arb");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asString())
                .isEqualTo("Controller 'my_arb' deleted successfully from 'generic'");
        Answer gone = get("/controllers/generic/my_arb");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("detail").asString()).isEqualTo("Controller 'my_arb' not found in 'generic'");
        assertThat(delete("/controllers/generic/my_arb").status()).isEqualTo(404);
        assertThat(get("/controllers/trend/my_arb").status()).isEqualTo(422);
    }

    @Test
    void aBotsControllerConfigsAreReadAndUpdatedInItsInstanceFolder() throws IOException {
        Path controllers = Files.createDirectories(BOTS_PATH.resolve("bots/instances/hummingbot-desk1/conf/controllers"));
        Path file = controllers.resolve("pmm_1.yml");
        Files.writeString(file, """
                id: pmm_1
                controller_name: pmm_simple
                controller_type: market_making
                connector_name: sim
                trading_pair: BTC-USDT
                total_amount_quote: 100
                manual_kill_switch: false
                """);
        Files.writeString(controllers.resolve("broken.yml"), "- not\n- a mapping\n");

        Answer list = get("/controllers/bots/hummingbot-desk1/configs");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        assertThat(list.json().get(0).get("_config_name").asString()).isEqualTo("broken");
        assertThat(list.json().get(0).has("error")).isTrue();
        assertThat(list.json().get(1).get("_config_name").asString()).isEqualTo("pmm_1");
        assertThat(list.json().get(1).get("trading_pair").asString()).isEqualTo("BTC-USDT");

        Answer updated = post("/controllers/bots/hummingbot-desk1/pmm_1/config", "{\"manual_kill_switch\": true}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("message").asString())
                .isEqualTo("Controller configuration for bot 'hummingbot-desk1' updated successfully");
        Map<String, Object> written = new Yaml().load(Files.readString(file));
        assertThat(written).containsEntry("manual_kill_switch", true).containsEntry("trading_pair", "BTC-USDT")
                .containsEntry("id", "pmm_1");

        String before = Files.readString(file);
        Answer invalid = post("/controllers/bots/hummingbot-desk1/pmm_1/config", "{\"leverage\": 0}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asString()).contains("leverage");
        assertThat(Files.readString(file)).as("a refused update leaves the file alone").isEqualTo(before);

        Answer noBot = get("/controllers/bots/hummingbot-nobody/configs");
        assertThat(noBot.status()).isEqualTo(404);
        assertThat(noBot.json().get("detail").asString()).isEqualTo("Bot 'hummingbot-nobody' not found");
        assertThat(post("/controllers/bots/hummingbot-nobody/pmm_1/config", "{}").status()).isEqualTo(404);
        Answer noConfig = post("/controllers/bots/hummingbot-desk1/pmm_9/config", "{}");
        assertThat(noConfig.status()).isEqualTo(404);
        assertThat(noConfig.json().get("detail").asString())
                .isEqualTo("Controller configuration 'pmm_9' not found for bot 'hummingbot-desk1'");
        assertThat(get("/controllers/bots/..hidden/configs").status()).isEqualTo(400);
    }

    private static List<String> names(tools.jackson.databind.JsonNode array) {
        return array.valueStream().map(tools.jackson.databind.JsonNode::asString).toList();
    }

    /** One item of a config list, by its {@code config_name}. */
    record JsonSummary(tools.jackson.databind.JsonNode node) {

        static JsonSummary of(Answer list, String configName) {
            assertThat(list.status()).isEqualTo(200);
            return list.json().valueStream().filter(item -> item.get("config_name").asString().equals(configName))
                    .findFirst().map(JsonSummary::new).orElseThrow();
        }

        String get(String key) {
            return node.get(key).asString();
        }
    }
}
