package io.aviary.strategy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aviary.strategy.SyntheticCandles;
import io.aviary.strategy.backtest.BacktestEngine;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestSettings;
import io.aviary.strategy.controller.Controllers;
import io.aviary.strategy.market.Candles;
import io.aviary.strategy.TestConfigs;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hosts' path from a stored config to a run: the registry parses what a client saved (defaults filled), the
 * engine makes the controller that config names and backtests it. Every controller with an engine implementation
 * must get through with nothing but its own config (all eight now); an unknown name is refused with the reason.
 */
class ConfigsBacktestTest {

    private static final Candles DAYS = SyntheticCandles.randomWalk(20_000, 100, 0.002, 7);

    @ParameterizedTest
    @ValueSource(strings = {"bollinger_v1", "macd_bb_v1", "supertrend_v1", "pmm_simple", "pmm_dynamic",
        "dman_maker_v2", "dman_v3", "grid_strike"})
    void aParsedConfigOfEveryControllerBacktests(String name) {
        Map<String, Object> raw = new HashMap<>(Map.of("id", "t-" + name, "controller_name", name,
                "connector_name", "sim", "trading_pair", "BTC-USDT", "total_amount_quote", "1000"));
        if (name.equals("grid_strike")) {
            // the template's range (0.38..0.75) is WLD's; these candles start at 100
            raw.putAll(Map.of("start_price", "90", "end_price", "110", "limit_price", "80"));
        }
        if (name.equals("dman_maker_v2")) {
            // its first DCA price is ~2 % from the mid: idle executors refreshed every 5 min never fill on this walk
            raw.put("executor_refresh_time", 3600);
        }
        V2ControllerConfig config = ControllerRegistry.parse(raw);
        assertThat(Controllers.IMPLEMENTED).contains(name);
        BacktestResult result = new BacktestEngine(new BacktestSettings(0.0006, 0, 1000))
                .run(Controllers.create(config), DAYS);
        assertThat(result.executors()).as("%s created executors over %d candles", name, DAYS.size()).isNotEmpty();
        assertThat(result.executors()).as("%s traded", name).anyMatch(e -> e.filledAmountQuote() > 0);
        assertThat(result.results().netPnlQuote()).isFinite();
        assertThat(result.results().sharpeRatio()).isFinite();
    }

    @Test
    void aControllerWithoutAnEngineImplementationIsRefusedByName() {
        var config = new TestConfigs.Plain("x", "xemm_multiple_levels", "generic", "sim", "BTC-USDT",
                java.math.BigDecimal.TEN);
        assertThatThrownBy(() -> Controllers.create(config)).hasMessageContaining("xemm_multiple_levels");
    }
}
