package io.aviary.bot.mqtt;

import io.aviary.bot.runtime.PerformanceReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code P/performance} carries per controller id (the runtime's {@link PerformanceReport}, written with
 * Hummingbot's keys): {@code {"performance": ..., "custom_info": {...}}}.
 *
 * @param performance {@code null} before the controller's first report (sent as {@code {}}, like Hummingbot)
 * @param customInfo the controller's {@code get_custom_info()}, plain JSON values
 */
public record ControllerReport(PerformanceReport performance, Map<String, Object> customInfo) {

  public ControllerReport {
    customInfo = customInfo == null ? Map.of() : customInfo;
  }

  Map<String, Object> toWire() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("performance", performance == null ? Map.of() : TelemetryPayloads.performanceReport(performance));
    m.put("custom_info", customInfo);
    return m;
  }
}
