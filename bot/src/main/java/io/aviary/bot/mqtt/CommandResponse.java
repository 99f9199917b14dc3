package io.aviary.bot.mqtt;

import io.aviary.bot.events.HistoryTrade;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of each RPC reply, with Hummingbot's field names and defaults (internals §1.4): every response has
 * {@code status} (200 success, 400 error) and {@code msg}, plus its command's fields.
 */
public sealed interface CommandResponse {

  int SUCCESS = 200;
  int ERROR = 400;

  int status();

  String msg();

  /** The reply's {@code data} object, fields in Hummingbot's order. */
  Map<String, Object> toData();

  private static Map<String, Object> base(CommandResponse r) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", r.status());
    data.put("msg", r.msg() == null ? "" : r.msg());
    return data;
  }

  record StartResponse(int status, String msg) implements CommandResponse {

    public static StartResponse ok(String msg) {
      return new StartResponse(SUCCESS, msg);
    }

    public static StartResponse error(String msg) {
      return new StartResponse(ERROR, msg);
    }

    @Override
    public Map<String, Object> toData() {
      return base(this);
    }
  }

  record StopResponse(int status, String msg) implements CommandResponse {

    public static StopResponse ok(String msg) {
      return new StopResponse(SUCCESS, msg);
    }

    public static StopResponse error(String msg) {
      return new StopResponse(ERROR, msg);
    }

    @Override
    public Map<String, Object> toData() {
      return base(this);
    }
  }

  /** {@code msg} carries the status text (Hummingbot's {@code strategy_status()}); {@code data} defaults to "". */
  record StatusResponse(int status, String msg, Object data) implements CommandResponse {

    public static StatusResponse ok(String statusText) {
      return new StatusResponse(SUCCESS, statusText, "");
    }

    public static StatusResponse error(String msg) {
      return new StatusResponse(ERROR, msg, "");
    }

    @Override
    public Map<String, Object> toData() {
      Map<String, Object> d = base(this);
      d.put("data", data);
      return d;
    }
  }

  record HistoryResponse(int status, String msg, List<HistoryTrade> trades) implements CommandResponse {

    public HistoryResponse {
      trades = List.copyOf(trades);
    }

    public static HistoryResponse ok(List<HistoryTrade> trades) {
      return new HistoryResponse(SUCCESS, "", trades);
    }

    public static HistoryResponse error(String msg) {
      return new HistoryResponse(ERROR, msg, List.of());
    }

    @Override
    public Map<String, Object> toData() {
      Map<String, Object> d = base(this);
      d.put("trades", trades.stream().map(HistoryTrade::toMap).toList());
      return d;
    }
  }

  /**
   * @param changes the pairs actually applied
   * @param config {@code {"client": {...}, "strategy": {...}}}
   */
  record ConfigResponse(int status, String msg, List<ConfigParam> changes, Map<String, Object> config)
      implements CommandResponse {

    public ConfigResponse {
      changes = List.copyOf(changes);
      config = config == null ? Map.of() : config;
    }

    public static ConfigResponse ok(List<ConfigParam> changes, Map<String, Object> config) {
      return new ConfigResponse(SUCCESS, "", changes, config);
    }

    public static ConfigResponse error(String msg) {
      return new ConfigResponse(ERROR, msg, List.of(), Map.of());
    }

    @Override
    public Map<String, Object> toData() {
      Map<String, Object> d = base(this);
      d.put("changes", changes.stream().map(ConfigParam::toWire).toList());
      d.put("config", config);
      return d;
    }
  }

  record ImportResponse(int status, String msg) implements CommandResponse {

    public static ImportResponse ok(String msg) {
      return new ImportResponse(SUCCESS, msg);
    }

    public static ImportResponse error(String msg) {
      return new ImportResponse(ERROR, msg);
    }

    @Override
    public Map<String, Object> toData() {
      return base(this);
    }
  }

  /** Both {@code balance/limit} and {@code balance/paper}; {@code data} is {@code null} like Hummingbot's handler. */
  record BalanceResponse(int status, String msg, Object data) implements CommandResponse {

    public static BalanceResponse ok(String msg) {
      return new BalanceResponse(SUCCESS, msg, null);
    }

    public static BalanceResponse error(String msg) {
      return new BalanceResponse(ERROR, msg, null);
    }

    @Override
    public Map<String, Object> toData() {
      Map<String, Object> d = base(this);
      d.put("data", data);
      return d;
    }
  }
}
