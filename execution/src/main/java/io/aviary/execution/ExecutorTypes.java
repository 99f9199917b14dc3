package io.aviary.execution;

import java.util.List;
import java.util.Optional;

/**
 * The executor types a live host runs, with Hummingbot's descriptions and the fields {@link ExecutorConfigReader}
 * reads (name, JSON type, required, default as written), for {@code /executors/types/*}. Kept next to the reader so
 * the schema and what is accepted cannot drift apart (ExecutorTypesTest reads every required field).
 */
public final class ExecutorTypes {

    private ExecutorTypes() {
    }

    public record Field(String name, String type, boolean required, Object defaultValue, String description) {
    }

    public record Type(String type, String configClass, String description, String useCase, List<Field> fields) {
    }

    private static final Field ID = new Field("id", "string", false, null, "Executor id; assigned when absent");
    private static final Field TIMESTAMP = new Field("timestamp", "number", false, null,
            "Creation time, epoch seconds; now when absent (time limits count from it)");
    private static final Field CONTROLLER = new Field("controller_id", "string", false, "main", "Owning controller");
    private static final Field CONNECTOR = new Field("connector_name", "string", true, null, "Connector, e.g. binance");
    private static final Field PAIR = new Field("trading_pair", "string", true, null, "Trading pair, e.g. BTC-USDT");
    private static final Field SIDE = new Field("side", "enum", true, null, "BUY or SELL (or 1, 2)");
    private static final Field LEVERAGE = new Field("leverage", "integer", false, 1, "Leverage (perpetuals)");
    /** Aviary's addition (ADR 0031): set on a perpetual account before the first order; absent keeps the account's. */
    private static final Field POSITION_MODE = new Field("position_mode", "enum", false, null,
            "ONEWAY or HEDGE (perpetuals); the account's current mode when absent");
    private static final Field LEVEL = new Field("level_id", "string", false, null, "Level id of a controller");
    private static final Field BUYING = new Field("buying_market", "ConnectorPair", true, null,
            "Market bought on: {connector_name, trading_pair}");
    private static final Field SELLING = new Field("selling_market", "ConnectorPair", true, null,
            "Market sold on: {connector_name, trading_pair}; same base, a quote worth the same");
    private static final Field BARRIER = new Field("triple_barrier_config", "TripleBarrierConfig", false, null,
            "stop_loss, take_profit (fractions), time_limit (s), trailing_stop {activation_price, trailing_delta}, "
                    + "open/take_profit/stop_loss/time_limit_order_type (MARKET, LIMIT, LIMIT_MAKER or 1, 2, 3)");

    public static final List<Type> ALL = List.of(
            new Type("position_executor", "PositionExecutorConfig",
                    "Single position with triple barrier (stop loss, take profit, time limit)",
                    "Directional trading with risk management", List.of(ID, TIMESTAMP, CONTROLLER, CONNECTOR, PAIR,
                    SIDE, new Field("amount", "number", true, null, "Base amount"),
                    new Field("entry_price", "number", false, null, "Limit price of the open order; best bid/ask when absent"),
                    BARRIER, LEVERAGE, POSITION_MODE,
                    new Field("activation_bounds", "array", false, null, "Fractions of the mid within which the open order rests"),
                    LEVEL)),
            new Type("dca_executor", "DCAExecutorConfig", "Dollar-cost averaging with multiple entry points",
                    "Gradual position building", List.of(ID, TIMESTAMP, CONTROLLER, CONNECTOR, PAIR, SIDE, LEVERAGE,
                    POSITION_MODE, new Field("amounts_quote", "array", true, null, "Quote amount per level"),
                    new Field("prices", "array", true, null, "Price per level"),
                    new Field("take_profit", "number", false, null, "Fraction"),
                    new Field("stop_loss", "number", false, null, "Fraction"),
                    new Field("trailing_stop", "TrailingStop", false, null, "activation_price, trailing_delta"),
                    new Field("time_limit", "integer", false, null, "Seconds"),
                    new Field("mode", "enum", false, "MAKER", "MAKER or TAKER"),
                    new Field("activation_bounds", "array", false, null, "Fractions"), LEVEL)),
            new Type("grid_executor", "GridExecutorConfig", "Grid trading with multiple buy/sell levels",
                    "Range-bound market trading", List.of(ID, TIMESTAMP, CONTROLLER, CONNECTOR, PAIR, SIDE,
                    new Field("start_price", "number", true, null, "Lowest grid price"),
                    new Field("end_price", "number", true, null, "Highest grid price"),
                    new Field("limit_price", "number", true, null, "Price beyond which the grid stops"),
                    new Field("total_amount_quote", "number", true, null, "Quote amount over all levels"),
                    new Field("min_spread_between_orders", "number", false, "0.0005", "Fraction"),
                    new Field("min_order_amount_quote", "number", false, "5", "Quote"),
                    new Field("max_open_orders", "integer", false, 5, ""),
                    new Field("max_orders_per_batch", "integer", false, null, ""),
                    new Field("order_frequency", "integer", false, 0, "Seconds between batches"),
                    new Field("activation_bounds", "number", false, null, "Fraction"),
                    new Field("safe_extra_spread", "number", false, "0.0001", "Fraction"),
                    new Field("triple_barrier_config", "TripleBarrierConfig", true, null, "take_profit required"),
                    LEVERAGE, POSITION_MODE, LEVEL, new Field("keep_position", "boolean", false, false, ""),
                    new Field("coerce_tp_to_step", "boolean", false, false, ""))),
            new Type("order_executor", "OrderExecutorConfig", "Simple order execution with retry logic",
                    "Basic order placement with reliability", List.of(ID, TIMESTAMP, CONTROLLER, CONNECTOR, PAIR, SIDE,
                    new Field("amount", "number", true, null, "Base amount"),
                    new Field("position_action", "enum", false, "OPEN", "OPEN or CLOSE"),
                    new Field("price", "number", false, null, "Limit price (LIMIT, LIMIT_MAKER)"),
                    new Field("execution_strategy", "enum", true, null, "LIMIT, LIMIT_MAKER, MARKET or LIMIT_CHASER"),
                    new Field("chaser_config", "LimitChaserConfig", false, null, "distance, refresh_threshold"),
                    LEVERAGE, POSITION_MODE, LEVEL)),
            new Type("twap_executor", "TWAPExecutorConfig", "Time-weighted average price execution",
                    "Large order execution with minimal market impact", List.of(ID, TIMESTAMP, CONTROLLER, CONNECTOR,
                    PAIR, SIDE, LEVERAGE, POSITION_MODE, new Field("total_amount_quote", "number", true, null, "Quote"),
                    new Field("total_duration", "integer", true, null, "Seconds"),
                    new Field("order_interval", "integer", true, null, "Seconds"),
                    new Field("mode", "enum", false, "TAKER", "MAKER or TAKER"),
                    new Field("limit_order_buffer", "number", false, "0.0005", "Fraction (MAKER)"),
                    new Field("order_resubmission_time", "integer", false, null, "Seconds"), LEVEL)),
            new Type("arbitrage_executor", "ArbitrageExecutorConfig",
                    "Buys on one market and sells on another when the price gap net of taker fees pays",
                    "Cross-market arbitrage", List.of(ID, TIMESTAMP, CONTROLLER, BUYING, SELLING,
                    new Field("order_amount", "number", true, null, "Base amount of each leg"),
                    new Field("min_profitability", "number", true, null,
                            "Fraction the gap must exceed net of both taker fees"),
                    new Field("gas_conversion_price", "number", false, null,
                            "Gas token price in base (AMM connectors only; unused here)"))),
            new Type("xemm_executor", "XEMMExecutorConfig",
                    "Cross-exchange market making: a maker order on one market hedged at market on the other",
                    "Market making hedged on a more liquid venue", List.of(ID, TIMESTAMP, CONTROLLER, BUYING,
                    SELLING, new Field("maker_side", "enum", true, null,
                            "BUY (maker on buying_market) or SELL (maker on selling_market), or 1, 2"),
                    new Field("order_amount", "number", true, null, "Base amount"),
                    new Field("min_profitability", "number", true, null,
                            "Fraction net of fees below which the maker order is re-placed"),
                    new Field("target_profitability", "number", true, null,
                            "Fraction net of fees the maker order is priced for"),
                    new Field("max_profitability", "number", true, null,
                            "Fraction net of fees above which the maker order is re-placed"))));

    public static Optional<Type> find(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
