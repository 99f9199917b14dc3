package io.aviary.strategy.config;

import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.TradeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Readers for the value types Hummingbot's config fields use, as lenient as pydantic's lax mode plus Hummingbot's
 * "before" validators (numbers as strings, comma-separated lists, enum names or codes), and no more: a number
 * where text is expected, a fraction where an integer is expected or a non-finite number is rejected.
 */
final class Readers {

    /** Longest text accepted for names and ids; also bounds what the parsers below ever look at. */
    static final int MAX_TEXT = 200;
    private static final int MAX_NUMBER_TEXT = 64;
    private static final int MAX_LIST = 1_000;

    /** Candle intervals Hummingbot's candle feeds offer. */
    static final List<String> INTERVALS =
            List.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M");

    private Readers() {
    }

    static ValueReader<String> text() {
        return (raw, earlier) -> {
            if (!(raw instanceof String s)) {
                throw InvalidConfigException.value("must be a text");
            }
            if (s.isBlank()) {
                throw InvalidConfigException.value("must not be empty");
            }
            if (s.length() > MAX_TEXT) {
                throw InvalidConfigException.value("must be at most " + MAX_TEXT + " characters");
            }
            if (s.chars().anyMatch(Character::isISOControl)) {
                throw InvalidConfigException.value("must not contain control characters");
            }
            return s;
        };
    }

    /** A text that must equal {@code expected} (controller_name, controller_type). */
    static ValueReader<String> fixedText(String expected) {
        return (raw, earlier) -> {
            if (!expected.equals(raw)) {
                throw InvalidConfigException.value("must be '" + expected + "' for this controller (or be left out)");
            }
            return expected;
        };
    }

    static ValueReader<String> interval() {
        return text().require(INTERVALS::contains, "must be one of " + String.join(", ", INTERVALS));
    }

    /** A text that Hummingbot derives from an earlier key when absent, null or "" (candles_connector). */
    static ValueReader<String> textOr(ConfigKey<String> fallback) {
        ValueReader<String> text = text();
        return (raw, earlier) -> raw == null || "".equals(raw) ? earlier.get(fallback) : text.read(raw, earlier);
    }

    static ValueReader<Integer> integer() {
        return (raw, earlier) -> {
            BigDecimal number = number(raw, "a whole number");
            if (number.stripTrailingZeros().scale() > 0) {
                throw InvalidConfigException.value("must be a whole number");
            }
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                throw InvalidConfigException.value("must be a whole number between "
                        + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
            }
        };
    }

    static ValueReader<BigDecimal> decimal() {
        return (raw, earlier) -> number(raw, "a decimal number");
    }

    static ValueReader<Double> floating() {
        return (raw, earlier) -> number(raw, "a number").doubleValue();
    }

    static ValueReader<Boolean> bool() {
        return (raw, earlier) -> switch (raw) {
            case Boolean b -> b;
            case Integer i when i == 0 || i == 1 -> i == 1;
            case String s when Set.of("true", "yes", "on", "1").contains(s.toLowerCase(Locale.ROOT)) -> true;
            case String s when Set.of("false", "no", "off", "0").contains(s.toLowerCase(Locale.ROOT)) -> false;
            case null, default -> throw InvalidConfigException.value("must be true or false");
        };
    }

    static ValueReader<OrderType> orderType() {
        return enumeration(OrderType.class, "OrderType.", OrderType::code);
    }

    static ValueReader<TradeType> tradeType() {
        return enumeration(TradeType.class, "TradeType.", TradeType::code);
    }

    static ValueReader<PositionMode> positionMode() {
        return enumeration(PositionMode.class, "PositionMode.", null);
    }

    /** Hummingbot's {@code parse_comma_separated_list}: a list, a scalar, or "0.01,0.02"; null and "" are empty. */
    static ValueReader<List<Double>> floatList() {
        return list(floating());
    }

    static ValueReader<List<BigDecimal>> decimalList() {
        return list(decimal());
    }

    /** A mapping {activation_price, trailing_delta} or Hummingbot's shorthand "activation,delta"; null, "" = off. */
    static ValueReader<TrailingStopSettings> trailingStop() {
        ValueReader<BigDecimal> activation = decimal().require(d -> d.signum() >= 0, "must be 0 or more");
        ValueReader<BigDecimal> delta = decimal().require(d -> d.signum() > 0, "must be greater than 0");
        return (raw, earlier) -> {
            if (raw == null || "".equals(raw)) {
                return null;
            }
            if (raw instanceof String s) {
                String[] parts = bounded(s).split(",", -1);
                if (parts.length != 2) {
                    throw InvalidConfigException.value(
                            "must be a mapping {activation_price, trailing_delta} or the text 'activation,delta'");
                }
                return new TrailingStopSettings(
                        nested("activation_price", () -> activation.read(parts[0].strip(), earlier)),
                        nested("trailing_delta", () -> delta.read(parts[1].strip(), earlier)));
            }
            Map<String, Object> map = mapping(raw, Set.of("activation_price", "trailing_delta"));
            return new TrailingStopSettings(
                    requiredEntry(map, "activation_price", activation, earlier),
                    requiredEntry(map, "trailing_delta", delta, earlier));
        };
    }

    /** A nested {@code TripleBarrierSettings} mapping; keys left out take the class defaults (not the field's). */
    static ValueReader<TripleBarrierSettings> tripleBarrier() {
        ValueReader<BigDecimal> fraction = decimal().require(d -> d.signum() > 0, "must be greater than 0").optional();
        ValueReader<Integer> seconds = integer().require(i -> i > 0, "must be greater than 0").optional();
        ValueReader<OrderType> type = orderType();
        ValueReader<TrailingStopSettings> trailing = trailingStop();
        return (raw, earlier) -> {
            Map<String, Object> map = mapping(raw, Set.of("stop_loss", "take_profit", "time_limit", "trailing_stop",
                    "open_order_type", "take_profit_order_type", "stop_loss_order_type", "time_limit_order_type"));
            TripleBarrierSettings d = TripleBarrierSettings.DEFAULTS;
            return new TripleBarrierSettings(
                    entry(map, "stop_loss", fraction, d.stopLoss(), earlier),
                    entry(map, "take_profit", fraction, d.takeProfit(), earlier),
                    entry(map, "time_limit", seconds, d.timeLimit(), earlier),
                    entry(map, "trailing_stop", trailing, d.trailingStop(), earlier),
                    entry(map, "open_order_type", type, d.openOrderType(), earlier),
                    entry(map, "take_profit_order_type", type, d.takeProfitOrderType(), earlier),
                    entry(map, "stop_loss_order_type", type, d.stopLossOrderType(), earlier),
                    entry(map, "time_limit_order_type", type, d.timeLimitOrderType(), earlier));
        };
    }

    /** {@code initial_positions}: a list (Hummingbot rejects anything else) of position mappings. */
    static ValueReader<List<InitialPosition>> initialPositions() {
        ValueReader<String> text = text();
        ValueReader<BigDecimal> amount = decimal().require(d -> d.signum() > 0, "must be greater than 0");
        ValueReader<TradeType> side = tradeType().require(t -> t != TradeType.RANGE, "must be BUY or SELL");
        return (raw, earlier) -> {
            if (!(raw instanceof List<?> items)) {
                throw InvalidConfigException.value("must be a list of {connector_name, trading_pair, amount, side}");
            }
            checkSize(items);
            List<InitialPosition> positions = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                positions.add(nested("[" + i + "]", () -> {
                    Map<String, Object> map = mapping(item, Set.of("connector_name", "trading_pair", "amount", "side"));
                    return new InitialPosition(
                            requiredEntry(map, "connector_name", text, earlier),
                            requiredEntry(map, "trading_pair", text, earlier),
                            requiredEntry(map, "amount", amount, earlier),
                            requiredEntry(map, "side", side, earlier));
                }));
            }
            return List.copyOf(positions);
        };
    }

    // ---- building blocks

    /** Decimal exponents beyond this are rejected: no config means them, and they would turn into 0 or infinity
     *  as doubles in the executors. */
    private static final int MAX_SCALE = 40;

    private static BigDecimal number(Object raw, String what) {
        BigDecimal number = switch (raw) {
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case BigInteger b -> new BigDecimal(b);
            case BigDecimal b -> b;
            // Via the shortest decimal text, as pydantic turns floats into Decimals (0.1 stays 0.1).
            case Double d when Double.isFinite(d) -> new BigDecimal(Double.toString(d));
            case Float f when Float.isFinite(f) -> new BigDecimal(Float.toString(f));
            case String s -> parseNumber(s, what);
            case null, default -> throw InvalidConfigException.value("must be " + what);
        };
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.signum() != 0 && (stripped.scale() > MAX_SCALE || stripped.scale() < -MAX_SCALE)) {
            throw InvalidConfigException.value("must be " + what + " between 1e-" + MAX_SCALE + " and 1e"
                    + MAX_SCALE + " in size");
        }
        return number;
    }

    private static BigDecimal parseNumber(String text, String what) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_NUMBER_TEXT) {
            throw InvalidConfigException.value("must be " + what);
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw InvalidConfigException.value("must be " + what);
        }
    }

    private static <E extends Enum<E>> ValueReader<E> enumeration(
            Class<E> type, String pythonPrefix, java.util.function.ToIntFunction<E> code) {
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
        String codes = code == null ? "" : " (or its code "
                + Arrays.stream(constants).map(c -> String.valueOf(code.applyAsInt(c))).collect(Collectors.joining(", "))
                + ")";
        String problem = "must be one of " + names + codes;
        return (raw, earlier) -> {
            if (raw instanceof String s && s.length() <= MAX_TEXT) {
                String name = s.strip().toUpperCase(Locale.ROOT).replace(pythonPrefix.toUpperCase(Locale.ROOT), "");
                for (E constant : constants) {
                    if (constant.name().equals(name)) {
                        return constant;
                    }
                }
            }
            if (code != null && (raw instanceof Integer || raw instanceof Long)) {
                long value = ((Number) raw).longValue();
                for (E constant : constants) {
                    if (code.applyAsInt(constant) == value) {
                        return constant;
                    }
                }
            }
            throw InvalidConfigException.value(problem);
        };
    }

    private static <T> ValueReader<List<T>> list(ValueReader<T> item) {
        return (raw, earlier) -> {
            List<?> items = switch (raw) {
                case null -> List.of();
                case String s when s.isEmpty() -> List.of();
                case String s -> Arrays.stream(bounded(s).split(",", -1)).map(String::strip).toList();
                case Number n -> List.of(n);
                case List<?> l -> l;
                default -> throw InvalidConfigException.value("must be a list (or a comma-separated text)");
            };
            checkSize(items);
            List<T> values = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Object value = items.get(i);
                values.add(nested("[" + i + "]", () -> item.read(value, earlier)));
            }
            return List.copyOf(values);
        };
    }

    private static void checkSize(List<?> items) {
        if (items.size() > MAX_LIST) {
            throw InvalidConfigException.value("must have at most " + MAX_LIST + " entries");
        }
    }

    private static String bounded(String s) {
        if (s.length() > MAX_LIST * MAX_NUMBER_TEXT) {
            throw InvalidConfigException.value("is too long");
        }
        return s;
    }

    /** A nested mapping with string keys among {@code allowed}; an unknown key is named (shortened). */
    static Map<String, Object> mapping(Object raw, Set<String> allowed) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw InvalidConfigException.value("must be a mapping with keys " + String.join(", ", sorted(allowed)));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !allowed.contains(name)) {
                throw InvalidConfigException.at(KeyNames.shown(key), "unknown key; allowed keys are "
                        + String.join(", ", sorted(allowed)));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static <T> T entry(Map<String, Object> map, String key, ValueReader<T> reader, T fallback,
                               ConfigValues earlier) {
        return map.containsKey(key) ? nested(key, () -> reader.read(map.get(key), earlier)) : fallback;
    }

    private static <T> T requiredEntry(Map<String, Object> map, String key, ValueReader<T> reader,
                                       ConfigValues earlier) {
        if (!map.containsKey(key)) {
            throw InvalidConfigException.at(key, "is required");
        }
        return nested(key, () -> reader.read(map.get(key), earlier));
    }

    private static <T> T nested(String key, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidConfigException e) {
            throw e.within(key);
        }
    }
}
