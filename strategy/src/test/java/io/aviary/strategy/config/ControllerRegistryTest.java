package io.aviary.strategy.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.strategy.controller.BollingerV1Settings;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TrailingStop;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry (names, kinds, templates) and what the engine reads from a parsed config. */
class ControllerRegistryTest {

    @Test
    void listsEveryControllerUnderItsKind() {
        assertThat(ControllerRegistry.namesByKind()).containsExactly(
                Map.entry(ControllerKind.MARKET_MAKING, List.of("pmm_simple", "pmm_dynamic", "dman_maker_v2")),
                Map.entry(ControllerKind.DIRECTIONAL_TRADING,
                        List.of("bollinger_v1", "macd_bb_v1", "supertrend_v1", "dman_v3")),
                Map.entry(ControllerKind.GENERIC, List.of("grid_strike")));
    }

    @Test
    void findsAControllerOnlyUnderItsOwnKind() {
        assertThat(ControllerRegistry.find(ControllerKind.DIRECTIONAL_TRADING, "bollinger_v1"))
                .get().extracting(ControllerType::kind).isEqualTo(ControllerKind.DIRECTIONAL_TRADING);
        assertThat(ControllerRegistry.find(ControllerKind.MARKET_MAKING, "bollinger_v1")).isEmpty();
        assertThat(ControllerRegistry.find("pmm_complex")).isEmpty();
        assertThat(ControllerKind.fromWireName("generic")).contains(ControllerKind.GENERIC);
        assertThat(ControllerKind.fromWireName("scripts")).isEmpty();
    }

    @Test
    void theTemplateMapHasHummingbotApisShape() {
        Map<String, Object> template = ControllerRegistry.find("dman_v3").orElseThrow().templateMap();

        assertThat(template.keySet()).startsWith("id", "controller_name", "controller_type", "total_amount_quote");
        Map<String, Object> id = new HashMap<>();
        id.put("default", null);
        id.put("type", "<class 'str'>");
        id.put("required", true);
        assertThat(template.get("id")).isEqualTo(id);
        assertThat(template.get("trailing_stop")).isEqualTo(Map.of(
                "default", Map.of("activation_price", "0.015", "trailing_delta", "0.005"),
                "type", "typing.Optional[hummingbot.strategy_v2.executors.position_executor.data_types.TrailingStop]",
                "required", false));
        assertThat(template.get("take_profit_order_type")).isEqualTo(Map.of(
                "default", 2, "type", "<enum 'OrderType'>", "required", false));
    }

    @Test
    void aDirectionalConfigGivesTheEngineItsSettingsWithMarketOpens() {
        Map<String, Object> config = Examples.with("bollinger_v1", "trailing_stop", "0.015,0.005");
        config.put("bb_length", 20);

        BollingerV1Settings settings = (BollingerV1Settings) ControllerRegistry.parse(config);

        assertThat(settings.controllerType()).isEqualTo("directional_trading");
        assertThat(settings.totalAmountQuote()).isEqualByComparingTo("100");
        assertThat(settings.bbLength()).isEqualTo(20);
        assertThat(settings.bbStd()).isEqualTo(2.0);
        assertThat(settings.cooldownTime()).isEqualTo(300L);
        assertThat(settings.maxExecutorsPerSide()).isEqualTo(2);
        assertThat(settings.tripleBarrierConfig()).isEqualTo(new TripleBarrierConfig(0.03, 0.02, 2700L,
                new TrailingStop(0.015, 0.005), OrderType.MARKET, OrderType.LIMIT, OrderType.MARKET,
                OrderType.MARKET));
    }

    @Test
    void aMarketMakingConfigOpensWithLimitOrders() {
        MarketMakingControllerConfig config =
                (MarketMakingControllerConfig) ControllerRegistry.parse(Examples.load("pmm_simple"));

        assertThat(config.tripleBarrierConfig().openOrderType()).isEqualTo(OrderType.LIMIT);
        assertThat(config.tripleBarrierConfig().stopLoss()).isEqualTo(0.03);
    }
}
