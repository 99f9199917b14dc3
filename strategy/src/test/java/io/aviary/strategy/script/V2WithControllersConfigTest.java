package io.aviary.strategy.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.strategy.config.InvalidConfigException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class V2WithControllersConfigTest {

    @Test
    void theTemplateHasEveryKeyWithItsDefault() {
        assertThat(V2WithControllersConfig.template()).containsExactly(
                entry("script_file_name", "v2_with_controllers.py"),
                entry("controllers_config", List.of()),
                entry("candles_config", List.of()),
                entry("markets", Map.of()),
                entry("max_global_drawdown_quote", null),
                entry("max_controller_drawdown_quote", null));
    }

    @Test
    void aDeployedConfigReadsWithItsYmlNamesAndLegacyDrawdownKeys() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("script_file_name", "v2_with_controllers.py");
        raw.put("controllers_config", List.of("my_pmm.yml", "bb_1"));
        raw.put("max_global_drawdown", 100);
        raw.put("max_controller_drawdown_quote", "50.5");
        raw.put("markets", Map.of("sim", List.of("BTC-USDT")));

        V2WithControllersConfig config = V2WithControllersConfig.fromMap(raw);

        assertThat(config.controllersConfig()).containsExactly("my_pmm.yml", "bb_1.yml");
        assertThat(config.controllerConfigNames()).containsExactly("my_pmm", "bb_1");
        assertThat(config.maxGlobalDrawdownQuote()).isEqualByComparingTo("100");
        assertThat(config.maxControllerDrawdownQuote()).isEqualTo(new BigDecimal("50.5"));
        assertThat(config.toMap()).containsKey("max_global_drawdown_quote").doesNotContainKey("max_global_drawdown");
        assertThat(V2WithControllersConfig.fromMap(config.toMap())).isEqualTo(config);
    }

    @Test
    void refusalsNameTheKey() {
        assertRefused(Map.of("script_file_name", "other.py"), "script_file_name");
        assertRefused(Map.of("controllers", List.of()), "controllers");
        assertRefused(Map.of("controllers_config", "a.yml"), "controllers_config");
        assertRefused(Map.of("controllers_config", List.of("ok", "../etc/passwd")), "controllers_config[1]");
        assertRefused(Map.of("controllers_config", List.of("a", "a.yml")), "controllers_config[1]");
        assertRefused(Map.of("candles_config", List.of("x")), "candles_config[0]");
        assertRefused(Map.of("markets", Map.of("sim", "BTC-USDT")), "markets.sim");
        assertRefused(Map.of("max_global_drawdown_quote", -1), "max_global_drawdown_quote");
        assertRefused(Map.of("max_controller_drawdown_quote", "lots"), "max_controller_drawdown_quote");
        assertRefused(Map.of("max_global_drawdown", 1, "max_global_drawdown_quote", 2), "max_global_drawdown_quote");
    }

    private static void assertRefused(Map<String, Object> raw, String key) {
        assertThatThrownBy(() -> V2WithControllersConfig.fromMap(raw))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }
}
