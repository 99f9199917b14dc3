package io.aviary.connectors.venues.gateio;

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
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Gate.io spot session. The client order id travels as {@code text} with Gate's mandatory {@code t-}
 * prefix (added when missing, removed on the way back) and addresses the order in GET/DELETE.
 * A MARKET buy is sized in quote on Gate.io: the base amount is converted with the last price.
 */
final class GateIoTrading extends PollingTrading<GateIoApi> {

    private final GateIoMarketData marketData;

    GateIoTrading(VenueContext venue, ApiKey key, GateIoMarketData marketData) {
        super(venue, new GateIoApi(venue, key));
        this.marketData = marketData;
    }

    static String text(String clientOrderId) {
        return clientOrderId.startsWith("t-") ? clientOrderId : "t-" + clientOrderId;
    }

    static String clientId(String text) {
        return text != null && text.startsWith("t-") ? text.substring(2) : text;
    }

    @Override
    public List<Balance> balances() {
        return held(Json.list(api.signed("GET", "/spot/accounts", Query.of(), null)), a -> {
            BigDecimal available = Json.decOrZero(a, "available");
            return new Balance(Json.str(a, "currency"), available.add(Json.decOrZero(a, "locked")), available);
        });
    }

    @Override
    protected OrderUpdate submitOrder(OrderRequest r) {
        ObjectNode body = Json.object();
        body.put("text", text(r.clientOrderId()));
        body.put("currency_pair", GateIoMarketData.symbol(r.tradingPair()));
        body.put("type", r.type() == OrderType.MARKET ? "market" : "limit");
        body.put("account", "spot");
        body.put("side", r.side() == TradeType.BUY ? "buy" : "sell");
        if (r.type() == OrderType.MARKET) {
            BigDecimal amount = r.amount();
            if (r.side() == TradeType.BUY) {
                BigDecimal price = r.price() != null ? r.price()
                        : marketData.lastPrices(List.of(r.tradingPair())).get(r.tradingPair());
                if (price == null) {
                    throw new VenueException.Rejected(name, "no last price to size a market buy of " + r.tradingPair());
                }
                amount = amount.multiply(price).setScale(8, RoundingMode.UP);
            }
            body.put("amount", Json.plain(amount));
            body.put("time_in_force", "ioc");
        } else {
            body.put("amount", Json.plain(r.amount()));
            body.put("price", Json.plain(r.price()));
            body.put("time_in_force", r.type() == OrderType.LIMIT_MAKER ? "poc" : "gtc");
        }
        return order(api.signed("POST", "/spot/orders", Query.of(), body), r.type());
    }

    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        return order(api.signed("DELETE", "/spot/orders/" + text(clientOrderId),
                Query.of().add("currency_pair", GateIoMarketData.symbol(pair)), null), null);
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        if (pair.isPresent()) {
            return Json.list(api.signed("GET", "/spot/orders", Query.of()
                    .add("currency_pair", GateIoMarketData.symbol(pair.get())).add("status", "open"), null)).stream()
                    .map(o -> order(o, null)).toList();
        }
        List<OrderUpdate> out = new ArrayList<>();
        for (JsonNode group : Json.list(api.signed("GET", "/spot/open_orders", Query.of(), null))) {
            for (JsonNode o : Json.list(group.get("orders"))) {
                out.add(order(o, null));
            }
        }
        return out;
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        return order(api.signed("GET", "/spot/orders/" + text(clientOrderId),
                Query.of().add("currency_pair", GateIoMarketData.symbol(pair)), null), null);
    }

    static OrderUpdate order(JsonNode o, OrderType known) {
        BigDecimal amount = Json.decOrZero(o, "amount");
        BigDecimal left = Json.decOrZero(o, "left");
        BigDecimal filledTotal = Json.decOrZero(o, "filled_total");
        BigDecimal filled = Json.dec(o, "filled_amount");
        if (filled == null) {
            filled = amount.subtract(left);
        }
        OrderState state = switch (String.valueOf(Json.str(o, "status"))) {
            case "open" -> filled.signum() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.OPEN;
            case "closed" -> OrderState.FILLED;
            case "cancelled" -> OrderState.CANCELED;
            default -> OrderState.OPEN;
        };
        OrderType type = known != null ? known : "market".equals(Json.str(o, "type")) ? OrderType.MARKET
                : "poc".equals(Json.str(o, "time_in_force")) ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
        BigDecimal updated = Json.dec(o, "update_time_ms");
        return new OrderUpdate(clientId(Json.str(o, "text")), Json.str(o, "id"),
                GateIoMarketData.pair(Json.str(o, "currency_pair")),
                "sell".equals(Json.str(o, "side")) ? TradeType.SELL : TradeType.BUY, type, Json.dec(o, "price"), amount,
                state, filled, filledTotal, Instant.ofEpochMilli(updated == null ? 0 : updated.longValue()), null);
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        OrderUpdate o = orderStatus(pair, clientOrderId);
        return fills(Query.of().add("currency_pair", GateIoMarketData.symbol(pair)).add("order_id", o.exchangeOrderId()));
    }

    /** Gate.io answers at most {@value #TRADES_PAGE} trades per page: pages 1, 2, … until a short one. */
    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return FillPager.readAll(1, TRADES_PAGE, page -> {
            List<JsonNode> rows = Json.list(api.signed("GET", "/spot/my_trades", Query.of()
                    .add("currency_pair", GateIoMarketData.symbol(pair)).add("limit", TRADES_PAGE).add("page", page)
                    .add("from", since.getEpochSecond()), null));
            return FillPager.Page.of(fills(rows), rows.size(), page + 1);
        });
    }

    static final int TRADES_PAGE = 1000;

    private List<Fill> fills(Query q) {
        return fills(Json.list(api.signed("GET", "/spot/my_trades", q, null)));
    }

    private List<Fill> fills(List<JsonNode> rows) {
        return rows.stream()
                .map(t -> {
                    BigDecimal ms = Json.dec(t, "create_time_ms");
                    return new Fill(Json.str(t, "id"), clientId(Json.str(t, "text")), Json.str(t, "order_id"),
                            GateIoMarketData.pair(Json.str(t, "currency_pair")),
                            "sell".equals(Json.str(t, "side")) ? TradeType.SELL : TradeType.BUY, Json.dec(t, "price"),
                            Json.dec(t, "amount"), Json.decOrZero(t, "fee"), Json.str(t, "fee_currency"),
                            "maker".equals(Json.str(t, "role")), PositionAction.NIL,
                            Instant.ofEpochMilli(ms == null ? 0 : ms.longValue()));
                })
                .sorted(Comparator.comparing(Fill::timestamp)).toList();
    }
}
