package io.aviary.connectors.venues.kucoin;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A KuCoin spot session (trade account), orders addressed by {@code clientOid}. */
final class KucoinTrading extends PollingTrading<KucoinApi> {

    KucoinTrading(VenueContext venue, ApiKey key) {
        super(venue, new KucoinApi(venue, key));
    }

    @Override
    public List<Balance> balances() {
        return held(Json.list(api.signed("GET", "/api/v1/accounts", Query.of().add("type", "trade"), null)),
                a -> new Balance(Json.str(a, "currency"), Json.decOrZero(a, "balance"), Json.decOrZero(a, "available")));
    }

    @Override
    protected OrderUpdate submitOrder(OrderRequest r) {
        ObjectNode body = Json.object();
        body.put("clientOid", r.clientOrderId());
        body.put("side", r.side() == TradeType.BUY ? "buy" : "sell");
        body.put("symbol", KucoinMarketData.symbol(r.tradingPair()));
        body.put("type", r.type() == OrderType.MARKET ? "market" : "limit");
        body.put("size", Json.plain(r.amount()));
        if (r.type() != OrderType.MARKET) {
            body.put("price", Json.plain(r.price()));
            body.put("timeInForce", "GTC");
            if (r.type() == OrderType.LIMIT_MAKER) {
                body.put("postOnly", true);
            }
        }
        JsonNode d = api.signed("POST", "/api/v1/orders", Query.of(), body);
        return accepted(r, Json.str(d, "orderId"));
    }

    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        api.signed("DELETE", "/api/v1/order/client-order/" + clientOrderId, Query.of(), null);
        OrderUpdate o = orderStatus(pair, clientOrderId);
        return pendingCancelIfOpen(o, o.tradingPair());
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        Query q = Query.of().add("status", "active");
        pair.ifPresent(p -> q.add("symbol", KucoinMarketData.symbol(p)));
        q.add("pageSize", 500);
        return Json.list(api.signed("GET", "/api/v1/orders", q, null).get("items")).stream()
                .map(KucoinTrading::order).toList();
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        return order(api.signed("GET", "/api/v1/order/client-order/" + clientOrderId, Query.of(), null));
    }

    static OrderUpdate order(JsonNode o) {
        BigDecimal size = Json.decOrZero(o, "size");
        BigDecimal dealSize = Json.decOrZero(o, "dealSize");
        OrderState state;
        if (Json.bool(o, "isActive")) {
            state = dealSize.signum() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.OPEN;
        } else if (size.signum() > 0 && dealSize.compareTo(size) >= 0) {
            state = OrderState.FILLED;
        } else {
            state = OrderState.CANCELED;
        }
        OrderType type = "market".equals(Json.str(o, "type")) ? OrderType.MARKET
                : Json.bool(o, "postOnly") ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
        return new OrderUpdate(Json.str(o, "clientOid"), Json.str(o, "id"), TradingPair.parse(Json.str(o, "symbol")),
                "sell".equals(Json.str(o, "side")) ? TradeType.SELL : TradeType.BUY, type, Json.dec(o, "price"), size,
                state, dealSize, Json.decOrZero(o, "dealFunds"), Instant.ofEpochMilli(Json.lng(o, "createdAt", 0)), null);
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        OrderUpdate o = orderStatus(pair, clientOrderId);
        return fills(Query.of().add("orderId", o.exchangeOrderId()), clientOrderId);
    }

    /**
     * KuCoin answers at most {@value #FILLS_PAGE} fills per page and 7 days per query: every 7-day
     * window from {@code since}, each paged ({@code currentPage}) until a short page or its last page.
     */
    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return FillPager.readWindows(since, Instant.now().plus(Duration.ofMinutes(1)), Duration.ofDays(7),
                (from, to) -> FillPager.readAll(1, FILLS_PAGE, page -> {
                    JsonNode data = api.signed("GET", "/api/v1/fills", Query.of()
                            .add("symbol", KucoinMarketData.symbol(pair)).add("startAt", from.toEpochMilli())
                            .add("endAt", to.toEpochMilli()).add("pageSize", FILLS_PAGE).add("currentPage", page), null);
                    List<JsonNode> items = Json.list(data.get("items"));
                    boolean more = page < Json.lng(data, "totalPage", page);
                    return FillPager.Page.of(fills(items, null), items.size(), more ? page + 1 : null);
                }));
    }

    static final int FILLS_PAGE = 500;

    private List<Fill> fills(Query q, String clientOrderId) {
        return fills(Json.list(api.signed("GET", "/api/v1/fills", q, null).get("items")), clientOrderId);
    }

    private static List<Fill> fills(List<JsonNode> items, String clientOrderId) {
        return items.stream()
                .map(f -> new Fill(Json.str(f, "tradeId"), clientOrderId, Json.str(f, "orderId"),
                        TradingPair.parse(Json.str(f, "symbol")),
                        "sell".equals(Json.str(f, "side")) ? TradeType.SELL : TradeType.BUY, Json.dec(f, "price"),
                        Json.dec(f, "size"), Json.dec(f, "fee"), Json.str(f, "feeCurrency"),
                        "maker".equals(Json.str(f, "liquidity")), PositionAction.NIL,
                        Instant.ofEpochMilli(Json.lng(f, "createdAt", 0))))
                .sorted(Comparator.comparing(Fill::timestamp)).toList();
    }
}
