package io.aviary.execution;

import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.VenueException;
import io.aviary.strategy.config.DirectionalControllerConfig;
import io.aviary.strategy.config.GridStrikeConfig;
import io.aviary.strategy.config.MarketMakingControllerConfig;
import io.aviary.strategy.controller.ControllerConfig;
import io.aviary.strategy.executor.ArbitrageExecutorConfig;
import io.aviary.strategy.executor.DCAExecutorConfig;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.GridExecutorConfig;
import io.aviary.strategy.executor.OrderExecutorConfig;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TwapExecutorConfig;
import io.aviary.strategy.executor.XEMMExecutorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account settings a perpetual market is traded with, set on the venue before the first order: Hummingbot's
 * {@code apply_initial_setting} (a controller's {@code position_mode} and {@code leverage}) and what its executor
 * orchestrator does for an executor's {@code leverage}. Shared by the bot (controllers) and trading-service's executors
 * host; each decides what a refusal means (the bot logs it as Hummingbot does, an executor created through the API
 * is refused).
 *
 * @param positionMode the mode to set, or null to keep the account's current one
 */
public record PerpetualSettings(PositionMode positionMode, int leverage) {

  /** A setting the venue did not take; {@code cause} says whether it refused it or could not be reached. */
  public record Refusal(String setting, VenueException cause) {
    public String message() {
      return "could not set " + setting + ": " + cause.getMessage();
    }
  }

  /** Hummingbot's test for a perpetual connector: its name contains {@code _perpetual}. */
  public static boolean isPerpetual(String connectorName) {
    return connectorName != null && connectorName.contains("_perpetual");
  }

  /** The settings a controller config carries, or empty for a controller kind without them. */
  public static Optional<PerpetualSettings> of(ControllerConfig config) {
    return Optional.ofNullable(switch (config) {
      case MarketMakingControllerConfig m ->
          new PerpetualSettings(mode(m.marketMaking().positionMode()), m.marketMaking().leverage());
      case DirectionalControllerConfig d ->
          new PerpetualSettings(mode(d.directional().positionMode()), d.directional().leverage());
      case GridStrikeConfig g -> new PerpetualSettings(mode(g.positionMode()), g.leverage());
      default -> null;
    });
  }

  /**
   * The settings of an executor: its config's leverage (every executor type carries one) and {@code positionMode},
   * which Hummingbot's executor configs do not carry (null keeps the account's mode).
   */
  public static PerpetualSettings of(ExecutorConfig config, PositionMode positionMode) {
    int leverage = switch (config) {
      case PositionExecutorConfig p -> p.leverage();
      case DCAExecutorConfig d -> d.leverage();
      case GridExecutorConfig g -> g.leverage();
      case OrderExecutorConfig o -> o.leverage();
      case TwapExecutorConfig t -> t.leverage();
      // the two-market executors carry no leverage (Hummingbot's neither): the account's stays as it is
      case ArbitrageExecutorConfig a -> 0;
      case XEMMExecutorConfig x -> 0;
    };
    return new PerpetualSettings(positionMode, leverage);
  }

  private static PositionMode mode(io.aviary.strategy.config.PositionMode mode) {
    return PositionMode.valueOf(mode.name());
  }

  /**
   * Sets the position mode (only when it differs from the account's: some venues refuse a switch to the mode in
   * force) and then the leverage of {@code pair}, each on its own so one refused does not skip the other. Nothing
   * is set on a connector that is not perpetual.
   *
   * @return what the venue did not take; empty when everything was set (or nothing applies)
   */
  public List<Refusal> apply(String connectorName, TradingPair pair, TradingConnector trading) {
    List<Refusal> refused = new ArrayList<>();
    if (!isPerpetual(connectorName)) {
      return refused;
    }
    if (positionMode != null) {
      try {
        if (trading.positionMode() != positionMode) {
          trading.setPositionMode(positionMode);
        }
      } catch (VenueException e) {
        refused.add(new Refusal("position mode " + positionMode + " on " + connectorName, e));
      }
    }
    if (leverage > 0) {
      try {
        trading.setLeverage(pair, leverage);
      } catch (VenueException e) {
        refused.add(new Refusal("leverage " + leverage + " for " + pair + " on " + connectorName, e));
      }
    }
    return refused;
  }

  /** Nothing to set: no position mode and no leverage (0: the account's stays, as for the two-market executors). */
  public boolean isEmpty() {
    return positionMode == null && leverage <= 0;
  }
}
