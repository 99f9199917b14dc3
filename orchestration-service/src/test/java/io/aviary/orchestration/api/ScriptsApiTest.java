package io.aviary.orchestration.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The nine {@code /scripts} endpoints (api-catalog §1.8): success and error paths. */
class ScriptsApiTest extends OrchestrationHttpTestBase {

    @Test
    void theBuiltInScriptIsListedDescribedAndHasATemplate() {
        Answer list = get("/scripts/");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get(0).asString()).isEqualTo("v2_with_controllers");

        Answer code = get("/scripts/v2_with_controllers");
        assertThat(code.status()).isEqualTo(200);
        assertThat(code.json().get("name").asString()).isEqualTo("v2_with_controllers");
        assertThat(code.json().get("content").asString()).contains("built-in").contains("Java");

        Answer template = get("/scripts/v2_with_controllers/config/template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.json().get("script_file_name").asString()).isEqualTo("v2_with_controllers.py");
        assertThat(template.json().get("controllers_config").isArray()).isTrue();
        assertThat(template.json().has("max_global_drawdown_quote")).isTrue();

        Answer noTemplate = get("/scripts/other/config/template");
        assertThat(noTemplate.status()).isEqualTo(404);
        assertThat(noTemplate.json().get("detail").asString())
                .isEqualTo("Script configuration class for 'other' not found");
        assertThat(post("/scripts/v2_with_controllers", "{\"content\": \"x\"}").status()).isEqualTo(400);
        assertThat(delete("/scripts/v2_with_controllers").status()).isEqualTo(400);
    }

    @Test
    void anUploadedScriptIsStoredListedAndDeleted() {
        Answer saved = post("/scripts/my_script", "{\"content\": \"print('hi')\"}");
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("message").asString()).isEqualTo("Script 'my_script' saved successfully");
        assertThat(get("/scripts/my_script").json().get("content").asString()).isEqualTo("print('hi')");
        assertThat(get("/scripts").json().valueStream().map(n -> n.asString())).contains("my_script");

        Answer noContent = post("/scripts/my_script", "{}");
        assertThat(noContent.status()).isEqualTo(422);
        assertThat(post("/scripts/bad-name", "{\"content\": \"x\"}").status()).isEqualTo(400);

        Answer deleted = delete("/scripts/my_script");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asString()).isEqualTo("Script 'my_script' deleted successfully");
        Answer gone = get("/scripts/my_script");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("detail").asString()).isEqualTo("Script 'my_script' not found");
        assertThat(delete("/scripts/my_script").status()).isEqualTo(404);
    }

    @Test
    void aScriptConfigMustNameStoredControllerConfigs() {
        Answer controller = post("/controllers/configs/grid_for_script",
                "{\"controller_name\": \"grid_strike\", \"controller_type\": \"generic\", \"connector_name\": \"sim\","
                        + " \"trading_pair\": \"BTC-USDT\", \"start_price\": 50000, \"end_price\": 70000,"
                        + " \"limit_price\": 45000}");
        assertThat(controller.status()).as(controller.body()).isEqualTo(201);

        Answer missing = post("/scripts/configs/desk_bot", "{\"controllers_config\": [\"grid_for_script.yml\", \"nope\"]}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("controllers_config[1]").contains("nope");

        Answer unknownKey = post("/scripts/configs/desk_bot", "{\"controllers_config\": [], \"candle\": []}");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.json().get("detail").asString()).contains("candle");
        Answer badDrawdown = post("/scripts/configs/desk_bot", "{\"max_global_drawdown_quote\": -5}");
        assertThat(badDrawdown.status()).isEqualTo(400);
        assertThat(badDrawdown.json().get("detail").asString()).contains("max_global_drawdown_quote");
        Answer unknownScript = post("/scripts/configs/desk_bot", "{\"script_file_name\": \"mystery.py\"}");
        assertThat(unknownScript.status()).isEqualTo(400);
        assertThat(unknownScript.json().get("detail").asString()).contains("script_file_name");

        Answer saved = post("/scripts/configs/desk_bot",
                "{\"script_file_name\": \"v2_with_controllers.py\", \"controllers_config\": [\"grid_for_script\"],"
                        + " \"max_global_drawdown_quote\": 100.5}");
        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.json().get("message").asString()).isEqualTo("Configuration 'desk_bot' saved successfully");

        Answer config = get("/scripts/configs/desk_bot");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().at("/controllers_config/0").asString()).isEqualTo("grid_for_script.yml");
        assertThat(config.json().get("max_global_drawdown_quote").decimalValue()).isEqualByComparingTo("100.5");

        Answer list = get("/scripts/configs/");
        assertThat(list.status()).isEqualTo(200);
        var item = list.json().valueStream().filter(n -> n.get("config_name").asString().equals("desk_bot"))
                .findFirst().orElseThrow();
        assertThat(item.get("script_file_name").asString()).isEqualTo("v2_with_controllers.py");
        assertThat(item.get("markets").isObject()).isTrue();
        assertThat(item.get("candles_config").isArray()).isTrue();
        assertThat(get("/scripts/configs").status()).isEqualTo(200);

        assertThat(delete("/scripts/configs/desk_bot").status()).isEqualTo(200);
        Answer gone = get("/scripts/configs/desk_bot");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("detail").asString()).isEqualTo("Configuration 'desk_bot' not found");
        assertThat(delete("/scripts/configs/desk_bot").status()).isEqualTo(404);
        assertThat(post("/scripts/configs/desk_bot", "\"text\"").status()).isEqualTo(422);
    }
}
