package io.aviary.strategy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.controller.Controllers;
import io.aviary.strategy.market.Candles;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hosts' path from a stored config to a run: the registry parses what a client saved (defaults filled), the
 * engine makes the controller that config names and backtests it. Every controller with an engine implementation
 * must get through with nothing but its own config; the others are refused with the reason.
 */
class ConfigsBacktestTest {

    private static final Candles DAYS = SyntheticCandles.randomWalk(20_000, 100, 0.002, 7);

    @ParameterizedTest
    @ValueSource(strings = {"bollinger_v1", "macd_bb_v1", "supertrend_v1", "pmm_simple"})
    void aParsedConfigOfAnImplementedControllerBacktests(String name) {
        V2ControllerConfig config = ControllerRegistry.parse(Map.of("id", "t-" + name, "controller_name", name,
                "connector_name", "sim", "trading_pair", "BTC-USDT", "total_amount_quote", "1000"));
        BacktestResult result = new BacktestEngine(new BacktestSettings(0.0006, 0, 1000))
                .run(Controllers.create(config), DAYS);
        assertThat(result.executors()).as("%s opened positions over %d candles", name, DAYS.size()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pmm_dynamic", "dman_maker_v2", "dman_v3", "grid_strike"})
    void aControllerWithoutAnEngineImplementationIsRefusedByName(String name) {
        V2ControllerConfig config = ControllerRegistry.parse(Map.of("id", "t-" + name, "controller_name", name,
                "connector_name", "sim", "trading_pair", "BTC-USDT", "total_amount_quote", "1000"));
        assertThatThrownBy(() -> Controllers.create(config)).hasMessageContaining(name);
    }
}
