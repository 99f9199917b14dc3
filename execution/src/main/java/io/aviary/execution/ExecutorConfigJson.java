package io.aviary.execution;

import io.aviary.strategy.executor.ArbitrageExecutor;
import io.aviary.strategy.executor.ArbitrageExecutorConfig;
import io.aviary.strategy.executor.ConnectorPair;
import io.aviary.strategy.executor.DCAExecutorConfig;
import io.aviary.strategy.executor.ExecutorConfig;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.PositionExecutor;
import io.aviary.strategy.executor.GridExecutorConfig;
import io.aviary.strategy.executor.LimitChaserConfig;
import io.aviary.strategy.executor.OrderExecutorConfig;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TrailingStop;
import io.aviary.strategy.executor.TripleBarrierConfig;
import io.aviary.strategy.executor.TwapExecutorConfig;
import io.aviary.strategy.executor.XEMMExecutor;
import io.aviary.strategy.executor.XEMMExecutorConfig;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An executor config as Hummingbot's {@code model_dump_json()} writes it into {@code Executors.config}: pydantic's
 * field order (base fields {@code id, type, timestamp, controller_id} first), Decimals as strings, {@code side} and
 * order types as their integer values, the string enums (DCA/TWAP {@code mode}, {@code execution_strategy},
 * {@code position_action}) by name, unset optionals as {@code null}.
 */
public final class ExecutorConfigJson {

  private ExecutorConfigJson() {
  }

  public static Map<String, Object> config(ExecutorConfig config) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", config.id());
    map.put("type", config.type());
    map.put("timestamp", (double) config.timestamp());
    map.put("controller_id", config.controllerId());
    switch (config) {
      case PositionExecutorConfig c -> position(c, map);
      case DCAExecutorConfig c -> dca(c, map);
      case GridExecutorConfig c -> grid(c, map);
      case OrderExecutorConfig c -> order(c, map);
      case TwapExecutorConfig c -> twap(c, map);
      case ArbitrageExecutorConfig c -> arbitrage(c, map);
      case XEMMExecutorConfig c -> xemm(c, map);
    }
    return map;
  }

  /**
   * The part of Hummingbot's {@code custom_info} that readers use ({@code level_id}, {@code side}; for a position
   * executor also {@code current_position_average_price} and {@code close_price}, which the API's performance
   * reader takes as break-even and close price).
   */
  public static Map<String, Object> customInfo(ExecutorInfo info) {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("level_id", info.levelId());
    custom.put("side", info.side() == null ? null : info.side().code());
    switch (info) {
      case PositionExecutor position -> {
        custom.put("current_position_average_price", decimal(position.entryPrice()));
        custom.put("close_price", decimal(position.closePrice()));
      }
      case ArbitrageExecutor arbitrage -> {
        ArbitrageExecutorConfig c = arbitrage.config();
        custom.put("buy_connector", c.buyingMarket().connectorName());
        custom.put("sell_connector", c.sellingMarket().connectorName());
        custom.put("buy_pair", c.buyingMarket().tradingPair());
        custom.put("sell_pair", c.sellingMarket().tradingPair());
        custom.put("buy_price", decimal(arbitrage.lastBuyPrice()));
        custom.put("sell_price", decimal(arbitrage.lastSellPrice()));
        custom.put("tx_cost_pct", decimal(arbitrage.txCostPct()));
        custom.put("profit_pct", decimal(arbitrage.profitability()));
      }
      case XEMMExecutor xemm -> {
        XEMMExecutorConfig c = xemm.config();
        custom.put("maker_connector", c.makerMarket().connectorName());
        custom.put("maker_trading_pair", c.makerMarket().tradingPair());
        custom.put("taker_connector", c.takerMarket().connectorName());
        custom.put("taker_trading_pair", c.takerMarket().tradingPair());
        custom.put("min_profitability", decimal(c.minProfitability()));
        custom.put("target_profitability_pct", decimal(c.targetProfitability()));
        custom.put("max_profitability", decimal(c.maxProfitability()));
        custom.put("trade_profitability", decimal(xemm.tradeProfitability()));
        custom.put("tx_cost_pct", decimal(xemm.txCostPct()));
        custom.put("taker_price", decimal(xemm.takerPrice()));
        custom.put("maker_target_price", decimal(xemm.makerPrice()));
        custom.put("net_profitability", decimal(xemm.tradeProfitability() - xemm.txCostPct()));
        custom.put("order_amount", decimal(c.orderAmount()));
      }
      default -> {
      }
    }
    return custom;
  }

  private static void position(PositionExecutorConfig c, Map<String, Object> map) {
    map.put("trading_pair", c.tradingPair());
    map.put("connector_name", c.connectorName());
    map.put("side", c.side().code());
    map.put("entry_price", decimal(c.entryPrice()));
    map.put("amount", decimal(c.amount()));
    map.put("triple_barrier_config", tripleBarrier(c.tripleBarrierConfig()));
    map.put("leverage", c.leverage());
    map.put("activation_bounds", c.activationBounds() == null ? null : decimals(c.activationBounds()));
    map.put("level_id", c.levelId());
  }

  private static void dca(DCAExecutorConfig c, Map<String, Object> map) {
    map.put("connector_name", c.connectorName());
    map.put("trading_pair", c.tradingPair());
    map.put("side", c.side().code());
    map.put("leverage", c.leverage());
    map.put("amounts_quote", decimals(c.amountsQuote()));
    map.put("prices", decimals(c.prices()));
    map.put("take_profit", decimal(c.takeProfit()));
    map.put("stop_loss", decimal(c.stopLoss()));
    map.put("trailing_stop", trailingStop(c.trailingStop()));
    map.put("time_limit", c.timeLimit());
    map.put("mode", c.mode().name());
    map.put("activation_bounds", c.activationBounds() == null ? null : decimals(c.activationBounds()));
    map.put("level_id", c.levelId());
  }

  private static void grid(GridExecutorConfig c, Map<String, Object> map) {
    map.put("connector_name", c.connectorName());
    map.put("trading_pair", c.tradingPair());
    map.put("start_price", decimal(c.startPrice()));
    map.put("end_price", decimal(c.endPrice()));
    map.put("limit_price", decimal(c.limitPrice()));
    map.put("side", c.side().code());
    map.put("total_amount_quote", decimal(c.totalAmountQuote()));
    map.put("min_spread_between_orders", decimal(c.minSpreadBetweenOrders()));
    map.put("min_order_amount_quote", decimal(c.minOrderAmountQuote()));
    map.put("max_open_orders", c.maxOpenOrders());
    map.put("max_orders_per_batch", c.maxOrdersPerBatch() == 0 ? null : c.maxOrdersPerBatch());
    map.put("order_frequency", c.orderFrequency());
    map.put("activation_bounds", decimal(c.activationBounds()));
    map.put("safe_extra_spread", decimal(c.safeExtraSpread()));
    map.put("triple_barrier_config", tripleBarrier(c.tripleBarrierConfig()));
    map.put("leverage", c.leverage());
    map.put("level_id", c.levelId());
    // Aviary's grid has no base-fee deduction: Hummingbot's default
    map.put("deduct_base_fees", false);
    map.put("keep_position", c.keepPosition());
    map.put("coerce_tp_to_step", c.coerceTpToStep());
  }

  private static void order(OrderExecutorConfig c, Map<String, Object> map) {
    map.put("trading_pair", c.tradingPair());
    map.put("connector_name", c.connectorName());
    map.put("side", c.side().code());
    map.put("amount", decimal(c.amount()));
    map.put("position_action", c.positionAction().name());
    map.put("price", decimal(c.price()));
    map.put("chaser_config", chaser(c.chaserConfig()));
    map.put("execution_strategy", c.executionStrategy().name());
    map.put("leverage", c.leverage());
    map.put("level_id", c.levelId());
  }

  private static void twap(TwapExecutorConfig c, Map<String, Object> map) {
    map.put("connector_name", c.connectorName());
    map.put("trading_pair", c.tradingPair());
    map.put("side", c.side().code());
    map.put("leverage", c.leverage());
    map.put("total_amount_quote", decimal(c.totalAmountQuote()));
    map.put("total_duration", c.totalDuration());
    map.put("order_interval", c.orderInterval());
    map.put("mode", c.mode().name());
    map.put("limit_order_buffer", decimal(c.limitOrderBuffer()));
    map.put("order_resubmission_time", c.orderResubmissionTime() == 0 ? null : c.orderResubmissionTime());
  }

  private static void arbitrage(ArbitrageExecutorConfig c, Map<String, Object> map) {
    map.put("buying_market", market(c.buyingMarket()));
    map.put("selling_market", market(c.sellingMarket()));
    map.put("order_amount", decimal(c.orderAmount()));
    map.put("min_profitability", decimal(c.minProfitability()));
    map.put("gas_conversion_price", decimal(c.gasConversionPrice()));
  }

  private static void xemm(XEMMExecutorConfig c, Map<String, Object> map) {
    map.put("buying_market", market(c.buyingMarket()));
    map.put("selling_market", market(c.sellingMarket()));
    map.put("maker_side", c.makerSide().code());
    map.put("order_amount", decimal(c.orderAmount()));
    map.put("min_profitability", decimal(c.minProfitability()));
    map.put("target_profitability", decimal(c.targetProfitability()));
    map.put("max_profitability", decimal(c.maxProfitability()));
  }

  private static Map<String, Object> market(ConnectorPair market) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("connector_name", market.connectorName());
    map.put("trading_pair", market.tradingPair());
    return map;
  }

  private static Map<String, Object> tripleBarrier(TripleBarrierConfig c) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("stop_loss", decimal(c.stopLoss()));
    map.put("take_profit", decimal(c.takeProfit()));
    map.put("time_limit", c.timeLimit());
    map.put("trailing_stop", trailingStop(c.trailingStop()));
    map.put("open_order_type", c.openOrderType().code());
    map.put("take_profit_order_type", c.takeProfitOrderType().code());
    map.put("stop_loss_order_type", c.stopLossOrderType().code());
    map.put("time_limit_order_type", c.timeLimitOrderType().code());
    return map;
  }

  private static Map<String, Object> trailingStop(TrailingStop stop) {
    if (stop == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("activation_price", decimal(stop.activationPrice()));
    map.put("trailing_delta", decimal(stop.trailingDelta()));
    return map;
  }

  private static Map<String, Object> chaser(LimitChaserConfig chaser) {
    if (chaser == null) {
      return null;
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("distance", decimal(chaser.distance()));
    map.put("refresh_threshold", decimal(chaser.refreshThreshold()));
    return map;
  }

  private static List<String> decimals(List<Double> values) {
    return values.stream().map(ExecutorConfigJson::decimal).toList();
  }

  private static String decimal(Double value) {
    return value == null ? null : decimal(value.doubleValue());
  }

  /**
   * A double as pydantic writes a Decimal ({@code str(Decimal)}): the double's shortest digits, integral values
   * without a fraction ({@code 94000}, not {@code 9.4E+4}); NaN (Aviary's "unset") as {@code null}.
   */
  public static String decimal(double value) {
    if (Double.isNaN(value)) {
      return null;
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    return (decimal.scale() < 0 ? decimal.setScale(0) : decimal).toString();
  }
}
