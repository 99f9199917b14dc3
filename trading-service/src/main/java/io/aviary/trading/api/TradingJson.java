package io.aviary.trading.api;

import io.aviary.connectors.model.OrderState;
import io.aviary.kit.web.WireTime;
import io.aviary.trading.domain.ActiveOrder;
import io.aviary.trading.domain.FundingRow;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.Page;
import io.aviary.trading.domain.PositionRow;
import io.aviary.trading.domain.TradeRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The wire shapes of api-catalog §1.5: field names and string-versus-number choices of the
 * Hummingbot API (Decimal as string where pydantic or {@code InFlightOrder.to_json} emit strings,
 * numbers where the original answered database rows).
 */
final class TradingJson {

    private TradingJson() {
    }

    static <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> item) {
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("limit", page.limit());
        pagination.put("has_more", page.hasMore());
        pagination.put("next_cursor", page.nextCursor());
        pagination.put("total_count", page.totalCount());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", page.items().stream().map(item).toList());
        body.put("pagination", pagination);
        return body;
    }

    /**
     * {@code TradeResponse}: like the original it echoes the amount and price the caller sent (the
     * order went to the venue rounded to the pair's increments; orders/search shows what was placed).
     * {@code order_status} is an addition telling where the order stands now.
     */
    static Map<String, Object> placed(OrderRecord order, BigDecimal sentAmount, BigDecimal sentPrice) {
        Map<String, Object> m = row("order_id", order.clientOrderId(), order.accountName(), order.connectorName(),
                order.tradingPair().toString());
        m.put("trade_type", order.tradeType().name());
        m.put("amount", plain(sentAmount));
        m.put("order_type", order.orderType().name());
        m.put("price", plain(sentPrice));
        m.put("status", "submitted");
        m.put("order_status", order.status().name());
        m.put("exchange_order_id", order.exchangeOrderId());
        return m;
    }

    /** Hummingbot {@code InFlightOrder.to_json()} plus account and connector. */
    static Map<String, Object> inFlight(ActiveOrder active) {
        OrderRecord order = active.order();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_order_id", order.clientOrderId());
        m.put("exchange_order_id", order.exchangeOrderId());
        m.put("trading_pair", order.tradingPair().toString());
        m.put("order_type", order.orderType().name());
        m.put("trade_type", order.tradeType().name());
        m.put("price", plain(order.price()));
        m.put("amount", plain(order.amount()));
        m.put("executed_amount_base", plain(order.filledAmount()));
        m.put("executed_amount_quote", plain(order.filledQuote()));
        m.put("last_state", Integer.toString(hummingbotStateNumber(order.state())));
        m.put("leverage", Integer.toString(active.leverage()));
        m.put("position", order.positionAction().name());
        m.put("creation_timestamp", seconds(order.createdAt()));
        m.put("last_update_timestamp", seconds(order.updatedAt()));
        m.put("order_fills", orderFills(active));
        m.put("account_name", order.accountName());
        m.put("connector_name", order.connectorName());
        m.put("status", order.status().name());
        return m;
    }

    /** Hummingbot's {@code order_fills}: {@code TradeUpdate.to_json()} by trade id, oldest first. */
    private static Map<String, Object> orderFills(ActiveOrder active) {
        Map<String, Object> fills = new LinkedHashMap<>();
        for (TradeRow fill : active.fills()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("trade_id", fill.tradeId());
            f.put("client_order_id", fill.clientOrderId());
            f.put("exchange_order_id", active.order().exchangeOrderId());
            f.put("trading_pair", fill.tradingPair());
            f.put("fill_timestamp", seconds(fill.filledAt()));
            f.put("fill_price", plain(fill.price()));
            f.put("fill_base_amount", plain(fill.amount()));
            f.put("fill_quote_amount", plain(fill.price().multiply(fill.amount())));
            f.put("fee", fee(fill));
            f.put("is_taker", !fill.maker());
            fills.put(fill.tradeId(), f);
        }
        return fills;
    }

    /** Hummingbot {@code TradeFeeBase.to_json()} of the fee the venue charged, as a flat amount. */
    private static Map<String, Object> fee(TradeRow fill) {
        Map<String, Object> fee = new LinkedHashMap<>();
        // Hummingbot's default fee schema: a buy pays on top of its cost, a sell out of its returns
        fee.put("fee_type", "BUY".equals(fill.tradeType()) ? "AddedToCostTradeFee" : "DeductedFromReturnsTradeFee");
        fee.put("percent", "0");
        fee.put("percent_token", null);
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("token", fill.feeCurrency());
        flat.put("amount", plain(fill.fee()));
        fee.put("flat_fees", fill.fee().signum() == 0 ? List.of() : List.of(flat));
        return fee;
    }

    /** A row of order search. */
    static Map<String, Object> orderRow(OrderRecord order) {
        Map<String, Object> m = row("order_id", order.clientOrderId(), order.accountName(), order.connectorName(),
                order.tradingPair().toString());
        m.put("trade_type", order.tradeType().name());
        m.put("order_type", order.orderType().name());
        m.put("amount", order.amount());
        m.put("price", order.price());
        m.put("status", order.status().name());
        m.put("filled_amount", order.filledAmount());
        m.put("average_fill_price", order.averageFillPrice());
        m.put("fee_paid", order.feePaid());
        m.put("fee_currency", order.feeCurrency());
        m.put("created_at", WireTime.iso(order.createdAt()));
        m.put("updated_at", WireTime.iso(order.updatedAt()));
        m.put("exchange_order_id", order.exchangeOrderId());
        m.put("error_message", order.errorMessage());
        return m;
    }

    static Map<String, Object> trade(TradeRow t) {
        Map<String, Object> m = row("trade_id", t.tradeId(), t.accountName(), t.connectorName(), t.tradingPair());
        m.put("order_id", t.clientOrderId());
        m.put("trade_type", t.tradeType());
        m.put("amount", t.amount());
        m.put("price", t.price());
        m.put("fee_paid", t.fee());
        m.put("fee_currency", t.feeCurrency());
        m.put("timestamp", WireTime.iso(t.filledAt()));
        m.put("is_maker", t.maker());
        m.put("position_action", t.positionAction());
        return m;
    }

    static Map<String, Object> position(PositionRow p) {
        Map<String, Object> m = row(null, null, p.accountName(), p.connectorName(), p.tradingPair());
        m.put("side", p.side());
        m.put("amount", p.amount());
        m.put("entry_price", p.entryPrice());
        m.put("unrealized_pnl", p.unrealizedPnl());
        m.put("leverage", p.leverage());
        m.put("mark_price", p.markPrice());
        m.put("liquidation_price", p.liquidationPrice());
        m.put("updated_at", WireTime.iso(p.updatedAt()));
        return m;
    }

    static Map<String, Object> funding(FundingRow f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("funding_payment_id", f.connectorName() + "_" + f.tradingPair() + "_" + f.paidAt().getEpochSecond());
        m.put("timestamp", WireTime.iso(f.paidAt()));
        m.putAll(row(null, null, f.accountName(), f.connectorName(), f.tradingPair()));
        m.put("funding_rate", f.fundingRate());
        m.put("funding_payment", f.amount());
        m.put("fee_currency", f.asset());
        m.put("position_size", f.positionSize());
        m.put("position_side", f.positionSide());
        m.put("exchange_funding_id", null);
        return m;
    }

    /** A new item starting with the keys every trading row carries, in the contract's order. */
    private static Map<String, Object> row(String firstKey, Object firstValue, String account, String connector,
            String pair) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (firstKey != null) {
            m.put(firstKey, firstValue);
        }
        m.put("account_name", account);
        m.put("connector_name", connector);
        m.put("trading_pair", pair);
        return m;
    }

    /** Hummingbot's {@code OrderState} numbers (PENDING_CREATE=0 … FAILED=6), which {@code last_state} carries. */
    static int hummingbotStateNumber(OrderState state) {
        return switch (state) {
            case PENDING_CREATE -> 0;
            case OPEN -> 1;
            case PENDING_CANCEL -> 2;
            case CANCELED -> 3;
            case PARTIALLY_FILLED -> 4;
            case FILLED -> 5;
            case FAILED -> 6;
        };
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static double seconds(Instant at) {
        return at.toEpochMilli() / 1000.0;
    }
}
