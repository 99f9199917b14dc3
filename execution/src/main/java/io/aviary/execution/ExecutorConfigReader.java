package io.aviary.execution;

import io.aviary.strategy.executor.ArbitrageExecutorConfig;
import io.aviary.strategy.executor.ConnectorPair;
import io.aviary.strategy.executor.DCAExecutorConfig;
import io.aviary.strategy.executor.DCAMode;
import io.aviary.strategy.executor.ExecutionStrategy;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.GridExecutorConfig;
import io.aviary.strategy.executor.LimitChaserConfig;
import io.aviary.strategy.executor.OrderExecutorConfig;
import io.aviary.strategy.executor.OrderType;
import io.aviary.strategy.executor.PositionAction;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TradeType;
import io.aviary.strategy.executor.TrailingStop;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.executor.TwapExecutorConfig;
import io.aviary.strategy.executor.TwapMode;
import io.aviary.strategy.executor.XEMMExecutorConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads an executor config from the {@code Map} a JSON parser made of Hummingbot's {@code executor_config}: the
 * keys {@link ExecutorConfigJson} writes, Decimals as numbers or strings, {@code side} and order types as names
 * ({@code "BUY"}, {@code "LIMIT"}) or Hummingbot's integer codes, so a stored config reads back to the same
 * record. Keys it does not know are ignored (pydantic's default). Validation is strategy's: the records'
 * constructors; a bad value is reported as an {@link InvalidExecutorConfig} naming the key.
 */
public final class ExecutorConfigReader {

  /** The types this reader builds, in the order the API lists them. */
  public static final List<String> TYPES = List.of(PositionExecutorConfig.TYPE, DCAExecutorConfig.TYPE,
      GridExecutorConfig.TYPE, OrderExecutorConfig.TYPE, TwapExecutorConfig.TYPE, ArbitrageExecutorConfig.TYPE,
      XEMMExecutorConfig.TYPE);

  /** A config that cannot be read; the message names the offending key and never echoes unbounded input. */
  public static final class InvalidExecutorConfig extends IllegalArgumentException {
    public InvalidExecutorConfig(String message) {
      super(message);
    }
  }

  private final Map<String, Object> map;

  private ExecutorConfigReader(Map<String, Object> map) {
    this.map = map;
  }

  /**
   * @param id the id to give it when the config names none
   * @param timestamp creation time (epoch seconds) when the config names none
   * @param controllerId the owning controller when the config names none
   */
  public static ExecutorConfig read(Map<String, Object> config, String id, long timestamp, String controllerId) {
    ExecutorConfigReader r = new ExecutorConfigReader(config);
    String type = r.text("type", null);
    if (type == null) {
      throw new InvalidExecutorConfig("executor_config must include 'type'");
    }
    String configId = r.text("id", id);
    long ts = r.has("timestamp") ? (long) r.number("timestamp", 0) : timestamp;
    String controller = r.text("controller_id", controllerId);
    try {
      return switch (type) {
        case PositionExecutorConfig.TYPE -> new PositionExecutorConfig(configId, ts, controller,
            r.required("connector_name"), r.required("trading_pair"), r.side(), r.number("entry_price", Double.NaN),
            r.requiredNumber("amount"), r.tripleBarrier("triple_barrier_config"), (int) r.number("leverage", 1),
            r.text("level_id", null), r.has("activation_bounds") ? r.numbers("activation_bounds") : null);
        case OrderExecutorConfig.TYPE -> new OrderExecutorConfig(configId, ts, controller,
            r.required("connector_name"), r.required("trading_pair"), r.side(), r.requiredNumber("amount"),
            r.enumValue("position_action", PositionAction.class, PositionAction.OPEN), r.number("price", Double.NaN),
            r.enumValue("execution_strategy", ExecutionStrategy.class, null), r.chaser(), (int) r.number("leverage", 1),
            r.text("level_id", null));
        case TwapExecutorConfig.TYPE -> new TwapExecutorConfig(configId, ts, controller,
            r.required("connector_name"), r.required("trading_pair"), r.side(), (int) r.number("leverage", 1),
            r.requiredNumber("total_amount_quote"), (long) r.requiredNumber("total_duration"),
            (long) r.requiredNumber("order_interval"), r.enumValue("mode", TwapMode.class, TwapMode.TAKER),
            r.number("limit_order_buffer", 0.0005), (long) r.number("order_resubmission_time", 0),
            r.text("level_id", null));
        case DCAExecutorConfig.TYPE -> new DCAExecutorConfig(configId, ts, controller,
            r.required("connector_name"), r.required("trading_pair"), r.side(), (int) r.number("leverage", 1),
            r.numbers("amounts_quote"), r.numbers("prices"), r.optionalNumber("take_profit"),
            r.optionalNumber("stop_loss"), r.trailingStop(r.map("trailing_stop"), "trailing_stop"),
            r.optionalNumber("time_limit") == null ? null : r.optionalNumber("time_limit").longValue(),
            r.enumValue("mode", DCAMode.class, DCAMode.MAKER),
            r.has("activation_bounds") ? r.numbers("activation_bounds") : null, r.text("level_id", null));
        case GridExecutorConfig.TYPE -> new GridExecutorConfig(configId, ts, controller,
            r.required("connector_name"), r.required("trading_pair"), r.side(), r.requiredNumber("start_price"),
            r.requiredNumber("end_price"), r.requiredNumber("limit_price"), r.requiredNumber("total_amount_quote"),
            r.number("min_spread_between_orders", 0.0005), r.number("min_order_amount_quote", 5),
            (int) r.number("max_open_orders", 5), (int) r.number("max_orders_per_batch", 0),
            (long) r.number("order_frequency", 0), r.number("activation_bounds", Double.NaN),
            r.number("safe_extra_spread", 0.0001), r.tripleBarrier("triple_barrier_config"),
            (int) r.number("leverage", 1), r.text("level_id", null), r.bool("keep_position"),
            r.bool("coerce_tp_to_step"));
        case ArbitrageExecutorConfig.TYPE -> new ArbitrageExecutorConfig(configId, ts, controller,
            r.market("buying_market"), r.market("selling_market"), r.requiredNumber("order_amount"),
            r.requiredNumber("min_profitability"), r.number("gas_conversion_price", Double.NaN));
        case XEMMExecutorConfig.TYPE -> new XEMMExecutorConfig(configId, ts, controller,
            r.market("buying_market"), r.market("selling_market"), r.side("maker_side"),
            r.requiredNumber("order_amount"), r.requiredNumber("min_profitability"),
            r.requiredNumber("target_profitability"), r.requiredNumber("max_profitability"));
        default -> throw new InvalidExecutorConfig("Unknown executor type '" + bounded(type) + "'. Valid types: "
            + TYPES);
      };
    } catch (InvalidExecutorConfig e) {
      throw e;
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidExecutorConfig("Invalid executor config: " + e.getMessage());
    }
  }

  private boolean has(String key) {
    return map.get(key) != null;
  }

  private String required(String key) {
    String value = text(key, null);
    if (value == null || value.isBlank()) {
      throw new InvalidExecutorConfig("executor_config." + key + " is required");
    }
    return value;
  }

  private String text(String key, String absent) {
    Object value = map.get(key);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof String s)) {
      throw new InvalidExecutorConfig("executor_config." + key + " must be a string");
    }
    if (s.length() > 200) {
      throw new InvalidExecutorConfig("executor_config." + key + " is longer than 200 characters");
    }
    return s;
  }

  private double requiredNumber(String key) {
    if (!has(key)) {
      throw new InvalidExecutorConfig("executor_config." + key + " is required");
    }
    return number(key, Double.NaN);
  }

  private Double optionalNumber(String key) {
    return has(key) ? number(key, Double.NaN) : null;
  }

  private double number(String key, double absent) {
    return number(map, key, absent, "executor_config.");
  }

  private static double number(Map<String, Object> map, String key, double absent, String path) {
    Object value = map.get(key);
    if (value == null) {
      return absent;
    }
    double d;
    if (value instanceof Number n) {
      d = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        d = new BigDecimal(s.trim()).doubleValue();
      } catch (NumberFormatException e) {
        throw new InvalidExecutorConfig(path + key + " must be a number");
      }
    } else {
      throw new InvalidExecutorConfig(path + key + " must be a number");
    }
    if (!Double.isFinite(d)) {
      throw new InvalidExecutorConfig(path + key + " must be a finite number");
    }
    return d;
  }

  private boolean bool(String key) {
    Object value = map.get(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw new InvalidExecutorConfig("executor_config." + key + " must be true or false");
  }

  private List<Double> numbers(String key) {
    Object value = map.get(key);
    if (!(value instanceof Collection<?> list)) {
      throw new InvalidExecutorConfig("executor_config." + key + " must be a list of numbers");
    }
    if (list.size() > 1000) {
      throw new InvalidExecutorConfig("executor_config." + key + " has more than 1000 entries");
    }
    List<Double> out = new ArrayList<>(list.size());
    for (Object item : list) {
      out.add(number(Map.of("item", item == null ? "" : item), "item", Double.NaN, "executor_config." + key + "."));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new InvalidExecutorConfig("executor_config." + key + " must be an object");
    }
    return (Map<String, Object>) m;
  }

  private TradeType side() {
    return side("side");
  }

  private TradeType side(String key) {
    Object value = map.get(key);
    if (value == null) {
      throw new InvalidExecutorConfig("executor_config." + key + " is required (BUY or SELL)");
    }
    for (TradeType t : TradeType.values()) {
      if (value.equals(t.name()) || value instanceof Number n && n.intValue() == t.code() || value.equals(
          String.valueOf(t.code()))) {
        return t;
      }
    }
    throw new InvalidExecutorConfig("executor_config." + key + " must be BUY or SELL");
  }

  /** A required {@code ConnectorPair}: {@code {"connector_name": ..., "trading_pair": ...}}. */
  private ConnectorPair market(String key) {
    Map<String, Object> market = map(key);
    if (market == null) {
      throw new InvalidExecutorConfig("executor_config." + key + " is required ({connector_name, trading_pair})");
    }
    ExecutorConfigReader inner = new ExecutorConfigReader(market);
    String connector = inner.text("connector_name", null);
    String pair = inner.text("trading_pair", null);
    if (connector == null || connector.isBlank() || pair == null || pair.isBlank()) {
      throw new InvalidExecutorConfig("executor_config." + key + " needs connector_name and trading_pair");
    }
    try {
      return new ConnectorPair(connector, pair);
    } catch (IllegalArgumentException e) {
      throw new InvalidExecutorConfig("executor_config." + key + ": " + e.getMessage());
    }
  }

  private <E extends Enum<E>> E enumValue(String key, Class<E> type, E absent) {
    Object value = map.get(key);
    if (value == null) {
      return absent;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(String.valueOf(value))) {
        return e;
      }
    }
    throw new InvalidExecutorConfig("executor_config." + key + " must be one of " + List.of(type.getEnumConstants()));
  }

  private static OrderType orderType(Map<String, Object> barrier, String key) {
    Object value = barrier.get(key);
    if (value == null) {
      return null;
    }
    for (OrderType t : OrderType.values()) {
      if (t.name().equalsIgnoreCase(String.valueOf(value)) || value instanceof Number n && n.intValue() == t.code()) {
        return t;
      }
    }
    throw new InvalidExecutorConfig("executor_config.triple_barrier_config." + key
        + " must be MARKET, LIMIT or LIMIT_MAKER (or 1, 2, 3)");
  }

  private TripleBarrierConfig tripleBarrier(String key) {
    Map<String, Object> barrier = map(key);
    if (barrier == null) {
      return null;
    }
    String path = "executor_config." + key + ".";
    Double timeLimit = barrier.get("time_limit") == null ? null : number(barrier, "time_limit", 0, path);
    return new TripleBarrierConfig(optional(barrier, "stop_loss", path), optional(barrier, "take_profit", path),
        timeLimit == null ? null : timeLimit.longValue(), trailingStop(nested(barrier, "trailing_stop", path),
        path + "trailing_stop"), orderType(barrier, "open_order_type"), orderType(barrier, "take_profit_order_type"),
        orderType(barrier, "stop_loss_order_type"), orderType(barrier, "time_limit_order_type"));
  }

  private static Double optional(Map<String, Object> m, String key, String path) {
    return m.get(key) == null ? null : number(m, key, Double.NaN, path);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> nested(Map<String, Object> m, String key, String path) {
    Object value = m.get(key);
    if (value != null && !(value instanceof Map<?, ?>)) {
      throw new InvalidExecutorConfig(path + key + " must be an object");
    }
    return (Map<String, Object>) value;
  }

  private static TrailingStop trailingStop(Map<String, Object> stop, String path) {
    if (stop == null) {
      return null;
    }
    return new TrailingStop(number(stop, "activation_price", Double.NaN, path + "."),
        number(stop, "trailing_delta", Double.NaN, path + "."));
  }

  private LimitChaserConfig chaser() {
    Map<String, Object> chaser = map("chaser_config");
    if (chaser == null) {
      return null;
    }
    return new LimitChaserConfig(number(chaser, "distance", Double.NaN, "executor_config.chaser_config."),
        number(chaser, "refresh_threshold", Double.NaN, "executor_config.chaser_config."));
  }

  private static String bounded(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
