package io.aviary.connectors.venues.bybit;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.FillPager;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.PollingTrading;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.VenueContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A Bybit spot session on the unified account, orders addressed by {@code orderLinkId}. */
final class BybitTrading extends PollingTrading<BybitApi> {

    private final BybitMarketData marketData;

    BybitTrading(VenueContext venue, ApiKey key, BybitMarketData marketData) {
        super(venue, new BybitApi(venue, key));
        this.marketData = marketData;
    }

    @Override
    public List<Balance> balances() {
        JsonNode r = api.signed("GET", "/v5/account/wallet-balance", Query.of().add("accountType", "UNIFIED"), null);
        List<JsonNode> coins = Json.list(r.get("list")).stream()
                .flatMap(account -> Json.list(account.get("coin")).stream()).toList();
        return held(coins, c -> {
            BigDecimal total = Json.decOrZero(c, "walletBalance");
            return new Balance(Json.str(c, "coin"), total, total.subtract(Json.decOrZero(c, "locked")));
        });
    }

    @Override
    protected OrderUpdate submitOrder(OrderRequest r) {
        ObjectNode body = Json.object();
        body.put("category", "spot");
        body.put("symbol", BybitMarketData.symbol(r.tradingPair()));
        body.put("side", r.side() == TradeType.BUY ? "Buy" : "Sell");
        body.put("orderType", r.type() == OrderType.MARKET ? "Market" : "Limit");
        body.put("qty", Json.plain(r.amount()));
        if (r.type() == OrderType.MARKET) {
            body.put("marketUnit", "baseCoin");
        } else {
            body.put("price", Json.plain(r.price()));
            body.put("timeInForce", r.type() == OrderType.LIMIT_MAKER ? "PostOnly" : "GTC");
        }
        body.put("orderLinkId", r.clientOrderId());
        JsonNode res = api.signed("POST", "/v5/order/create", Query.of(), body);
        return accepted(r, Json.str(res, "orderId"));
    }

    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        return cancelThenLookUp(pair, clientOrderId, () -> api.signed("POST", "/v5/order/cancel", Query.of(),
                Json.object().put("category", "spot").put("symbol", BybitMarketData.symbol(pair))
                        .put("orderLinkId", clientOrderId)));
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        Query q = Query.of().add("category", "spot");
        pair.ifPresent(p -> q.add("symbol", BybitMarketData.symbol(p)));
        q.add("openOnly", 0).add("limit", 50);
        List<OrderUpdate> out = new ArrayList<>();
        for (JsonNode o : Json.list(api.signed("GET", "/v5/order/realtime", q, null).get("list"))) {
            TradingPair p = pair.orElseGet(() -> marketData.pairOf(Json.str(o, "symbol")));
            if (p != null) {
                out.add(order(p, o));
            }
        }
        return out;
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        Query q = Query.of().add("category", "spot").add("symbol", BybitMarketData.symbol(pair))
                .add("orderLinkId", clientOrderId);
        List<JsonNode> list = Json.list(api.signed("GET", "/v5/order/realtime", q, null).get("list"));
        if (list.isEmpty()) {
            q = Query.of().add("category", "spot").add("symbol", BybitMarketData.symbol(pair))
                    .add("orderLinkId", clientOrderId);
            list = Json.list(api.signed("GET", "/v5/order/history", q, null).get("list"));
        }
        if (list.isEmpty()) {
            throw new VenueException.NotFound(name, "order " + clientOrderId + " not found");
        }
        return order(pair, list.get(0));
    }

    static OrderUpdate order(TradingPair pair, JsonNode o) {
        OrderState state = switch (String.valueOf(Json.str(o, "orderStatus"))) {
            case "New", "Untriggered", "Triggered", "Created" -> OrderState.OPEN;
            case "PartiallyFilled" -> OrderState.PARTIALLY_FILLED;
            case "Filled" -> OrderState.FILLED;
            case "Cancelled", "PartiallyFilledCanceled", "Deactivated" -> OrderState.CANCELED;
            case "Rejected" -> OrderState.FAILED;
            default -> OrderState.OPEN;
        };
        OrderType type = "Market".equals(Json.str(o, "orderType")) ? OrderType.MARKET
                : "PostOnly".equals(Json.str(o, "timeInForce")) ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
        String reject = Json.str(o, "rejectReason");
        return new OrderUpdate(Json.str(o, "orderLinkId"), Json.str(o, "orderId"), pair,
                "Sell".equals(Json.str(o, "side")) ? TradeType.SELL : TradeType.BUY, type, Json.dec(o, "price"),
                Json.dec(o, "qty"), state, Json.decOrZero(o, "cumExecQty"), Json.decOrZero(o, "cumExecValue"),
                Instant.ofEpochMilli(Json.lng(o, "updatedTime", Json.lng(o, "createdTime", 0))),
                state == OrderState.FAILED && reject != null && !"EC_NoError".equals(reject) ? reject : null);
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        return fills(pair, Query.of().add("category", "spot").add("symbol", BybitMarketData.symbol(pair))
                .add("orderLinkId", clientOrderId));
    }

    /**
     * Bybit answers at most {@value #EXECUTIONS_PAGE} executions per call and 7 days per query: every
     * 7-day window from {@code since}, each paged by {@code nextPageCursor} until a short page or no cursor.
     */
    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return FillPager.readWindows(since, Instant.now().plus(Duration.ofMinutes(1)), Duration.ofDays(7),
                (from, to) -> FillPager.readAll("", EXECUTIONS_PAGE, cursor -> {
                    Query q = Query.of().add("category", "spot").add("symbol", BybitMarketData.symbol(pair))
                            .add("startTime", from.toEpochMilli()).add("endTime", to.toEpochMilli())
                            .add("limit", EXECUTIONS_PAGE);
                    JsonNode result = api.signed("GET", "/v5/execution/list",
                            FillPager.atCursor(q, "cursor", cursor), null);
                    List<JsonNode> rows = Json.list(result.get("list"));
                    return FillPager.Page.ofCursor(fills(pair, rows), rows.size(), Json.str(result, "nextPageCursor"));
                }));
    }

    static final int EXECUTIONS_PAGE = 100;

    private List<Fill> fills(TradingPair pair, Query q) {
        return fills(pair, Json.list(api.signed("GET", "/v5/execution/list", q, null).get("list")));
    }

    private static List<Fill> fills(TradingPair pair, List<JsonNode> rows) {
        return rows.stream()
                .map(f -> new Fill(Json.str(f, "execId"), Json.str(f, "orderLinkId"), Json.str(f, "orderId"), pair,
                        "Sell".equals(Json.str(f, "side")) ? TradeType.SELL : TradeType.BUY, Json.dec(f, "execPrice"),
                        Json.dec(f, "execQty"), Json.decOrZero(f, "execFee"), Json.str(f, "feeCurrency"),
                        Json.bool(f, "isMaker"), PositionAction.NIL, Instant.ofEpochMilli(Json.lng(f, "execTime", 0))))
                .sorted(Comparator.comparing(Fill::timestamp)).toList();
    }
}
