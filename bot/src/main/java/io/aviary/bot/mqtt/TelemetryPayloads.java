package io.aviary.bot.mqtt;

import io.aviary.bot.runtime.PerformanceReport;
import io.aviary.bot.runtime.PositionSummary;
import io.aviary.bot.events.BotEvent;
import io.aviary.bot.events.FundingPaymentCompleted;
import io.aviary.bot.events.OrderCancelled;
import io.aviary.bot.events.OrderCompleted;
import io.aviary.bot.events.OrderCreated;
import io.aviary.bot.events.OrderFailed;
import io.aviary.bot.events.OrderFilled;
import io.aviary.bot.events.TradeFee;
import io.aviary.connectors.model.PositionAction;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload maps of the bot's topics, shaped as Hummingbot's message models (internals §1.2, §1.4, §1.5); they go
 * through {@link WireJson} for Hummingbot's number and enum rules.
 */
final class TelemetryPayloads {

  private TelemetryPayloads() {}

  /** {@code P/hb}: {@code {"ts": <µs since epoch>}}. */
  static Map<String, Object> heartbeat(long epochMicros) {
    return Map.of("ts", epochMicros);
  }

  /** {@code P/status_updates} {@code StatusUpdateMessage}: availability {@code online}/{@code offline}. */
  static Map<String, Object> availability(long epochMs, boolean online) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", epochMs);
    m.put("type", "availability");
    m.put("msg", online ? "online" : "offline");
    return m;
  }

  /** {@code P/notify} {@code NotifyMessage}: Hummingbot never sets seq/timestamp, so they stay 0 and -1 ("-1"). */
  static Map<String, Object> notify(String msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", 0);
    m.put("timestamp", -1);
    m.put("msg", msg);
    return m;
  }

  /** {@code P/log} {@code LogMessage}; {@code timestamp} in seconds with a fraction. */
  static Map<String, Object> log(double epochSeconds, String msg, int levelNo, String levelName, String loggerName) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", epochSeconds);
    m.put("msg", msg);
    m.put("level_no", levelNo);
    m.put("level_name", levelName);
    m.put("logger_name", loggerName);
    return m;
  }

  /** {@code P/performance}: {@code {controller_id: {"performance": ..., "custom_info": ...}}}. */
  static Map<String, Object> performance(Map<String, ControllerReport> reports) {
    Map<String, Object> m = new LinkedHashMap<>();
    reports.forEach((id, report) -> m.put(id, report.toWire()));
    return m;
  }

  /** Hummingbot's {@code PerformanceReport.dict()}: the {@code *_pct} figures in percent. */
  static Map<String, Object> performanceReport(PerformanceReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("realized_pnl_quote", r.realizedPnlQuote());
    m.put("unrealized_pnl_quote", r.unrealizedPnlQuote());
    m.put("unrealized_pnl_pct", r.unrealizedPnlPct());
    m.put("realized_pnl_pct", r.realizedPnlPct());
    m.put("global_pnl_quote", r.globalPnlQuote());
    m.put("global_pnl_pct", r.globalPnlPct());
    m.put("volume_traded", r.volumeTraded());
    m.put("positions_summary", r.positionsSummary().stream().map(TelemetryPayloads::positionSummary).toList());
    m.put("close_type_counts", new java.util.TreeMap<>(r.closeTypeCounts())); // stable order on the wire
    return m;
  }

  /** One held position as Hummingbot's {@code PositionSummary}; {@code side} is written {@code "TradeType.BUY"}. */
  static Map<String, Object> positionSummary(PositionSummary p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("connector_name", p.connectorName());
    m.put("trading_pair", p.tradingPair());
    m.put("volume_traded_quote", p.volumeTradedQuote());
    m.put("side", p.side());
    m.put("amount", p.amount());
    m.put("breakeven_price", p.breakevenPrice());
    m.put("unrealized_pnl_quote", p.unrealizedPnlQuote());
    m.put("realized_pnl_quote", p.realizedPnlQuote());
    m.put("cum_fees_quote", p.cumFeesQuote());
    return m;
  }

  /** The RPC reply envelope of commlib's {@code RPCService} / Hummingbot's {@code _wrap_response}. */
  static Map<String, Object> reply(long epochMs, Map<String, Object> data) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("reply_to", "");
    header.put("timestamp", epochMs);
    header.put("content_type", "json");
    header.put("encoding", "utf8");
    header.put("agent", "commlib");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("header", header);
    m.put("data", data);
    return m;
  }

  /**
   * {@code P/events} {@code InternalEventMessage}: {@code timestamp} in whole seconds, {@code type} the MarketEvent
   * name, {@code data} the event's fields minus its timestamp.
   */
  static Map<String, Object> event(BotEvent event) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", event.timestampMs() / 1000);
    m.put("type", event.eventName());
    m.put("data", eventData(event));
    return m;
  }

  private static Map<String, Object> eventData(BotEvent event) {
    Map<String, Object> d = new LinkedHashMap<>();
    switch (event) {
      case OrderCreated e -> {
        d.put("type", e.orderType());
        d.put("trading_pair", e.tradingPair());
        d.put("amount", e.amount());
        // a MARKET order has no price: Hummingbot's Decimal("NaN") goes out as the bare NaN token
        d.put("price", e.price() == null ? Double.NaN : e.price());
        d.put("order_id", e.orderId());
        d.put("creation_timestamp", e.timestampMs() / 1000.0);
        d.put("exchange_order_id", e.exchangeOrderId());
        d.put("leverage", e.leverage());
        d.put("position", positionValue(e.position()));
      }
      case OrderFilled e -> {
        d.put("order_id", e.orderId());
        d.put("trading_pair", e.tradingPair());
        d.put("trade_type", e.tradeType());
        d.put("order_type", e.orderType());
        d.put("price", e.price());
        d.put("amount", e.amount());
        d.put("trade_fee", tradeFee(e.fee()));
        d.put("exchange_trade_id", e.exchangeTradeId());
        d.put("exchange_order_id", e.exchangeOrderId());
        d.put("leverage", e.leverage());
        d.put("position", positionValue(e.position()));
      }
      case OrderCompleted e -> {
        d.put("order_id", e.orderId());
        d.put("base_asset", e.baseAsset());
        d.put("quote_asset", e.quoteAsset());
        d.put("base_asset_amount", e.baseAssetAmount());
        d.put("quote_asset_amount", e.quoteAssetAmount());
        d.put("order_type", e.orderType());
        d.put("exchange_order_id", e.exchangeOrderId());
      }
      case OrderCancelled e -> {
        d.put("order_id", e.orderId());
        d.put("exchange_order_id", e.exchangeOrderId());
      }
      case OrderFailed e -> {
        d.put("order_id", e.orderId());
        d.put("order_type", e.orderType());
        d.put("error_message", e.errorMessage());
        d.put("error_type", e.errorType());
      }
      case FundingPaymentCompleted e -> {
        d.put("market", e.connector());
        d.put("trading_pair", e.tradingPair());
        d.put("amount", e.amount());
        d.put("funding_rate", e.fundingRate());
      }
    }
    return d;
  }

  /** Hummingbot's events carry {@code PositionAction.value} ({@code "OPEN"}), not {@code str(enum)}. */
  private static String positionValue(PositionAction position) {
    return position == null ? PositionAction.NIL.name() : position.name();
  }

  /** {@code TradeFeeBase.to_json()}: amounts as strings, {@code percent_token} null when quote. */
  static Map<String, Object> tradeFee(TradeFee fee) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (fee == null) {
      m.put("fee_type", "AddedToCost");
      m.put("percent", "0");
      m.put("percent_token", null);
      m.put("flat_fees", List.of());
      return m;
    }
    m.put("fee_type", fee.feeType());
    m.put("percent", decimalString(fee.percent()));
    m.put("percent_token", fee.percentToken());
    m.put("flat_fees", fee.flatFees().stream().map(f -> {
      Map<String, Object> flat = new LinkedHashMap<>();
      flat.put("token", f.token());
      flat.put("amount", decimalString(f.amount()));
      return flat;
    }).toList());
    return m;
  }

  /** Python's {@code str(Decimal)} for the values fees carry (plain notation). */
  private static String decimalString(BigDecimal d) {
    return d == null ? "0" : d.toPlainString();
  }
}
