package io.aviary.backtesting.app;

import io.aviary.backtesting.domain.ProcessedDataFormat;
import io.aviary.strategy.backtest.BacktestResult;
import io.aviary.strategy.backtest.BacktestResults;
import io.aviary.strategy.backtest.PnlTimeseries;
import io.aviary.strategy.backtest.PositionHold;
import io.aviary.strategy.executor.CloseType;
import io.aviary.strategy.executor.ExecutorInfo;
import io.aviary.strategy.executor.DCAExecutorConfig;
import io.aviary.strategy.executor.GridExecutorConfig;
import io.aviary.strategy.executor.OrderExecutorConfig;
import io.aviary.strategy.executor.PositionExecutorConfig;
import io.aviary.strategy.executor.TwapExecutorConfig;
import io.aviary.strategy.executor.TrailingStop;
import io.aviary.strategy.executor.TripleBarrierConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backtest result in hummingbot-api's wire shapes (hummingbot-internals §4.4): executors as
 * {@code ExecutorInfo.to_dict()} with enums as their integer values, the §4.3 {@code results} keys, and HEAD's
 * {@code position_holds}, {@code position_held_timeseries} and {@code pnl_timeseries}. Non-finite numbers become 0
 * (the original's {@code fillna(0)} and "Sharpe None → 0"). {@code processed_data} is {@code {}} unless the request
 * asked for the controller's feature table ({@code processed_data_format}, see {@link ProcessedData}): the original
 * always answers that table, megabytes of JSON for a month of 1m candles (docs/adr/0003-contract-deviations.md).
 */
final class ResultMaps {

    private ResultMaps() {
    }

    /** ca19b95's {@code run-backtesting} answer, with {@code processed_data} in the form asked for. */
    static Map<String, Object> compact(BacktestResult result, ProcessedDataFormat processedData) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executors", executors(result.executors()));
        out.put("processed_data", processedData == ProcessedDataFormat.NONE || result.features() == null ? Map.of()
                : new ProcessedData(result.features(), processedData));
        out.put("results", results(result.results()));
        return out;
    }

    /** HEAD's {@code run} answer and a completed task's {@code result}. */
    static Map<String, Object> full(BacktestResult result, ProcessedDataFormat processedData) {
        Map<String, Object> out = compact(result, processedData);
        out.put("position_holds", result.positionHolds().stream().map(ResultMaps::hold).toList());
        out.put("position_held_timeseries", result.positionHolds().isEmpty() ? List.of()
                : heldSeries(result.pnlTimeseries()));
        out.put("pnl_timeseries", pnlSeries(result.pnlTimeseries()));
        return out;
    }

    static Map<String, Object> results(BacktestResults r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("net_pnl", num(r.netPnl()));
        out.put("net_pnl_quote", num(r.netPnlQuote()));
        out.put("total_executors", r.totalExecutors());
        out.put("total_executors_with_position", r.totalExecutorsWithPosition());
        out.put("total_volume", num(r.totalVolume()));
        out.put("total_long", r.totalLong());
        out.put("total_short", r.totalShort());
        // the original's summary gives 0, not {}, when there are no executors
        out.put("close_types", r.totalExecutors() == 0 ? 0 : r.closeTypes());
        out.put("accuracy_long", num(r.accuracyLong()));
        out.put("accuracy_short", num(r.accuracyShort()));
        out.put("total_positions", r.totalPositions());
        out.put("accuracy", num(r.accuracy()));
        out.put("max_drawdown_usd", num(r.maxDrawdownUsd()));
        out.put("max_drawdown_pct", num(r.maxDrawdownPct()));
        out.put("sharpe_ratio", num(r.sharpeRatio()));
        out.put("profit_factor", num(r.profitFactor()));
        out.put("win_signals", r.winSignals());
        out.put("loss_signals", r.lossSignals());
        out.put("unrealized_pnl_quote", num(r.unrealizedPnlQuote()));
        out.put("position_realized_pnl_quote", num(r.positionRealizedPnlQuote()));
        out.put("total_fees_quote", num(r.totalFeesQuote()));
        out.put("total_funding_quote", num(r.totalFundingQuote()));
        return out;
    }

    private static List<Map<String, Object>> executors(List<ExecutorInfo> executors) {
        List<Map<String, Object>> out = new ArrayList<>(executors.size());
        for (ExecutorInfo e : executors) {
            out.add(executor(e));
        }
        return out;
    }

    private static Map<String, Object> executor(ExecutorInfo e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("timestamp", e.timestamp());
        out.put("type", e.type());
        out.put("close_timestamp", e.closeTimestamp() == 0 ? null : e.closeTimestamp());
        CloseType closeType = e.closeType();
        out.put("close_type", closeType == null ? null : closeType.code());
        out.put("status", e.state().code());
        out.put("config", config(e));
        out.put("net_pnl_pct", num(e.netPnlPct()));
        out.put("net_pnl_quote", num(e.netPnlQuote()));
        out.put("cum_fees_quote", num(e.cumFeesQuote()));
        out.put("cum_funding_quote", num(e.cumFundingQuote()));
        out.put("filled_amount_quote", num(e.filledAmountQuote()));
        out.put("is_active", e.isActive());
        out.put("is_trading", e.isTrading());
        out.put("custom_info", Map.of("side", e.side().code(), "level_id", String.valueOf(e.levelId())));
        out.put("controller_id", e.controllerId());
        return out;
    }

    private static Map<String, Object> config(ExecutorInfo e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("type", e.type());
        out.put("timestamp", e.timestamp());
        out.put("controller_id", e.controllerId());
        out.put("connector_name", e.config().connectorName());
        out.put("trading_pair", e.config().tradingPair());
        out.put("side", e.side().code());
        switch (e.config()) {
            case PositionExecutorConfig p -> {
                out.put("entry_price", num(p.entryPrice()));
                out.put("amount", num(p.amount()));
                out.put("triple_barrier_config", barriers(p.tripleBarrierConfig()));
                out.put("leverage", p.leverage());
                out.put("level_id", p.levelId());
            }
            case OrderExecutorConfig o -> {
                out.put("amount", num(o.amount()));
                out.put("price", num(o.price()));
                out.put("execution_strategy", o.executionStrategy().name());
                out.put("position_action", o.positionAction().name());
                out.put("leverage", o.leverage());
                out.put("level_id", o.levelId());
            }
            case DCAExecutorConfig d -> {
                out.put("amounts_quote", d.amountsQuote());
                out.put("prices", d.prices());
                out.put("take_profit", d.takeProfit());
                out.put("stop_loss", d.stopLoss());
                out.put("time_limit", d.timeLimit());
                out.put("mode", d.mode().name());
                out.put("leverage", d.leverage());
                out.put("level_id", d.levelId());
            }
            case GridExecutorConfig g -> {
                out.put("start_price", num(g.startPrice()));
                out.put("end_price", num(g.endPrice()));
                out.put("limit_price", num(g.limitPrice()));
                out.put("total_amount_quote", num(g.totalAmountQuote()));
                out.put("max_open_orders", g.maxOpenOrders());
                out.put("triple_barrier_config", barriers(g.tripleBarrierConfig()));
                out.put("keep_position", g.keepPosition());
                out.put("leverage", g.leverage());
                out.put("level_id", g.levelId());
            }
            case TwapExecutorConfig t -> {
                out.put("total_amount_quote", num(t.totalAmountQuote()));
                out.put("total_duration", t.totalDuration());
                out.put("order_interval", t.orderInterval());
                out.put("mode", t.mode().name());
                out.put("leverage", t.leverage());
                out.put("level_id", t.levelId());
            }
            // two-market executors need a host that serves two markets; the backtester serves one, so none of
            // these is ever in a backtest's result: the cases only keep the switch exhaustive
            case io.aviary.strategy.executor.ArbitrageExecutorConfig a -> out.put("order_amount", num(a.orderAmount()));
            case io.aviary.strategy.executor.XEMMExecutorConfig x -> out.put("order_amount", num(x.orderAmount()));
        }
        return out;
    }

    private static Map<String, Object> barriers(TripleBarrierConfig b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stop_loss", b.stopLoss());
        out.put("take_profit", b.takeProfit());
        out.put("time_limit", b.timeLimit());
        TrailingStop t = b.trailingStop();
        out.put("trailing_stop", t == null ? null
                : Map.of("activation_price", t.activationPrice(), "trailing_delta", t.trailingDelta()));
        out.put("open_order_type", b.openOrderType().code());
        out.put("take_profit_order_type", b.takeProfitOrderType().code());
        out.put("stop_loss_order_type", b.stopLossOrderType().code());
        out.put("time_limit_order_type", b.timeLimitOrderType().code());
        return out;
    }

    private static Map<String, Object> hold(PositionHold h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connector_name", h.connectorName());
        out.put("trading_pair", h.tradingPair());
        out.put("net_amount_base", num(h.netAmountBase()));
        out.put("realized_pnl_quote", num(h.realizedPnlQuote()));
        out.put("unrealized_pnl_quote", num(h.unrealizedPnlQuote()));
        out.put("cum_fees_quote", num(h.cumFeesQuote()));
        out.put("volume_traded_quote", num(h.volumeTradedQuote()));
        out.put("is_closed", h.isClosed());
        out.put("n_executors", h.nExecutors());
        return out;
    }

    private static List<Map<String, Object>> pnlSeries(PnlTimeseries s) {
        List<Map<String, Object>> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("timestamp", s.timestamp()[i]);
            p.put("executor_realized_pnl", num(s.executorRealizedPnl()[i]));
            p.put("position_realized_pnl", num(s.positionRealizedPnl()[i]));
            p.put("position_unrealized_pnl", num(s.positionUnrealizedPnl()[i]));
            p.put("total_pnl", num(s.totalPnl()[i]));
            p.put("active_executors", s.activeExecutors()[i]);
            p.put("cumulative_volume", num(s.cumulativeVolume()[i]));
            out.add(p);
        }
        return out;
    }

    /** The hold's PnL per candle; the engine does not keep per-side amounts per candle (yet). */
    private static List<Map<String, Object>> heldSeries(PnlTimeseries s) {
        List<Map<String, Object>> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("timestamp", s.timestamp()[i]);
            p.put("unrealized_pnl", num(s.positionUnrealizedPnl()[i]));
            p.put("realized_pnl", num(s.positionRealizedPnl()[i]));
            out.add(p);
        }
        return out;
    }

    static double num(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
