package io.aviary.strategy.controller;

import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * What every controller config has (Hummingbot's {@code ControllerConfigBase} plus the market it trades). The config
 * records of {@code io.aviary.strategy.config} implement it; record components named like these accessors
 * ({@code id}, {@code controllerName}, …) satisfy it without extra code.
 */
public interface ControllerConfig {

  /** {@code id}: the controller id executors are attributed to. */
  String id();

  /** {@code controller_name}, e.g. {@code bollinger_v1}. */
  String controllerName();

  /** {@code controller_type}: {@code market_making}, {@code directional_trading} or {@code generic}. */
  String controllerType();

  /** {@code connector_name}, e.g. {@code binance_perpetual}. */
  String connectorName();

  /** {@code trading_pair}, e.g. {@code WLD-USDT}. */
  String tradingPair();

  /** {@code total_amount_quote}. */
  BigDecimal totalAmountQuote();

  /**
   * {@code initial_positions}, netted: the base this controller already holds on its own market when it starts (BUY
   * amounts − SELL amounts); empty when the config declares none. Hosts book it into the controller's position hold
   * at the mid of their first step ({@code ExecutorSupervisor#openInitialPosition}).
   */
  default OptionalDouble initialPositionsBase() {
    return OptionalDouble.empty();
  }
}
