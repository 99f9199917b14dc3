package io.aviary.connectors.venues.okx;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.FillPager;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.PollingTrading;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.VenueContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An OKX spot session ({@code tdMode=cash}), orders addressed by {@code clOrdId}. */
final class OkxTrading extends PollingTrading<OkxApi> {

    OkxTrading(VenueContext venue, ApiKey key) {
        super(venue, new OkxApi(venue, key));
    }

    @Override
    public List<Balance> balances() {
        List<JsonNode> details = Json.list(api.signed("GET", "/api/v5/account/balance", Query.of(), null)).stream()
                .flatMap(account -> Json.list(account.get("details")).stream()).toList();
        return held(details, d -> new Balance(Json.str(d, "ccy"),
                Json.dec(d, "cashBal") != null ? Json.dec(d, "cashBal") : Json.decOrZero(d, "eq"),
                Json.decOrZero(d, "availBal")));
    }

    @Override
    protected OrderUpdate submitOrder(OrderRequest r) {
        ObjectNode body = Json.object();
        body.put("instId", OkxMarketData.instId(r.tradingPair()));
        body.put("tdMode", "cash");
        body.put("clOrdId", r.clientOrderId());
        body.put("side", r.side() == TradeType.BUY ? "buy" : "sell");
        body.put("ordType", switch (r.type()) {
            case LIMIT -> "limit";
            case LIMIT_MAKER -> "post_only";
            case MARKET -> "market";
        });
        body.put("sz", Json.plain(r.amount()));
        if (r.type() == OrderType.MARKET) {
            body.put("tgtCcy", "base_ccy");
        } else {
            body.put("px", Json.plain(r.price()));
        }
        JsonNode d = api.signed("POST", "/api/v5/trade/order", Query.of(), body).path(0);
        return accepted(r, Json.str(d, "ordId"));
    }

    @Override
    protected boolean isDuplicateClientId(io.aviary.connectors.port.VenueException.Rejected e) {
        return e.getMessage().contains("51016") || super.isDuplicateClientId(e);
    }

    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        return cancelThenLookUp(pair, clientOrderId, () -> api.signed("POST", "/api/v5/trade/cancel-order", Query.of(),
                Json.object().put("instId", OkxMarketData.instId(pair)).put("clOrdId", clientOrderId)));
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        Query q = Query.of().add("instType", "SPOT");
        pair.ifPresent(p -> q.add("instId", OkxMarketData.instId(p)));
        return Json.list(api.signed("GET", "/api/v5/trade/orders-pending", q, null)).stream()
                .map(OkxTrading::order).toList();
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        JsonNode data = api.signed("GET", "/api/v5/trade/order", Query.of().add("instId", OkxMarketData.instId(pair))
                .add("clOrdId", clientOrderId), null);
        if (data == null || data.isEmpty()) {
            throw new io.aviary.connectors.port.VenueException.NotFound(name, "order " + clientOrderId + " not found");
        }
        return order(data.path(0));
    }

    static OrderUpdate order(JsonNode o) {
        OrderState state = switch (String.valueOf(Json.str(o, "state"))) {
            case "live" -> OrderState.OPEN;
            case "partially_filled" -> OrderState.PARTIALLY_FILLED;
            case "filled" -> OrderState.FILLED;
            case "canceled", "mmp_canceled" -> OrderState.CANCELED;
            default -> OrderState.OPEN;
        };
        OrderType type = switch (String.valueOf(Json.str(o, "ordType"))) {
            case "market" -> OrderType.MARKET;
            case "post_only" -> OrderType.LIMIT_MAKER;
            default -> OrderType.LIMIT;
        };
        BigDecimal filled = Json.decOrZero(o, "accFillSz");
        BigDecimal avg = Json.dec(o, "avgPx");
        return new OrderUpdate(Json.str(o, "clOrdId"), Json.str(o, "ordId"), TradingPair.parse(Json.str(o, "instId")),
                "sell".equals(Json.str(o, "side")) ? TradeType.SELL : TradeType.BUY, type, Json.dec(o, "px"),
                Json.dec(o, "sz"), state, filled, avg == null ? BigDecimal.ZERO : avg.multiply(filled),
                Instant.ofEpochMilli(Json.lng(o, "uTime", Json.lng(o, "cTime", 0))), null);
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        OrderUpdate o = orderStatus(pair, clientOrderId);
        return fills(Query.of().add("instType", "SPOT").add("instId", OkxMarketData.instId(pair))
                .add("ordId", o.exchangeOrderId()));
    }

    /**
     * OKX answers at most {@value #FILLS_PAGE} fills per call, newest first: the next (older) page
     * is asked with {@code after} = the bill id of the oldest row read, until a short page.
     */
    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return FillPager.readAll("", FILLS_PAGE, after -> {
            Query q = Query.of().add("instType", "SPOT").add("instId", OkxMarketData.instId(pair))
                    .add("begin", since.toEpochMilli()).add("limit", FILLS_PAGE);
            List<JsonNode> rows = Json.list(api.signed("GET", "/api/v5/trade/fills-history",
                    FillPager.atCursor(q, "after", after), null));
            String oldest = rows.isEmpty() ? null : Json.str(rows.get(rows.size() - 1), "billId");
            return FillPager.Page.of(fills(rows), rows.size(), oldest);
        });
    }

    static final int FILLS_PAGE = 100;

    private List<Fill> fills(Query q) {
        return fills(Json.list(api.signed("GET", "/api/v5/trade/fills-history", q, null)));
    }

    private static List<Fill> fills(List<JsonNode> rows) {
        return rows.stream()
                .map(f -> {
                    BigDecimal fee = Json.dec(f, "fee");
                    return new Fill(Json.str(f, "tradeId"), Json.str(f, "clOrdId"), Json.str(f, "ordId"),
                            TradingPair.parse(Json.str(f, "instId")),
                            "sell".equals(Json.str(f, "side")) ? TradeType.SELL : TradeType.BUY, Json.dec(f, "fillPx"),
                            Json.dec(f, "fillSz"), fee == null ? BigDecimal.ZERO : fee.negate(), Json.str(f, "feeCcy"),
                            "M".equals(Json.str(f, "execType")), PositionAction.NIL,
                            Instant.ofEpochMilli(Json.lng(f, "ts", 0)));
                })
                .sorted(Comparator.comparing(Fill::timestamp)).toList();
    }
}
