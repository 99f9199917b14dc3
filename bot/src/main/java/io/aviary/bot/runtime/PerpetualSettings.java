package io.aviary.bot.runtime;

import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.strategy.config.DirectionalControllerConfig;
import io.aviary.strategy.config.GridStrikeConfig;
import io.aviary.strategy.config.MarketMakingControllerConfig;
import io.aviary.strategy.controller.ControllerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * v2_with_controllers' {@code apply_initial_setting}: on a perpetual connector a controller's {@code position_mode}
 * and {@code leverage} are set on the account before it trades. A venue that refuses is logged, as Hummingbot does;
 * the controller still runs (its orders will say what is wrong).
 */
record PerpetualSettings(PositionMode positionMode, int leverage) {
  private static final Logger log = LoggerFactory.getLogger(PerpetualSettings.class);

  /** The settings a config carries, or null for a controller kind without them. */
  static PerpetualSettings of(ControllerConfig config) {
    return switch (config) {
      case MarketMakingControllerConfig m ->
          new PerpetualSettings(mode(m.marketMaking().positionMode()), m.marketMaking().leverage());
      case DirectionalControllerConfig d ->
          new PerpetualSettings(mode(d.directional().positionMode()), d.directional().leverage());
      case GridStrikeConfig g -> new PerpetualSettings(mode(g.positionMode()), g.leverage());
      default -> null;
    };
  }

  private static PositionMode mode(io.aviary.strategy.config.PositionMode mode) {
    return PositionMode.valueOf(mode.name());
  }

  /** Applies the config's settings when {@code connectorName} is a perpetual one (Hummingbot: {@code "_perpetual"}). */
  static void apply(ControllerConfig config, TradingConnector trading) {
    PerpetualSettings settings = config.connectorName().contains("_perpetual") ? of(config) : null;
    if (settings == null) {
      return;
    }
    try {
      trading.setPositionMode(settings.positionMode());
      trading.setLeverage(TradingPair.parse(config.tradingPair()), settings.leverage());
    } catch (VenueException e) {
      log.warn("{}: could not set position mode {} and leverage {} on {}: {}", config.id(), settings.positionMode(),
          settings.leverage(), config.connectorName(), e.getMessage());
    }
  }
}
