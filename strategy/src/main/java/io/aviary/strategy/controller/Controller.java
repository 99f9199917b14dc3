package io.aviary.strategy.controller;

import io.aviary.strategy.executor.ExecutorAction;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.PositionHeld;
import io.aviary.strategy.market.MarketView;
import java.util.List;

/**
 * A V2 controller: on each step it looks at the market and at its executors and says what to create or stop
 * (Hummingbot's {@code update_processed_data} + {@code determine_executor_actions} in one call).
 *
 * <p>The same instance runs in a backtest (one step per closed candle), in a bot and in the executors host; it must
 * not read the clock, files or the network, only its arguments. It may keep state between steps (e.g. streaming
 * indicators fed with the candles closed since the last step). A host calls it from one thread.
 */
public interface Controller {

  ControllerConfig config();

  /**
   * Decides at {@code market.now()}.
   *
   * @param active this controller's executors that are active now (not terminated)
   * @param closedSinceLastStep executors of this controller that terminated since the previous call (so a
   *     controller that needs history, such as a stop-loss cooldown per level, remembers what it needs instead of
   *     scanning every executor ever closed)
   * @return the actions, usually an empty list (return {@code List.of()}, not a new list, on the hot path)
   */
  List<ExecutorAction> determineActions(
      MarketView market, List<? extends ExecutorInfo> active, List<? extends ExecutorInfo> closedSinceLastStep);

  /**
   * Decides at {@code market.now()} knowing the position this controller holds (Hummingbot's
   * {@code positions_held}, which its hosts set on the controller before each decision). Hosts call this one with
   * their {@code ExecutorSupervisor.hold()}; controllers that do not look at held positions need not override it.
   */
  default List<ExecutorAction> determineActions(MarketView market, List<? extends ExecutorInfo> active,
      List<? extends ExecutorInfo> closedSinceLastStep, PositionHeld held) {
    return determineActions(market, active, closedSinceLastStep);
  }

  /**
   * The names of the features this controller decides on, besides the candle's own columns, in the order
   * {@link #writeFeatures} writes them: Hummingbot's (pandas-ta's) column names where it has them, e.g.
   * {@code BBP_100_2.0}, {@code signal}. None by default (a controller without indicators, such as
   * {@code grid_strike}). Built when asked (a recording host asks once per run), so a run that records nothing
   * allocates nothing for it.
   */
  default List<String> featureNames() {
    return List.of();
  }

  /**
   * Writes the features as of the last {@link #determineActions} call (what it decided on at that candle's close)
   * into {@code out[0 .. featureNames().size())}; NaN while an indicator warms up. Only a host that records
   * features (a backtest asked for {@code processed_data}) calls it, so a run that does not ask pays nothing.
   */
  default void writeFeatures(double[] out) {}
}
