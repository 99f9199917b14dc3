package io.aviary.strategy.config;

import io.aviary.strategy.executor.OrderType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The keys several controllers share, with Hummingbot's names, field order, defaults and validation
 * ({@code ControllerConfigBase}, {@code MarketMakingControllerConfigBase},
 * {@code DirectionalTradingControllerConfigBase}, and the candle/indicator fields of the reference controllers).
 *
 * <p>Where Hummingbot accepts a value its controller then crashes on or cannot mean (a leverage of 0, a negative
 * spread, a Bollinger length of 1), Aviary rejects it here instead; each such bound is in the reader.
 */
final class Keys {

    static final String STR = "<class 'str'>";
    static final String INT = "<class 'int'>";
    static final String FLOAT = "<class 'float'>";
    static final String BOOL = "<class 'bool'>";
    static final String DECIMAL = "<class 'decimal.Decimal'>";
    static final String OPT_DECIMAL = "typing.Optional[decimal.Decimal]";
    static final String OPT_INT = "typing.Optional[int]";
    static final String OPT_FLOAT = "typing.Optional[float]";
    static final String LIST_FLOAT = "typing.List[float]";
    static final String LIST_DECIMAL = "typing.List[decimal.Decimal]";
    static final String OPT_LIST_DECIMAL = "typing.Optional[typing.List[decimal.Decimal]]";
    static final String ORDER_TYPE = "<enum 'OrderType'>";
    static final String TRADE_TYPE = "<enum 'TradeType'>";
    static final String POSITION_MODE = "<enum 'PositionMode'>";
    static final String OPT_TRAILING_STOP =
            "typing.Optional[hummingbot.strategy_v2.executors.position_executor.data_types.TrailingStop]";
    static final String TRIPLE_BARRIER =
            "<class 'hummingbot.strategy_v2.executors.position_executor.data_types.TripleBarrierConfig'>";
    static final String INITIAL_POSITIONS =
            "typing.List[hummingbot.strategy_v2.models.position_config.InitialPositionConfig]";

    private Keys() {
    }

    // ---- ControllerConfigBase

    static final ConfigKey<String> ID = ConfigKey.of("id", STR, null, Readers.text(), Writers::same).asRequired();
    static final ConfigKey<BigDecimal> TOTAL_AMOUNT_QUOTE = ConfigKey.of("total_amount_quote", DECIMAL, "100",
            Readers.decimal().require(d -> d.signum() > 0, "must be greater than 0"), Writers::decimal);
    static final ConfigKey<Boolean> MANUAL_KILL_SWITCH =
            ConfigKey.of("manual_kill_switch", BOOL, false, Readers.bool(), Writers::same);
    static final ConfigKey<List<InitialPosition>> INITIAL_POSITIONS_KEY = ConfigKey.of("initial_positions",
            INITIAL_POSITIONS, List.of(), Readers.initialPositions(), Writers::initialPositions);

    static ConfigKey<String> controllerName(String name) {
        return ConfigKey.of("controller_name", STR, name, Readers.fixedText(name), Writers::same);
    }

    static ConfigKey<String> controllerType(ControllerKind kind) {
        return ConfigKey.of("controller_type", STR, kind.wireName(), Readers.fixedText(kind.wireName()),
                Writers::same);
    }

    /** The base keys in Hummingbot's order: id, controller_name, controller_type, total_amount_quote, … */
    static List<ConfigKey<?>> base(String name, ControllerKind kind) {
        return List.of(ID, controllerName(name), controllerType(kind), TOTAL_AMOUNT_QUOTE, MANUAL_KILL_SWITCH,
                INITIAL_POSITIONS_KEY);
    }

    // ---- market and risk keys shared by the market-making and directional bases

    static final ConfigKey<String> CONNECTOR_NAME =
            ConfigKey.of("connector_name", STR, "binance_perpetual", Readers.text(), Writers::same);
    static final ConfigKey<String> TRADING_PAIR =
            ConfigKey.of("trading_pair", STR, "WLD-USDT", Readers.text(), Writers::same);
    static final ConfigKey<Integer> LEVERAGE = ConfigKey.of("leverage", INT, 20,
            Readers.integer().require(i -> i >= 1, "must be 1 or more"), Writers::same);
    static final ConfigKey<PositionMode> POSITION_MODE_KEY =
            ConfigKey.of("position_mode", POSITION_MODE, "HEDGE", Readers.positionMode(), Writers::positionMode);
    static final ConfigKey<BigDecimal> STOP_LOSS = ConfigKey.of("stop_loss", OPT_DECIMAL, "0.03",
            positiveDecimal().optional(), Writers::decimal);
    static final ConfigKey<BigDecimal> TAKE_PROFIT = ConfigKey.of("take_profit", OPT_DECIMAL, "0.02",
            positiveDecimal().optional(), Writers::decimal);
    static final ConfigKey<Integer> TIME_LIMIT = ConfigKey.of("time_limit", OPT_INT, 2700,
            Readers.integer().require(i -> i > 0, "must be greater than 0 (seconds), or null for none").optional(),
            Writers::same);
    /** Hummingbot's validator maps null to MARKET. */
    static final ConfigKey<OrderType> TAKE_PROFIT_ORDER_TYPE = ConfigKey.of("take_profit_order_type", ORDER_TYPE,
            OrderType.LIMIT.code(),
            (raw, earlier) -> raw == null ? OrderType.MARKET : Readers.orderType().read(raw, earlier),
            Writers::orderType);
    static final ConfigKey<TrailingStopSettings> TRAILING_STOP = ConfigKey.of("trailing_stop", OPT_TRAILING_STOP, null,
            Readers.trailingStop(), Writers::trailingStop);

    // ---- MarketMakingControllerConfigBase

    static final ConfigKey<List<Double>> BUY_SPREADS = spreads("buy_spreads");
    static final ConfigKey<List<Double>> SELL_SPREADS = spreads("sell_spreads");
    static final ConfigKey<List<BigDecimal>> BUY_AMOUNTS_PCT = amountsPct("buy_amounts_pct", BUY_SPREADS);
    static final ConfigKey<List<BigDecimal>> SELL_AMOUNTS_PCT = amountsPct("sell_amounts_pct", SELL_SPREADS);
    static final ConfigKey<Integer> EXECUTOR_REFRESH_TIME = ConfigKey.of("executor_refresh_time", INT, 300,
            Readers.integer().require(i -> i > 0, "must be greater than 0 (seconds)"), Writers::same);
    static final ConfigKey<Integer> MARKET_MAKING_COOLDOWN_TIME = ConfigKey.of("cooldown_time", INT, 15,
            Readers.integer().require(i -> i >= 0, "must be 0 or more (seconds)"), Writers::same);
    static final ConfigKey<BigDecimal> POSITION_REBALANCE_THRESHOLD_PCT = ConfigKey.of(
            "position_rebalance_threshold_pct", DECIMAL, "0.05",
            Readers.decimal().require(d -> d.signum() >= 0, "must be 0 or more"), Writers::decimal);
    static final ConfigKey<Boolean> SKIP_REBALANCE =
            ConfigKey.of("skip_rebalance", BOOL, false, Readers.bool(), Writers::same);

    static List<ConfigKey<?>> marketMaking() {
        return List.of(CONNECTOR_NAME, TRADING_PAIR, BUY_SPREADS, SELL_SPREADS, BUY_AMOUNTS_PCT, SELL_AMOUNTS_PCT,
                EXECUTOR_REFRESH_TIME, MARKET_MAKING_COOLDOWN_TIME, LEVERAGE, POSITION_MODE_KEY, STOP_LOSS,
                TAKE_PROFIT, TIME_LIMIT, TAKE_PROFIT_ORDER_TYPE, TRAILING_STOP, POSITION_REBALANCE_THRESHOLD_PCT,
                SKIP_REBALANCE);
    }

    // ---- DirectionalTradingControllerConfigBase

    static final ConfigKey<Integer> MAX_EXECUTORS_PER_SIDE = ConfigKey.of("max_executors_per_side", INT, 2,
            Readers.integer().require(i -> i >= 1, "must be 1 or more"), Writers::same);
    static final ConfigKey<Integer> DIRECTIONAL_COOLDOWN_TIME = ConfigKey.of("cooldown_time", INT, 300,
            Readers.integer().require(i -> i > 0, "must be greater than 0 (seconds)"), Writers::same);

    static List<ConfigKey<?>> directional() {
        return List.of(CONNECTOR_NAME, TRADING_PAIR, MAX_EXECUTORS_PER_SIDE, DIRECTIONAL_COOLDOWN_TIME, LEVERAGE,
                POSITION_MODE_KEY, STOP_LOSS, TAKE_PROFIT, TIME_LIMIT, TAKE_PROFIT_ORDER_TYPE, TRAILING_STOP);
    }

    // ---- candles and indicators of the reference controllers

    /** Null or "" means the controller's own connector / pair, as Hummingbot's validators do. */
    static final ConfigKey<String> CANDLES_CONNECTOR = ConfigKey.of("candles_connector", STR, null,
            Readers.textOr(CONNECTOR_NAME), Writers::same);
    static final ConfigKey<String> CANDLES_TRADING_PAIR = ConfigKey.of("candles_trading_pair", STR, null,
            Readers.textOr(TRADING_PAIR), Writers::same);
    static final ConfigKey<String> INTERVAL = ConfigKey.of("interval", STR, "3m", Readers.interval(), Writers::same);

    static List<ConfigKey<?>> candles() {
        return List.of(CANDLES_CONNECTOR, CANDLES_TRADING_PAIR, INTERVAL);
    }

    static final ConfigKey<Integer> BB_LENGTH = ConfigKey.of("bb_length", INT, 100,
            Readers.integer().require(i -> i >= 2, "must be 2 or more (candles)"), Writers::same);
    static final ConfigKey<Double> BB_STD = ConfigKey.of("bb_std", FLOAT, 2.0,
            Readers.floating().require(d -> d > 0, "must be greater than 0"), Writers::same);
    static final ConfigKey<Double> BB_LONG_THRESHOLD =
            ConfigKey.of("bb_long_threshold", FLOAT, 0.0, Readers.floating(), Writers::same);
    static final ConfigKey<Double> BB_SHORT_THRESHOLD =
            ConfigKey.of("bb_short_threshold", FLOAT, 1.0, Readers.floating(), Writers::same);

    static List<ConfigKey<?>> bollinger() {
        return List.of(BB_LENGTH, BB_STD, BB_LONG_THRESHOLD, BB_SHORT_THRESHOLD);
    }

    static final ConfigKey<Integer> MACD_FAST = length("macd_fast", 21);
    static final ConfigKey<Integer> MACD_SLOW = length("macd_slow", 42);
    static final ConfigKey<Integer> MACD_SIGNAL = length("macd_signal", 9);

    static List<ConfigKey<?>> macd() {
        return List.of(MACD_FAST, MACD_SLOW, MACD_SIGNAL);
    }

    static ConfigKey<Integer> length(String name, int defaultValue) {
        return ConfigKey.of(name, INT, defaultValue,
                Readers.integer().require(i -> i >= 1, "must be 1 or more (candles)"), Writers::same);
    }

    static ValueReader<BigDecimal> positiveDecimal() {
        return Readers.decimal().require(d -> d.signum() > 0, "must be greater than 0, or null for none");
    }

    static ValueReader<List<BigDecimal>> nonNegativeDecimals() {
        return Readers.decimalList().require(l -> l.stream().allMatch(d -> d.signum() >= 0),
                "every entry must be 0 or more");
    }

    /** An optional list of decimals (activation bounds): null, "" or a list / comma-separated text. */
    static ValueReader<List<BigDecimal>> optionalDecimals() {
        return nonNegativeDecimals().optional();
    }

    private static ConfigKey<List<Double>> spreads(String name) {
        return ConfigKey.of(name, LIST_FLOAT, List.of(0.01, 0.02),
                Readers.floatList().require(l -> l.stream().allMatch(d -> d >= 0), "every spread must be 0 or more"),
                Writers::doubles);
    }

    /** Null or "" means one equal share per spread level (Hummingbot's {@code [1] * len(spreads)}). */
    private static ConfigKey<List<BigDecimal>> amountsPct(String name, ConfigKey<List<Double>> spreads) {
        ValueReader<List<BigDecimal>> given = nonNegativeDecimals();
        return ConfigKey.of(name, "typing.Optional[typing.List[decimal.Decimal]]", null,
                (raw, earlier) -> raw == null || "".equals(raw)
                        ? java.util.Collections.nCopies(earlier.get(spreads).size(), BigDecimal.ONE)
                        : given.read(raw, earlier),
                Writers::decimals);
    }

    /** The written form of a trailing stop, for defaults. */
    static Map<String, Object> trailingStopDefault(String activation, String delta) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("activation_price", activation);
        map.put("trailing_delta", delta);
        return java.util.Collections.unmodifiableMap(map);
    }
}
