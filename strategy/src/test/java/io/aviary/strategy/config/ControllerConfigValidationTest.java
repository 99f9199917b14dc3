package io.aviary.strategy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TradeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid values (out of range, inconsistent, unknown names) and the lenient forms Hummingbot also accepts. */
class ControllerConfigValidationTest {

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                // controller, key set, value, key named, words of the fix
                bad("pmm_simple", "buy_amounts_pct", List.of("1", "2", "3"), "buy_amounts_pct",
                        "has 3 entries but buy_spreads has 2"),
                bad("pmm_simple", "sell_amounts_pct", "1", "sell_amounts_pct", "has 1 entries but sell_spreads has 2"),
                bad("pmm_simple", "buy_spreads", List.of(0.01, -0.02), "buy_spreads", "every spread must be 0 or more"),
                bad("pmm_simple", "buy_spreads", List.of(0.01, "abc"), "buy_spreads[1]", "must be a number"),
                bad("pmm_simple", "buy_amounts_pct", List.of("1", "-1"), "buy_amounts_pct", "must be 0 or more"),
                bad("pmm_simple", "stop_loss", "0", "stop_loss", "must be greater than 0"),
                bad("pmm_simple", "take_profit", -0.01, "take_profit", "must be greater than 0"),
                bad("pmm_simple", "time_limit", 0, "time_limit", "must be greater than 0"),
                bad("pmm_simple", "time_limit", 1.5, "time_limit", "must be a whole number"),
                bad("pmm_simple", "time_limit", 3_000_000_000L, "time_limit", "between"),
                bad("pmm_simple", "leverage", 0, "leverage", "must be 1 or more"),
                bad("pmm_simple", "leverage", true, "leverage", "must be a whole number"),
                bad("pmm_simple", "executor_refresh_time", 0, "executor_refresh_time", "greater than 0"),
                bad("pmm_simple", "cooldown_time", -1, "cooldown_time", "0 or more"),
                bad("pmm_simple", "position_mode", "BOTH", "position_mode", "must be one of HEDGE, ONEWAY"),
                bad("pmm_simple", "take_profit_order_type", "LIMIT_TAKER", "take_profit_order_type",
                        "must be one of MARKET, LIMIT, LIMIT_MAKER (or its code 1, 2, 3)"),
                bad("pmm_simple", "take_profit_order_type", 9, "take_profit_order_type", "must be one of"),
                bad("pmm_simple", "trailing_stop", "0.01", "trailing_stop", "'activation,delta'"),
                bad("pmm_simple", "trailing_stop", Map.of("activation_price", "0.01"), "trailing_stop.trailing_delta",
                        "is required"),
                bad("pmm_simple", "trailing_stop", Map.of("activation_price", "0.01", "trailing_delta", "0"),
                        "trailing_stop.trailing_delta", "must be greater than 0"),
                bad("pmm_simple", "position_rebalance_threshold_pct", "", "position_rebalance_threshold_pct",
                        "must be a decimal number"),
                bad("pmm_simple", "total_amount_quote", "0", "total_amount_quote", "must be greater than 0"),
                bad("pmm_simple", "total_amount_quote", "NaN", "total_amount_quote", "must be a decimal number"),
                bad("pmm_simple", "total_amount_quote", Double.POSITIVE_INFINITY, "total_amount_quote",
                        "must be a decimal number"),
                bad("pmm_simple", "stop_loss", "1e-999999", "stop_loss", "between 1e-40 and 1e40 in size"),
                bad("bollinger_v1", "bb_std", "1e999", "bb_std", "between 1e-40 and 1e40 in size"),
                bad("pmm_simple", "manual_kill_switch", "maybe", "manual_kill_switch", "must be true or false"),
                bad("pmm_simple", "connector_name", 42, "connector_name", "must be a text"),
                bad("pmm_simple", "connector_name", " ", "connector_name", "must not be empty"),
                bad("pmm_simple", "trading_pair", "x".repeat(201), "trading_pair", "at most 200 characters"),
                bad("pmm_simple", "controller_type", "directional_trading", "controller_type",
                        "must be 'market_making'"),
                bad("pmm_simple", "initial_positions", "none", "initial_positions", "must be a list"),
                bad("pmm_simple", "initial_positions",
                        List.of(Map.of("connector_name", "okx", "trading_pair", "BTC-USDT", "amount", "1",
                                "side", "HOLD")), "initial_positions[0].side", "must be one of BUY, SELL, RANGE"),
                bad("pmm_simple", "initial_positions",
                        List.of(Map.of("connector_name", "okx", "trading_pair", "WLD-USDT", "amount", "1",
                                "side", "BUY")), "initial_positions[0].connector_name",
                        "must be the controller's connector_name"),
                bad("grid_strike", "initial_positions",
                        List.of(Map.of("connector_name", "okx", "trading_pair", "WLD-USDT", "amount", "1",
                                "side", "BUY"), Map.of("connector_name", "okx", "trading_pair", "BTC-USDT",
                                "amount", "1", "side", "SELL")), "initial_positions[1].trading_pair",
                        "must be the controller's trading_pair"),
                bad("pmm_dynamic", "natr_length", 0, "natr_length", "must be 1 or more"),
                bad("pmm_dynamic", "macd_slow", "forty", "macd_slow", "must be a whole number"),
                bad("pmm_dynamic", "interval", "7m", "interval", "must be one of 1s, 1m, 3m"),
                bad("dman_maker_v2", "dca_amounts", List.of("0.1", "0.2"), "dca_amounts",
                        "has 2 entries but dca_spreads has 4"),
                bad("dman_maker_v2", "dca_spreads", List.of(), "dca_spreads", "at least one spread"),
                bad("dman_maker_v2", "dca_amounts", List.of("0", "0", "0", "0"), "dca_amounts", "sums to 0"),
                bad("dman_maker_v2", "top_executor_refresh_time", 0, "top_executor_refresh_time", "greater than 0"),
                bad("dman_maker_v2", "executor_activation_bounds", List.of("-0.1"), "executor_activation_bounds",
                        "0 or more"),
                bad("bollinger_v1", "cooldown_time", 0, "cooldown_time", "must be greater than 0"),
                bad("bollinger_v1", "max_executors_per_side", 0, "max_executors_per_side", "1 or more"),
                bad("bollinger_v1", "bb_length", 1, "bb_length", "must be 2 or more"),
                bad("bollinger_v1", "bb_std", 0.0, "bb_std", "must be greater than 0"),
                bad("bollinger_v1", "bb_long_threshold", "low", "bb_long_threshold", "must be a number"),
                bad("bollinger_v1", "candles_connector", List.of(), "candles_connector", "must be a text"),
                bad("macd_bb_v1", "macd_fast", 0, "macd_fast", "must be 1 or more"),
                bad("supertrend_v1", "multiplier", -4.0, "multiplier", "must be greater than 0"),
                bad("supertrend_v1", "percentage_threshold", -0.01, "percentage_threshold", "0 or more"),
                bad("supertrend_v1", "length", 0, "length", "must be 1 or more"),
                bad("dman_v3", "dca_amounts_pct", "0.5,0.5", "dca_amounts_pct", "has 2 entries but dca_spreads has 4"),
                bad("dman_v3", "dca_spreads", "", "dca_spreads", "at least one spread"),
                bad("dman_v3", "dynamic_order_spread", null, "dynamic_order_spread", "must be true or false"),
                bad("dman_v3", "activation_bounds", "0.1,x", "activation_bounds[1]", "must be a decimal number"),
                bad("grid_strike", "side", 3, "side", "must be BUY (1) or SELL (2)"),
                bad("grid_strike", "side", "BUY_SIDE", "side", "must be one of BUY, SELL, RANGE"),
                bad("grid_strike", "start_price", "0.80", "start_price", "must be below end_price"),
                bad("grid_strike", "limit_price", "0", "limit_price", "must be greater than 0"),
                bad("grid_strike", "max_open_orders", 0, "max_open_orders", "1 or more"),
                bad("grid_strike", "max_orders_per_batch", 0, "max_orders_per_batch", "1 or more"),
                bad("grid_strike", "order_frequency", -3, "order_frequency", "0 or more"),
                bad("grid_strike", "min_order_amount_quote", "-5", "min_order_amount_quote", "0 or more"),
                bad("grid_strike", "activation_bounds", "0", "activation_bounds", "greater than 0"),
                bad("grid_strike", "keep_position", 2, "keep_position", "must be true or false"),
                bad("grid_strike", "triple_barrier_config", Map.of("take_profit", "0.001", "stop_los", "0.01"),
                        "triple_barrier_config.stop_los", "unknown key; allowed keys are open_order_type, stop_loss"),
                bad("grid_strike", "triple_barrier_config", Map.of("open_order_type", 7),
                        "triple_barrier_config.open_order_type", "must be one of MARKET"),
                bad("grid_strike", "triple_barrier_config", Map.of("time_limit", -1),
                        "triple_barrier_config.time_limit", "must be greater than 0"),
                bad("grid_strike", "triple_barrier_config", "0.001", "triple_barrier_config", "must be a mapping"));
    }

    private static Arguments bad(String controller, String key, Object value, String namedKey, String fix) {
        return Arguments.of(controller, key, value, namedKey, fix);
    }

    @ParameterizedTest(name = "{0}: {1} = {2} -> {3}")
    @MethodSource("invalidValues")
    void anInvalidValueIsRejectedNamingTheKeyAndTheFix(String controller, String key, Object value, String namedKey,
                                                        String fix) {
        Map<String, Object> config = Examples.with(controller, key, value);

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(config));

        assertThat(e).isNotNull();
        assertThat(e.key()).isEqualTo(namedKey);
        assertThat(e.problem()).contains(fix);
        assertThat(e.getMessage()).isEqualTo(namedKey + ": " + e.problem());
    }

    @Test
    void aDynamicTargetNeedsAStopLossToScale() {
        Map<String, Object> config = Examples.with("dman_v3", "dynamic_target", true);
        config.put("stop_loss", null);

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(config));

        assertThat(e.key()).isEqualTo("stop_loss");
        assertThat(e.problem()).contains("must be set when dynamic_target is true");
    }

    @Test
    void bothSidesWithoutLevelsAreRejected() {
        Map<String, Object> config = Examples.with("pmm_simple", "buy_spreads", List.of());
        config.put("buy_amounts_pct", List.of());
        config.put("sell_spreads", "");
        config.put("sell_amounts_pct", null);

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(config));

        assertThat(e.key()).isEqualTo("buy_spreads");
        assertThat(e.problem()).contains("give at least one level");
    }

    @Test
    void theCandlesConfigKeyOfOlderHummingbotVersionsIsRejectedWithTheReason() {
        Map<String, Object> config = Examples.with("bollinger_v1", "candles_config", List.of());

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(config));

        assertThat(e.key()).isEqualTo("candles_config");
        assertThat(e.problem()).contains("removed in Hummingbot v2.13").contains("remove it");
    }

    @Test
    void unknownAndNameMismatchControllersAreRejectedNamingControllerName() {
        InvalidConfigException unknown = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(Map.of("id", "a", "controller_name", "pmm_complex")));
        InvalidConfigException missing = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(Map.of("id", "a")));
        InvalidConfigException mismatch = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.find("pmm_simple").orElseThrow()
                        .parse(Map.of("id", "a", "controller_name", "pmm_dynamic")));

        assertThat(unknown.key()).isEqualTo("controller_name");
        assertThat(unknown.problem()).contains("unknown controller").contains("pmm_simple, pmm_dynamic")
                .doesNotContain("pmm_complex");
        assertThat(missing.key()).isEqualTo("controller_name");
        assertThat(mismatch.key()).isEqualTo("controller_name");
        assertThat(mismatch.problem()).contains("must be 'pmm_simple'");
    }

    @Test
    void rejectedInputIsNeverEchoedAndUnknownKeysAreShortened() {
        String hugeValue = "9".repeat(100_000) + "x";
        String hugeKey = "k".repeat(10_000) + "\n\u0007";
        Map<String, Object> badValue = Examples.with("pmm_simple", "stop_loss", hugeValue);
        Map<String, Object> badKey = Examples.with("pmm_simple", hugeKey, 1);
        badKey.put("another_unknown", 2);

        InvalidConfigException value = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(badValue));
        InvalidConfigException key = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(badKey));

        assertThat(value.getMessage()).isEqualTo("stop_loss: must be a decimal number");
        assertThat(key.key()).isEqualTo("k".repeat(40) + "…");
        assertThat(key.getMessage()).hasSizeLessThan(300).doesNotContain("\n").contains("and 1 more unknown keys");
    }

    @Test
    void nonTextKeysAreRejected() {
        Map<Object, Object> config = new HashMap<>(Examples.load("pmm_simple"));
        config.put(7, "seven");

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(config));

        assertThat(e.key()).isEqualTo("<non-text key>");
    }

    @Test
    void hummingbotsLenientFormsAreReadAndWrittenBackInCanonicalForm() {
        Map<String, Object> config = Examples.load("pmm_simple");
        config.put("buy_spreads", "0.005, 0.01,0.02");
        config.put("buy_amounts_pct", "1,2,3");
        config.put("sell_spreads", 0.015);
        config.put("sell_amounts_pct", "");
        config.put("stop_loss", "");
        config.put("take_profit", 0.025);
        config.put("time_limit", "3600");
        config.put("take_profit_order_type", "OrderType.LIMIT_MAKER");
        config.put("trailing_stop", "0.015,0.005");
        config.put("position_mode", "oneway");
        config.put("manual_kill_switch", "yes");
        config.put("total_amount_quote", 1000);

        Map<String, Object> written = ControllerRegistry.parse(config).toMap();

        assertThat(written).containsEntry("buy_spreads", List.of(0.005, 0.01, 0.02))
                .containsEntry("buy_amounts_pct", List.of("1", "2", "3"))
                .containsEntry("sell_spreads", List.of(0.015))
                .containsEntry("sell_amounts_pct", List.of("1"))
                .containsEntry("stop_loss", null)
                .containsEntry("take_profit", "0.025")
                .containsEntry("time_limit", 3600)
                .containsEntry("take_profit_order_type", 3)
                .containsEntry("trailing_stop", Map.of("activation_price", "0.015", "trailing_delta", "0.005"))
                .containsEntry("position_mode", "ONEWAY")
                .containsEntry("manual_kill_switch", true)
                .containsEntry("total_amount_quote", "1000");
    }

    @Test
    void aNullTakeProfitOrderTypeMeansMarketAsInHummingbot() {
        Map<String, Object> written = ControllerRegistry.parse(
                Examples.with("bollinger_v1", "take_profit_order_type", null)).toMap();

        assertThat(written).containsEntry("take_profit_order_type", OrderType.MARKET.code());
    }

    @Test
    void candleSourceDefaultsToTheControllersConnectorAndPairWhenEmpty() {
        Map<String, Object> config = Examples.with("macd_bb_v1", "connector_name", "okx");
        config.put("trading_pair", "ETH-USDT");
        config.put("candles_connector", "");
        config.put("candles_trading_pair", null);

        MacdBbV1Config parsed = (MacdBbV1Config) ControllerRegistry.parse(config);

        assertThat(parsed.candles()).isEqualTo(new CandleSource("okx", "ETH-USDT", "3m"));
    }

    @Test
    void dmanV3SplitsAmountsEquallyLikePythonDecimals() {
        Map<String, Object> config = Examples.with("dman_v3", "dca_spreads", List.of("0.01", "0.02", "0.03"));
        config.put("dca_amounts_pct", null);

        DManV3Config parsed = (DManV3Config) ControllerRegistry.parse(config);

        // Decimal('1.0') / 3 in Python's default context (28 significant digits).
        assertThat(parsed.dcaAmountsPct()).extracting(BigDecimal::toString)
                .containsExactly("0.3333333333333333333333333333", "0.3333333333333333333333333333",
                        "0.3333333333333333333333333333");
    }

    @Test
    void gridStrikeTakesOrderTypeNamesInsideTheTripleBarrierAndWritesCodesWithClassDefaultsForTheRest() {
        Map<String, Object> config = Examples.with("grid_strike", "triple_barrier_config",
                Map.of("open_order_type", "LIMIT_MAKER", "take_profit", "0.002"));
        config.put("side", "SELL");

        GridStrikeConfig parsed = (GridStrikeConfig) ControllerRegistry.parse(config);
        Map<String, Object> written = parsed.toMap();

        assertThat(parsed.side()).isEqualTo(TradeType.SELL);
        assertThat(written).containsEntry("side", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> barrier = (Map<String, Object>) written.get("triple_barrier_config");
        assertThat(new ArrayList<>(barrier.keySet())).isSorted();
        assertThat(barrier).containsEntry("open_order_type", 3)
                .containsEntry("take_profit", "0.002")
                .containsEntry("take_profit_order_type", 1) // TripleBarrierConfig's class default: MARKET
                .containsEntry("stop_loss", null);
    }

    @Test
    void initialPositionsAreReadAndWrittenWithSortedKeysAndSideCodes() {
        Map<String, Object> position = Map.of("connector_name", "binance_perpetual", "trading_pair", "WLD-USDT",
                "amount", 0.5, "side", "buy"); // the example's own market (others are refused)
        Map<String, Object> written = ControllerRegistry.parse(
                Examples.with("pmm_simple", "initial_positions", List.of(position))).toMap();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> positions = (List<Map<String, Object>>) written.get("initial_positions");
        assertThat(positions).hasSize(1);
        assertThat(new ArrayList<>(positions.getFirst().keySet()))
                .containsExactly("amount", "connector_name", "side", "trading_pair");
        assertThat(positions.getFirst()).containsEntry("amount", "0.5").containsEntry("side", 1);
    }

    @Test
    void listsLongerThanTheBoundAreRejected() {
        Double[] spreads = new Double[1_001];
        Arrays.fill(spreads, 0.01);

        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class,
                () -> ControllerRegistry.parse(Examples.with("pmm_simple", "buy_spreads", Arrays.asList(spreads))));

        assertThat(e.key()).isEqualTo("buy_spreads");
        assertThat(e.problem()).contains("at most 1000 entries");
    }
}
