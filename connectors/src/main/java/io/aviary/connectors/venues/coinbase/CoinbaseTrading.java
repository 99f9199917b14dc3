package io.aviary.connectors.venues.coinbase;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Coinbase Advanced Trade session. Coinbase de-duplicates {@code client_order_id} itself (placing again
 * answers the existing order). Cancel and status need Coinbase's order id: the session remembers the ids of
 * orders it placed and otherwise finds the order among the product's orders by {@code client_order_id}.
 */
final class CoinbaseTrading extends PollingTrading<CoinbaseApi> {

    private static final String BASE = CoinbaseMarketData.BASE;

    private final Map<String, String> orderIds = new ConcurrentHashMap<>();

    CoinbaseTrading(VenueContext venue, ApiKey key) {
        super(venue, new CoinbaseApi(venue, key));
    }

    @Override
    public List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode r = api.signed("GET", BASE + "/accounts", Query.of().add("limit", 250).add("cursor", cursor), null);
            for (JsonNode a : Json.list(r.get("accounts"))) {
                BigDecimal available = Json.decOrZero(a.path("available_balance"), "value");
                BigDecimal total = available.add(Json.decOrZero(a.path("hold"), "value"));
                if (total.signum() != 0) {
                    out.add(new Balance(Json.str(a, "currency"), total, available));
                }
            }
            cursor = Json.bool(r, "has_next") ? Json.str(r, "cursor") : null;
        } while (cursor != null);
        return out;
    }

    @Override
    protected OrderUpdate submitOrder(OrderRequest r) {
        ObjectNode body = Json.object();
        body.put("client_order_id", r.clientOrderId());
        body.put("product_id", CoinbaseMarketData.productId(r.tradingPair()));
        body.put("side", r.side().name());
        ObjectNode config = body.putObject("order_configuration");
        if (r.type() == OrderType.MARKET) {
            config.putObject("market_market_ioc").put("base_size", Json.plain(r.amount()));
        } else {
            ObjectNode limit = config.putObject("limit_limit_gtc");
            limit.put("base_size", Json.plain(r.amount()));
            limit.put("limit_price", Json.plain(r.price()));
            limit.put("post_only", r.type() == OrderType.LIMIT_MAKER);
        }
        JsonNode res = api.signed("POST", BASE + "/orders", Query.of(), body);
        if (!Json.bool(res, "success")) {
            JsonNode e = res.path("error_response");
            String reason = firstNonNull(Json.str(e, "message"), Json.str(e, "preview_failure_reason"),
                    Json.str(e, "new_order_failure_reason"), Json.str(res, "failure_reason"), "order refused");
            throw new VenueException.Rejected(name, firstNonNull(Json.str(e, "error"), "") + " " + reason);
        }
        String orderId = Json.str(res.path("success_response"), "order_id");
        if (orderId == null) {
            orderId = Json.str(res, "order_id");
        }
        orderIds.put(r.clientOrderId(), orderId);
        return accepted(r, orderId);
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private String orderId(TradingPair pair, String clientOrderId) {
        String id = orderIds.get(clientOrderId);
        if (id != null) {
            return id;
        }
        String cursor = null;
        do {
            JsonNode r = api.signed("GET", BASE + "/orders/historical/batch", Query.of()
                    .add("product_ids", CoinbaseMarketData.productId(pair)).add("limit", 250).add("cursor", cursor), null);
            for (JsonNode o : Json.list(r.get("orders"))) {
                if (clientOrderId.equals(Json.str(o, "client_order_id"))) {
                    orderIds.put(clientOrderId, Json.str(o, "order_id"));
                    return Json.str(o, "order_id");
                }
            }
            cursor = Json.bool(r, "has_next") ? Json.str(r, "cursor") : null;
        } while (cursor != null);
        throw new VenueException.NotFound(name, "order " + clientOrderId + " not found");
    }

    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        String id = orderId(pair, clientOrderId);
        ObjectNode body = Json.object();
        body.putArray("order_ids").add(id);
        JsonNode result = api.signed("POST", BASE + "/orders/batch_cancel", Query.of(), body).path("results").path(0);
        if (!Json.bool(result, "success")) {
            String reason = Json.str(result, "failure_reason");
            if ("UNKNOWN_CANCEL_ORDER".equals(reason)) {
                throw new VenueException.NotFound(name, reason);
            }
            if (!"DUPLICATE_CANCEL_REQUEST".equals(reason)) {
                throw new VenueException.Rejected(name, reason == null ? "cancel refused" : reason);
            }
        }
        return pendingCancelIfOpen(orderStatus(pair, clientOrderId), pair);
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        List<OrderUpdate> out = new ArrayList<>();
        String cursor = null;
        do {
            Query q = Query.of().add("order_status", "OPEN");
            pair.ifPresent(p -> q.add("product_ids", CoinbaseMarketData.productId(p)));
            q.add("limit", 250).add("cursor", cursor);
            JsonNode r = api.signed("GET", BASE + "/orders/historical/batch", q, null);
            for (JsonNode o : Json.list(r.get("orders"))) {
                out.add(order(o));
            }
            cursor = Json.bool(r, "has_next") ? Json.str(r, "cursor") : null;
        } while (cursor != null);
        return out;
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        String id = orderId(pair, clientOrderId);
        return order(api.signed("GET", BASE + "/orders/historical/" + id, Query.of(), null).path("order"));
    }

    static OrderUpdate order(JsonNode o) {
        BigDecimal filled = Json.decOrZero(o, "filled_size");
        OrderState state = switch (String.valueOf(Json.str(o, "status"))) {
            case "PENDING", "QUEUED" -> OrderState.PENDING_CREATE;
            case "OPEN" -> filled.signum() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.OPEN;
            case "CANCEL_QUEUED" -> OrderState.PENDING_CANCEL;
            case "FILLED" -> OrderState.FILLED;
            case "CANCELLED", "EXPIRED" -> OrderState.CANCELED;
            case "FAILED" -> OrderState.FAILED;
            default -> OrderState.OPEN;
        };
        JsonNode config = o.path("order_configuration");
        JsonNode limit = config.path("limit_limit_gtc");
        JsonNode market = config.path("market_market_ioc");
        OrderType type;
        BigDecimal price = null;
        BigDecimal amount;
        if (!limit.isMissingNode()) {
            type = Json.bool(limit, "post_only") ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
            price = Json.dec(limit, "limit_price");
            amount = Json.dec(limit, "base_size");
        } else {
            type = "LIMIT".equals(Json.str(o, "order_type")) ? OrderType.LIMIT : OrderType.MARKET;
            amount = Json.dec(market, "base_size");
        }
        String time = Json.str(o, "last_fill_time") != null ? Json.str(o, "last_fill_time") : Json.str(o, "created_time");
        String reason = state == OrderState.FAILED ? Json.str(o, "reject_reason") : null;
        return new OrderUpdate(Json.str(o, "client_order_id"), Json.str(o, "order_id"),
                TradingPair.parse(Json.str(o, "product_id")),
                "SELL".equals(Json.str(o, "side")) ? TradeType.SELL : TradeType.BUY, type, price, amount, state, filled,
                Json.decOrZero(o, "filled_value"), time == null ? Instant.now() : Instant.parse(time), reason);
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        String id = orderId(pair, clientOrderId);
        return fills(Query.of().add("order_ids", id), clientOrderId);
    }

    /**
     * Coinbase pages fills with a {@code cursor}: follow it from {@code since} until a short page or
     * an empty cursor.
     */
    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return FillPager.readAll("", FILLS_PAGE, cursor -> {
            Query q = Query.of().add("product_ids", CoinbaseMarketData.productId(pair))
                    .add("start_sequence_timestamp", since.toString()).add("limit", FILLS_PAGE);
            JsonNode answer = api.signed("GET", BASE + "/orders/historical/fills",
                    FillPager.atCursor(q, "cursor", cursor), null);
            List<JsonNode> rows = Json.list(answer.get("fills"));
            return FillPager.Page.ofCursor(fills(rows, null), rows.size(), Json.str(answer, "cursor"));
        });
    }

    static final int FILLS_PAGE = 1000;

    private List<Fill> fills(Query q, String clientOrderId) {
        return fills(Json.list(api.signed("GET", BASE + "/orders/historical/fills", q, null).get("fills")), clientOrderId);
    }

    private static List<Fill> fills(List<JsonNode> rows, String clientOrderId) {
        return rows.stream()
                .map(f -> {
                    TradingPair pair = TradingPair.parse(Json.str(f, "product_id"));
                    return new Fill(Json.str(f, "trade_id"), clientOrderId, Json.str(f, "order_id"), pair,
                            "SELL".equals(Json.str(f, "side")) ? TradeType.SELL : TradeType.BUY, Json.dec(f, "price"),
                            Json.dec(f, "size"), Json.decOrZero(f, "commission"), pair.quote(),
                            "MAKER".equals(Json.str(f, "liquidity_indicator")), PositionAction.NIL,
                            Instant.parse(Json.str(f, "trade_time")));
                })
                .sorted(Comparator.comparing(Fill::timestamp)).toList();
    }
}
