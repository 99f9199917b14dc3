package io.aviary.strategy.controller;

import java.util.Set;

/** Makes the controller a config asks for: one new instance per backtest run or bot. */
public final class Controllers {
  private Controllers() {}

  /** {@code controller_name}s with an engine implementation. */
  public static final Set<String> IMPLEMENTED = Set.of("bollinger_v1", "macd_bb_v1", "supertrend_v1", "pmm_simple",
      "pmm_dynamic", "dman_maker_v2", "dman_v3", "grid_strike");

  /**
   * A new controller for {@code config}.
   *
   * @throws IllegalArgumentException if {@code controller_name} has no engine implementation, or the config does
   *     not provide the values that controller reads (its settings view)
   */
  public static Controller create(ControllerConfig config) {
    String name = config.controllerName();
    return switch (name) {
      case "bollinger_v1" -> new BollingerV1Controller(as(config, BollingerV1Settings.class));
      case "macd_bb_v1" -> new MacdBbV1Controller(as(config, MacdBbV1Settings.class));
      case "supertrend_v1" -> new SuperTrendV1Controller(as(config, SuperTrendV1Settings.class));
      case "pmm_simple" -> new PmmSimpleController(as(config, MarketMakingSettings.class));
      case "pmm_dynamic" -> new PmmDynamicController(as(config, PmmDynamicSettings.class));
      case "dman_maker_v2" -> new DManMakerV2Controller(as(config, DManMakerV2Settings.class));
      case "dman_v3" -> new DManV3Controller(as(config, DManV3Settings.class));
      case "grid_strike" -> new GridStrikeController(as(config, GridStrikeSettings.class));
      default -> throw new IllegalArgumentException("controller_name '" + shortened(name)
          + "' has no backtest/bot implementation; implemented: " + IMPLEMENTED.stream().sorted().toList());
    };
  }

  private static <T> T as(ControllerConfig config, Class<T> view) {
    if (!view.isInstance(config)) {
      throw new IllegalArgumentException(config.controllerName() + " config does not provide "
          + view.getSimpleName());
    }
    return view.cast(config);
  }

  private static String shortened(String name) {
    return name == null ? "null" : name.length() > 64 ? name.substring(0, 64) + "…" : name;
  }
}
