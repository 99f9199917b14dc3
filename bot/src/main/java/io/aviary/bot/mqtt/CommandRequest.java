package io.aviary.bot.mqtt;

import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code data} of each RPC request, with Hummingbot's field names (as record components in camel case) and its
 * pydantic defaults ({@code HB:hummingbot/remote_iface/messages.py}, internals §1.4).
 */
public sealed interface CommandRequest {

  /** {@code start}: {@code log_level}, {@code script}, {@code conf} default null, {@code is_quickstart} false. */
  record StartRequest(String logLevel, String script, String conf, boolean isQuickstart, boolean asyncBackend)
      implements CommandRequest {

    static StartRequest from(RequestFields f) {
      return new StartRequest(f.optString("log_level", null), f.optString("script", null),
          f.optString("conf", null), f.optBoolean("is_quickstart", false), f.optBoolean("async_backend", true));
    }
  }

  /** {@code stop}: open orders are cancelled unless {@code skip_order_cancellation}. */
  record StopRequest(boolean skipOrderCancellation, boolean asyncBackend) implements CommandRequest {

    static StopRequest from(RequestFields f) {
      return new StopRequest(f.optBoolean("skip_order_cancellation", false), f.optBoolean("async_backend", true));
    }
  }

  /** {@code status}. */
  record StatusRequest(boolean asyncBackend) implements CommandRequest {

    static StatusRequest from(RequestFields f) {
      return new StatusRequest(f.optBoolean("async_backend", true));
    }
  }

  /**
   * {@code history}: trades since {@code now - days} when {@code days > 0}, else since the bot started.
   *
   * @param precision {@code null} = Hummingbot's default
   */
  record HistoryRequest(BigDecimal days, boolean verbose, Integer precision, boolean asyncBackend)
      implements CommandRequest {

    static HistoryRequest from(RequestFields f) {
      return new HistoryRequest(f.optDecimal("days", BigDecimal.ZERO), f.optBoolean("verbose", false),
          f.optInteger("precision", null), f.optBoolean("async_backend", true));
    }
  }

  /** {@code config}: the {@code [key, value]} pairs to apply; empty = only report the configuration. */
  record ConfigRequest(List<ConfigParam> params) implements CommandRequest {

    public ConfigRequest {
      params = List.copyOf(params);
    }

    static ConfigRequest from(RequestFields f) {
      return new ConfigRequest(f.configParams("params"));
    }
  }

  /** {@code import}: a script config file name without {@code .yml} (required). */
  record ImportRequest(String strategy) implements CommandRequest {

    static ImportRequest from(RequestFields f) {
      return new ImportRequest(f.requiredString("strategy"));
    }
  }

  /** {@code balance/limit}: all fields required; a negative {@code amount} removes the limit. */
  record BalanceLimitRequest(String exchange, String asset, BigDecimal amount) implements CommandRequest {

    static BalanceLimitRequest from(RequestFields f) {
      return new BalanceLimitRequest(f.requiredString("exchange"), f.requiredString("asset"),
          f.requiredDecimal("amount"));
    }
  }

  /** {@code balance/paper}: set the paper balance of {@code asset}; both fields required. */
  record BalancePaperRequest(String asset, BigDecimal amount) implements CommandRequest {

    static BalancePaperRequest from(RequestFields f) {
      return new BalancePaperRequest(f.requiredString("asset"), f.requiredDecimal("amount"));
    }
  }
}
