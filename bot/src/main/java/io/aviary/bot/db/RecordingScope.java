package io.aviary.bot.db;

import java.util.Objects;

/**
 * Which run the recorded rows belong to, as Hummingbot's {@code MarketsRecorder} stamps them.
 *
 * @param configFilePath {@code Order/TradeFill/FundingPayment.config_file_path}: the script config file name
 *     ({@code SCRIPT_CONFIG}, e.g. {@code conf_v2_pmm.yml}); the {@code history} RPC filters on it
 * @param strategy {@code Order/TradeFill.strategy}: the script name, e.g. {@code v2_with_controllers}
 */
public record RecordingScope(String configFilePath, String strategy) {

  public RecordingScope {
    Objects.requireNonNull(configFilePath, "configFilePath");
    Objects.requireNonNull(strategy, "strategy");
  }

  /**
   * Hummingbot's database name for a config file: the name up to its first {@code "."} (TradingCore uses
   * {@code db_name.split(".")[0]} for names ending in {@code .yml}/{@code .py}), so {@code conf_v2_pmm.yml} →
   * {@code conf_v2_pmm} and the file is {@code data/conf_v2_pmm.sqlite}.
   */
  public String databaseName() {
    if (configFilePath.endsWith(".yml") || configFilePath.endsWith(".py")) {
      return configFilePath.split("\\.", -1)[0];
    }
    return configFilePath;
  }
}
