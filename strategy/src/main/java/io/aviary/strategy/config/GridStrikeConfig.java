package io.aviary.strategy.config;

import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TradeType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code grid_strike} (generic): one grid executor of orders between {@code start_price} and {@code end_price},
 * stopped at {@code limit_price}, each order closed by {@code triple_barrier_config}.
 */
public record GridStrikeConfig(
        CommonSettings common,
        int leverage,
        PositionMode positionMode,
        String connectorName,
        String tradingPair,
        TradeType side,
        BigDecimal startPrice,
        BigDecimal endPrice,
        BigDecimal limitPrice,
        BigDecimal minSpreadBetweenOrders,
        BigDecimal minOrderAmountQuote,
        int maxOpenOrders,
        Integer maxOrdersPerBatch,
        int orderFrequency,
        BigDecimal activationBounds,
        boolean keepPosition,
        TripleBarrierSettings tripleBarrierConfig)
        implements V2ControllerConfig, io.aviary.strategy.controller.GridStrikeSettings {

    public static final String NAME = "grid_strike";

    static final ConfigKey<String> CONNECTOR_NAME = Keys.CONNECTOR_NAME.withDefault("okx");
    static final ConfigKey<TradeType> SIDE = ConfigKey.of("side", Keys.TRADE_TYPE, TradeType.BUY.code(),
            Readers.tradeType().require(t -> t != TradeType.RANGE, "must be BUY (1) or SELL (2)"),
            Writers::tradeType);
    static final ConfigKey<BigDecimal> START_PRICE = price("start_price", "0.38");
    static final ConfigKey<BigDecimal> END_PRICE = price("end_price", "0.75");
    static final ConfigKey<BigDecimal> LIMIT_PRICE = price("limit_price", "0.35");
    static final ConfigKey<BigDecimal> MIN_SPREAD_BETWEEN_ORDERS = ConfigKey.of("min_spread_between_orders",
            Keys.OPT_DECIMAL, "0.001", nonNegative().optional(), Writers::decimal);
    static final ConfigKey<BigDecimal> MIN_ORDER_AMOUNT_QUOTE = ConfigKey.of("min_order_amount_quote",
            Keys.OPT_DECIMAL, "5", nonNegative().optional(), Writers::decimal);
    static final ConfigKey<Integer> MAX_OPEN_ORDERS = ConfigKey.of("max_open_orders", Keys.INT, 2,
            Readers.integer().require(i -> i >= 1, "must be 1 or more"), Writers::same);
    static final ConfigKey<Integer> MAX_ORDERS_PER_BATCH = ConfigKey.of("max_orders_per_batch", Keys.OPT_INT, 1,
            Readers.integer().require(i -> i >= 1, "must be 1 or more, or null for no limit").optional(),
            Writers::same);
    static final ConfigKey<Integer> ORDER_FREQUENCY = ConfigKey.of("order_frequency", Keys.INT, 3,
            Readers.integer().require(i -> i >= 0, "must be 0 or more (seconds)"), Writers::same);
    static final ConfigKey<BigDecimal> ACTIVATION_BOUNDS = ConfigKey.of("activation_bounds", Keys.OPT_DECIMAL,
            null, Readers.decimal().require(d -> d.signum() > 0, "must be greater than 0, or null for none")
                    .optional(), Writers::decimal);
    static final ConfigKey<Boolean> KEEP_POSITION =
            ConfigKey.of("keep_position", Keys.BOOL, false, Readers.bool(), Writers::same);
    static final ConfigKey<TripleBarrierSettings> TRIPLE_BARRIER_CONFIG = ConfigKey.of("triple_barrier_config",
            Keys.TRIPLE_BARRIER, defaultTripleBarrier(), Readers.tripleBarrier(), Writers::tripleBarrier);

    static final ConfigSchema SCHEMA = ConfigSchema.builder(NAME)
            .add(Keys.base(NAME, ControllerKind.GENERIC))
            .override(Keys.TOTAL_AMOUNT_QUOTE.withDefault("1000"))
            .add(Keys.LEVERAGE, Keys.POSITION_MODE_KEY, CONNECTOR_NAME, Keys.TRADING_PAIR, SIDE, START_PRICE,
                    END_PRICE, LIMIT_PRICE, MIN_SPREAD_BETWEEN_ORDERS, MIN_ORDER_AMOUNT_QUOTE, MAX_OPEN_ORDERS,
                    MAX_ORDERS_PER_BATCH, ORDER_FREQUENCY, ACTIVATION_BOUNDS, KEEP_POSITION, TRIPLE_BARRIER_CONFIG)
            .build();

    public GridStrikeConfig {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(positionMode, "positionMode");
        Objects.requireNonNull(connectorName, "connectorName");
        Objects.requireNonNull(tradingPair, "tradingPair");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(startPrice, "startPrice");
        Objects.requireNonNull(endPrice, "endPrice");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(tripleBarrierConfig, "tripleBarrierConfig");
        if (startPrice.compareTo(endPrice) >= 0) {
            throw InvalidConfigException.at(START_PRICE.name(), "must be below end_price");
        }
    }

    /** The grid executor's barriers (each level's take profit; stop loss / time limit / trailing on the grid). */
    @Override
    public io.aviary.strategy.executor.TripleBarrierConfig gridTripleBarrier() {
        return tripleBarrierConfig.toExecutor();
    }

    public static GridStrikeConfig fromMap(Map<?, ?> raw) {
        ConfigValues v = SCHEMA.read(raw);
        return new GridStrikeConfig(CommonSettings.from(v), v.get(Keys.LEVERAGE), v.get(Keys.POSITION_MODE_KEY),
                v.get(CONNECTOR_NAME), v.get(Keys.TRADING_PAIR), v.get(SIDE), v.get(START_PRICE), v.get(END_PRICE),
                v.get(LIMIT_PRICE), v.get(MIN_SPREAD_BETWEEN_ORDERS), v.get(MIN_ORDER_AMOUNT_QUOTE),
                v.get(MAX_OPEN_ORDERS), v.get(MAX_ORDERS_PER_BATCH), v.get(ORDER_FREQUENCY), v.get(ACTIVATION_BOUNDS),
                v.get(KEEP_POSITION), v.get(TRIPLE_BARRIER_CONFIG));
    }

    @Override
    public Map<String, Object> toMap() {
        ConfigValues v = new ConfigValues();
        common.putInto(v, NAME, kind());
        v.put(Keys.LEVERAGE, leverage)
                .put(Keys.POSITION_MODE_KEY, positionMode)
                .put(CONNECTOR_NAME, connectorName)
                .put(Keys.TRADING_PAIR, tradingPair)
                .put(SIDE, side)
                .put(START_PRICE, startPrice)
                .put(END_PRICE, endPrice)
                .put(LIMIT_PRICE, limitPrice)
                .put(MIN_SPREAD_BETWEEN_ORDERS, minSpreadBetweenOrders)
                .put(MIN_ORDER_AMOUNT_QUOTE, minOrderAmountQuote)
                .put(MAX_OPEN_ORDERS, maxOpenOrders)
                .put(MAX_ORDERS_PER_BATCH, maxOrdersPerBatch)
                .put(ORDER_FREQUENCY, orderFrequency)
                .put(ACTIVATION_BOUNDS, activationBounds)
                .put(KEEP_POSITION, keepPosition)
                .put(TRIPLE_BARRIER_CONFIG, tripleBarrierConfig);
        return SCHEMA.write(v);
    }

    @Override
    public String controllerName() {
        return NAME;
    }

    @Override
    public ControllerKind kind() {
        return ControllerKind.GENERIC;
    }

    /** The grid's per-order barriers in the executors' form. */
    public io.aviary.strategy.executor.TripleBarrierConfig executorTripleBarrier() {
        return tripleBarrierConfig.toExecutor();
    }

    private static ConfigKey<BigDecimal> price(String name, String defaultValue) {
        return ConfigKey.of(name, Keys.DECIMAL, defaultValue,
                Readers.decimal().require(d -> d.signum() > 0, "must be greater than 0"), Writers::decimal);
    }

    private static ValueReader<BigDecimal> nonNegative() {
        return Readers.decimal().require(d -> d.signum() >= 0, "must be 0 or more, or null for none");
    }

    /** Hummingbot's field default: take profit 0.1 % with LIMIT_MAKER opens and take-profits. */
    private static Map<String, Object> defaultTripleBarrier() {
        TripleBarrierSettings d = TripleBarrierSettings.DEFAULTS;
        @SuppressWarnings("unchecked")
        Map<String, Object> written = new LinkedHashMap<>((Map<String, Object>) Writers.tripleBarrier(
                new TripleBarrierSettings(null, new BigDecimal("0.001"), null, null, OrderType.LIMIT_MAKER,
                        OrderType.LIMIT_MAKER, d.stopLossOrderType(), d.timeLimitOrderType())));
        return java.util.Collections.unmodifiableMap(written);
    }
}
