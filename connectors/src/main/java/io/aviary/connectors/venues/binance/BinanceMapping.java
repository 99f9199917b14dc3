package io.aviary.connectors.venues.binance;

import io.aviary.connectors.model.Candle;
import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.Rules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.knowm.xchange.binance.dto.marketdata.BinanceKline;
import org.knowm.xchange.binance.dto.marketdata.KlineInterval;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Filter;
import org.knowm.xchange.binance.dto.meta.exchangeinfo.Symbol;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import tools.jackson.databind.JsonNode;

/** Binance DTOs (XChange's and raw JSON) to the port's records. */
final class BinanceMapping {

    static final Map<CandleInterval, KlineInterval> KLINE = new EnumMap<>(CandleInterval.class);

    static {
        KLINE.put(CandleInterval.M1, KlineInterval.m1);
        KLINE.put(CandleInterval.M3, KlineInterval.m3);
        KLINE.put(CandleInterval.M5, KlineInterval.m5);
        KLINE.put(CandleInterval.M15, KlineInterval.m15);
        KLINE.put(CandleInterval.M30, KlineInterval.m30);
        KLINE.put(CandleInterval.H1, KlineInterval.h1);
        KLINE.put(CandleInterval.H2, KlineInterval.h2);
        KLINE.put(CandleInterval.H4, KlineInterval.h4);
        KLINE.put(CandleInterval.H6, KlineInterval.h6);
        KLINE.put(CandleInterval.H8, KlineInterval.h8);
        KLINE.put(CandleInterval.H12, KlineInterval.h12);
        KLINE.put(CandleInterval.D1, KlineInterval.d1);
        KLINE.put(CandleInterval.D3, KlineInterval.d3);
        KLINE.put(CandleInterval.W1, KlineInterval.w1);
        KLINE.put(CandleInterval.MO1, KlineInterval.M1);
    }

    private BinanceMapping() {
    }

    static String symbol(TradingPair pair) {
        return pair.base() + pair.quote();
    }

    static boolean tradable(Symbol s, boolean perpetual) {
        if (!"TRADING".equals(s.getStatus()) || s.getBaseAsset() == null || s.getQuoteAsset() == null) {
            return false;
        }
        return !perpetual || "PERPETUAL".equals(s.getContractType());
    }

    static TradingPair pair(Symbol s) {
        return new TradingPair(s.getBaseAsset().toUpperCase(), s.getQuoteAsset().toUpperCase());
    }

    static TradingRule rule(TradingPair pair, Symbol s) {
        BigDecimal minQty = null;
        BigDecimal maxQty = null;
        BigDecimal step = null;
        BigDecimal tick = null;
        BigDecimal minNotional = null;
        for (Filter f : s.getFilters() == null ? new Filter[0] : s.getFilters()) {
            switch (f.getFilterType()) {
                case "LOT_SIZE" -> {
                    minQty = dec(f.getMinQty());
                    maxQty = dec(f.getMaxQty());
                    step = dec(f.getStepSize());
                }
                case "PRICE_FILTER" -> tick = dec(f.getTickSize());
                // spot: NOTIONAL/MIN_NOTIONAL carry minNotional; futures: MIN_NOTIONAL carries notional
                case "MIN_NOTIONAL", "NOTIONAL" -> minNotional = dec(f.getMinNotional() != null
                        ? f.getMinNotional() : f.getNotional());
                default -> { }
            }
        }
        boolean market = s.getOrderTypes() == null || java.util.Arrays.asList(s.getOrderTypes()).contains("MARKET");
        BigDecimal quoteStep = s.getQuoteAssetPrecision() != null ? Rules.increment(Integer.parseInt(s.getQuoteAssetPrecision()))
                : s.getQuotePrecision() != null ? Rules.increment(Integer.parseInt(s.getQuotePrecision())) : null;
        return Rules.rule(pair, minQty, maxQty, tick, step, quoteStep, minNotional, market, null);
    }

    static Candle candle(BinanceKline k) {
        return new Candle(Instant.ofEpochMilli(k.getOpenTime()), k.getOpen(), k.getHigh(), k.getLow(), k.getClose(),
                k.getVolume(), k.getQuoteAssetVolume(), k.getNumberOfTrades(), k.getTakerBuyBaseAssetVolume(),
                k.getTakerBuyQuoteAssetVolume());
    }

    /** A kline row of the REST API: [openTime, o, h, l, c, volume, closeTime, quoteVolume, trades, takerBase, takerQuote, _]. */
    static Candle candle(JsonNode row) {
        return new Candle(Instant.ofEpochMilli(Json.lng(row.get(0), 0)), Json.dec(row.get(1)), Json.dec(row.get(2)),
                Json.dec(row.get(3)), Json.dec(row.get(4)), Json.dec(row.get(5)), Json.dec(row.get(7)),
                Json.lng(row.get(8), 0), Json.dec(row.get(9)), Json.dec(row.get(10)));
    }

    static OrderState state(String status) {
        if (status == null) {
            return OrderState.OPEN;
        }
        return switch (status) {
            case "NEW" -> OrderState.OPEN;
            case "PENDING_NEW" -> OrderState.PENDING_CREATE;
            case "PARTIALLY_FILLED" -> OrderState.PARTIALLY_FILLED;
            case "FILLED" -> OrderState.FILLED;
            case "PENDING_CANCEL" -> OrderState.PENDING_CANCEL;
            case "CANCELED", "EXPIRED", "EXPIRED_IN_MATCH" -> OrderState.CANCELED;
            case "REJECTED" -> OrderState.FAILED;
            default -> OrderState.OPEN;
        };
    }

    static OrderType type(String type, String timeInForce) {
        if ("MARKET".equals(type)) {
            return OrderType.MARKET;
        }
        if ("LIMIT_MAKER".equals(type) || "GTX".equals(timeInForce)) {
            return OrderType.LIMIT_MAKER;
        }
        return OrderType.LIMIT;
    }

    static OrderUpdate order(TradingPair pair, BinanceOrder o) {
        BigDecimal quote = o.cumulativeQuoteQty;
        if (quote == null && o.averagePrice != null && o.executedQty != null) {
            quote = o.averagePrice.multiply(o.executedQty);
        }
        return new OrderUpdate(o.clientOrderId, Long.toString(o.orderId), pair,
                o.side == null ? TradeType.BUY : TradeType.valueOf(o.side.name()),
                type(o.type == null ? null : o.type.name(), o.timeInForce == null ? null : o.timeInForce.name()),
                o.price, o.origQty, state(o.status == null ? null : o.status.name()),
                zero(o.executedQty), zero(quote), Instant.ofEpochMilli(o.time), null);
    }

    /** An order as raw JSON (spot or futures field names). */
    static OrderUpdate order(TradingPair pair, JsonNode o) {
        BigDecimal quote = Json.dec(o, "cummulativeQuoteQty");
        if (quote == null) {
            quote = Json.dec(o, "cumQuote");
        }
        long time = Json.lng(o, "updateTime", Json.lng(o, "transactTime", Json.lng(o, "time", 0)));
        return new OrderUpdate(Json.str(o, "clientOrderId"), Json.str(o, "orderId"), pair,
                TradeType.valueOf(Json.str(o, "side")), type(Json.str(o, "type"), Json.str(o, "timeInForce")),
                Json.dec(o, "price"), Json.dec(o, "origQty"), state(Json.str(o, "status")),
                zero(Json.dec(o, "executedQty")), zero(quote), Instant.ofEpochMilli(time), null);
    }

    static Fill fill(TradingPair pair, BinanceTrade t, String clientOrderId) {
        return new Fill(Long.toString(t.id), clientOrderId, Long.toString(t.orderId), pair,
                t.isBuyer ? TradeType.BUY : TradeType.SELL, t.price, t.qty, t.commission, t.commissionAsset, t.isMaker,
                PositionAction.NIL, Instant.ofEpochMilli(t.time));
    }

    /** A futures userTrades row. */
    static Fill futuresFill(TradingPair pair, JsonNode t, String clientOrderId) {
        TradeType side = TradeType.valueOf(Json.str(t, "side"));
        String positionSide = Json.str(t, "positionSide");
        PositionAction action = PositionAction.NIL;
        if ("LONG".equals(positionSide)) {
            action = side == TradeType.BUY ? PositionAction.OPEN : PositionAction.CLOSE;
        } else if ("SHORT".equals(positionSide)) {
            action = side == TradeType.SELL ? PositionAction.OPEN : PositionAction.CLOSE;
        }
        return new Fill(Json.str(t, "id"), clientOrderId, Json.str(t, "orderId"), pair, side, Json.dec(t, "price"),
                Json.dec(t, "qty"), Json.dec(t, "commission"), Json.str(t, "commissionAsset"), Json.bool(t, "maker"),
                action, Instant.ofEpochMilli(Json.lng(t, "time", 0)));
    }

    static BigDecimal zero(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }

    private static BigDecimal dec(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return new BigDecimal(s);
    }
}
