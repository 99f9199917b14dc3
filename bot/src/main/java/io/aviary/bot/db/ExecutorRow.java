package io.aviary.bot.db;

import io.aviary.execution.ExecutorConfigJson;
import io.aviary.strategy.executor.ExecutorInfo;
import java.util.Map;

/**
 * An {@code Executors} row taken from a live {@link ExecutorInfo} on the caller's thread (its figures keep changing),
 * in Hummingbot's encodings: timestamps in seconds, {@code close_type}/{@code status} as the integer values of
 * Hummingbot's {@code CloseType}/{@code RunnableStatus}, JSON columns as Python's {@code json.dumps} writes them.
 */
record ExecutorRow(
    String id,
    double timestamp,
    String type,
    Integer closeType,
    Long closeTimestamp,
    int status,
    String configJson,
    double netPnlPct,
    double netPnlQuote,
    double cumFeesQuote,
    double filledAmountQuote,
    boolean isActive,
    boolean isTrading,
    String customInfoJson,
    String controllerId) {

  static ExecutorRow of(ExecutorInfo info, Map<String, Object> customInfo) {
    Map<String, Object> config = ExecutorConfigJson.config(info.config());
    // a host-assigned id is not in the config record: Hummingbot's config always carries it
    config.put("id", info.id());
    return new ExecutorRow(
        info.id(),
        info.timestamp(),
        info.type(),
        info.closeType() == null ? null : info.closeType().code(),
        info.closeTimestamp() > 0 ? info.closeTimestamp() : null,
        info.state().code(),
        PyJson.dumps(config),
        info.netPnlPct(),
        info.netPnlQuote(),
        info.cumFeesQuote(),
        info.filledAmountQuote(),
        info.isActive(),
        info.isTrading(),
        PyJson.dumps(customInfo == null ? defaultCustomInfo(info) : customInfo),
        info.controllerId());
  }

  /** Hummingbot's {@code custom_info} as far as readers use it (shared with trading-service's executors host). */
  static Map<String, Object> defaultCustomInfo(ExecutorInfo info) {
    return ExecutorConfigJson.customInfo(info);
  }

}
