package io.aviary.connectors.venues.kraken;

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
import tools.jackson.databind.JsonNode;

/**
 * A Kraken spot session. Orders carry the caller's id as {@code cl_ord_id} (Kraken accepts a UUID or up to
 * 18 ASCII characters) and are looked up with {@code OpenOrders}/{@code ClosedOrders} filtered by it.
 */
final class KrakenTrading extends PollingTrading<KrakenApi> {

    private final KrakenMarketData marketData;

    KrakenTrading(VenueContext venue, ApiKey key, KrakenMarketData marketData) {
        super(venue, new KrakenApi(venue, key));
        this.marketData = marketData;
    }

    @Override
    public List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : api.post("BalanceEx", Query.of()).properties()) {
            if (e.getKey().contains(".")) {
                continue; // staking/earn sub-balances (.S, .F, .M) are not tradable
            }
            BigDecimal total = Json.decOrZero(e.getValue(), "balance");
            if (total.signum() != 0) {
                out.add(new Balance(KrakenApi.asset(e.getKey()), total,
                        total.subtract(Json.decOrZero(e.getValue(), "hold_trade"))));
            }
        }
        return out;
    }

    @Override
    protected OrderUpdate submitOrder(OrderRequest r) {
        Query q = Query.of().add("ordertype", r.type() == OrderType.MARKET ? "market" : "limit")
                .add("type", r.side() == TradeType.BUY ? "buy" : "sell").add("volume", r.amount())
                .add("pair", marketData.names(r.tradingPair()).altname());
        if (r.type() != OrderType.MARKET) {
            q.add("price", r.price());
        }
        if (r.type() == OrderType.LIMIT_MAKER) {
            q.add("oflags", "post");
        }
        q.add("cl_ord_id", r.clientOrderId());
        JsonNode res = api.post("AddOrder", q);
        return accepted(r, Json.str(res.path("txid").path(0)));
    }

    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        return cancelThenLookUp(pair, clientOrderId,
                () -> api.post("CancelOrder", Query.of().add("cl_ord_id", clientOrderId)));
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        List<OrderUpdate> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : api.post("OpenOrders", Query.of()).path("open").properties()) {
            OrderUpdate o = order(e.getKey(), e.getValue(), null);
            if (o != null && (pair.isEmpty() || pair.get().equals(o.tradingPair()))) {
                out.add(o);
            }
        }
        return out;
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        for (Map.Entry<String, JsonNode> e : api.post("OpenOrders", Query.of().add("cl_ord_id", clientOrderId))
                .path("open").properties()) {
            return order(e.getKey(), e.getValue(), pair);
        }
        for (Map.Entry<String, JsonNode> e : api.post("ClosedOrders", Query.of().add("cl_ord_id", clientOrderId))
                .path("closed").properties()) {
            return order(e.getKey(), e.getValue(), pair);
        }
        throw new VenueException.NotFound(name, "order " + clientOrderId + " not found");
    }

    private OrderUpdate order(String txid, JsonNode o, TradingPair known) {
        JsonNode d = o.path("descr");
        TradingPair pair = known != null ? known : marketData.pairOfKey(Json.str(d, "pair"));
        if (pair == null) {
            return null;
        }
        BigDecimal vol = Json.decOrZero(o, "vol");
        BigDecimal exec = Json.decOrZero(o, "vol_exec");
        OrderState state = switch (String.valueOf(Json.str(o, "status"))) {
            case "pending" -> OrderState.PENDING_CREATE;
            case "open" -> exec.signum() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.OPEN;
            case "closed" -> OrderState.FILLED;
            case "canceled", "expired" -> OrderState.CANCELED;
            default -> OrderState.OPEN;
        };
        String oflags = Json.str(o, "oflags");
        OrderType type = "market".equals(Json.str(d, "ordertype")) ? OrderType.MARKET
                : oflags != null && oflags.contains("post") ? OrderType.LIMIT_MAKER : OrderType.LIMIT;
        double time = Double.parseDouble(Json.str(o, "closetm") != null ? Json.str(o, "closetm")
                : Json.str(o, "opentm") != null ? Json.str(o, "opentm") : "0");
        return new OrderUpdate(Json.str(o, "cl_ord_id"), txid, pair,
                "sell".equals(Json.str(d, "type")) ? TradeType.SELL : TradeType.BUY, type, Json.dec(d, "price"), vol,
                state, exec, Json.decOrZero(o, "cost"), Instant.ofEpochMilli((long) (time * 1000)), null);
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        OrderUpdate o = orderStatus(pair, clientOrderId);
        return fills(Query.of(), pair).stream()
                .filter(f -> o.exchangeOrderId().equals(f.exchangeOrderId()))
                .map(f -> new Fill(f.tradeId(), clientOrderId, f.exchangeOrderId(), f.tradingPair(), f.side(), f.price(),
                        f.amount(), f.fee(), f.feeAsset(), f.maker(), f.positionAction(), f.timestamp()))
                .toList();
    }

    /**
     * Kraken answers {@value #TRADES_PAGE} trades per call (of every pair, newest first): the next
     * page is asked with {@code ofs} = the rows read so far, until a short page. The count is of
     * rows returned, not of this pair's, so other pairs' trades never end the reading early.
     */
    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return FillPager.readAll(0, TRADES_PAGE, ofs -> {
            JsonNode trades = api.post("TradesHistory", Query.of().add("start", since.getEpochSecond()).add("ofs", ofs))
                    .path("trades");
            return FillPager.Page.of(fills(trades, pair), trades.size(), ofs + trades.size());
        });
    }

    static final int TRADES_PAGE = 50;

    private List<Fill> fills(Query q, TradingPair pair) {
        return fills(api.post("TradesHistory", q).path("trades"), pair);
    }

    private List<Fill> fills(JsonNode trades, TradingPair pair) {
        List<Fill> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : trades.properties()) {
            JsonNode t = e.getValue();
            TradingPair p = marketData.pairOfKey(Json.str(t, "pair"));
            if (p == null || !p.equals(pair)) {
                continue;
            }
            out.add(new Fill(e.getKey(), null, Json.str(t, "ordertxid"), p,
                    "sell".equals(Json.str(t, "type")) ? TradeType.SELL : TradeType.BUY, Json.dec(t, "price"),
                    Json.dec(t, "vol"), Json.decOrZero(t, "fee"), p.quote(), Json.bool(t, "maker"), PositionAction.NIL,
                    Instant.ofEpochMilli((long) (Double.parseDouble(Json.str(t, "time")) * 1000))));
        }
        out.sort(Comparator.comparing(Fill::timestamp));
        return out;
    }
}
