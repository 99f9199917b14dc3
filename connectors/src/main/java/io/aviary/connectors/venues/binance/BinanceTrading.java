package io.aviary.connectors.venues.binance;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.PositionSide;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.VenueException;
import io.aviary.connectors.venues.VenueSettings;
import io.aviary.connectors.venues.support.ApiKey;
import io.aviary.connectors.venues.support.FillPager;
import io.aviary.connectors.venues.support.Json;
import io.aviary.connectors.venues.support.PollingTrading;
import io.aviary.connectors.venues.support.Query;
import io.aviary.connectors.venues.support.RestClient;
import io.aviary.connectors.venues.xchange.XChangeSymbols;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchange.binance.BinanceExchange;
import org.knowm.xchange.binance.dto.BinanceException;
import org.knowm.xchange.binance.dto.account.BinanceAccountInformation;
import org.knowm.xchange.binance.dto.account.BinanceBalance;
import org.knowm.xchange.binance.dto.trade.BinanceNewOrder;
import org.knowm.xchange.binance.dto.trade.BinanceOrder;
import org.knowm.xchange.binance.dto.trade.BinanceTrade;
import org.knowm.xchange.binance.dto.trade.OrderSide;
import org.knowm.xchange.binance.dto.trade.TimeInForce;
import org.knowm.xchange.binance.service.BinanceAccountServiceRaw;
import org.knowm.xchange.binance.service.BinanceTradeServiceRaw;
import tools.jackson.databind.JsonNode;

/**
 * A signed session on {@code binance} or {@code binance_perpetual}. Spot runs on XChange's raw Binance
 * services for account, new order, open orders and my trades. Perpetual uses XChange for leverage and
 * position-mode changes. Native signed REST covers what XChange 5.2.4 cannot express: cancel and order
 * status by client order id (XChange requires the numeric id), orders with {@code positionSide} (hedge
 * mode), futures balances, position risk with mark and liquidation prices, the position-mode query,
 * futures order and trade queries (XChange's DTOs miss {@code cumQuote}/{@code buyer}/{@code maker}), and
 * funding income.
 */
final class BinanceTrading extends PollingTrading<BinanceRest> {

    private final boolean perpetual;
    private final BinanceMarketData marketData;
    private final BinanceTradeServiceRaw trade;
    private final BinanceAccountServiceRaw account;
    private volatile PositionMode mode;

    BinanceTrading(String name, boolean perpetual, URI baseUrl, VenueSettings settings, String apiKey, String secret,
            BinanceMarketData marketData) {
        super(name, settings.pollInterval(), new BinanceRest(name,
                new RestClient(name, baseUrl, settings.requestTimeout()), new ApiKey(apiKey, secret)));
        this.perpetual = perpetual;
        this.marketData = marketData;
        BinanceExchange exchange = BinanceXChange.create(perpetual, baseUrl, apiKey, secret, settings.requestTimeout());
        this.trade = (BinanceTradeServiceRaw) exchange.getTradeService();
        this.account = (BinanceAccountServiceRaw) exchange.getAccountService();
    }

    private String fapi(String path) {
        return "/fapi" + path;
    }

    @Override
    public List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        if (perpetual) {
            for (JsonNode b : Json.list(api.signed("GET", "/fapi/v2/balance", Query.of()))) {
                BigDecimal total = Json.decOrZero(b, "balance");
                if (total.signum() != 0) {
                    out.add(new Balance(Json.str(b, "asset"), total, Json.decOrZero(b, "availableBalance")));
                }
            }
            return out;
        }
        BinanceAccountInformation info = BinanceXChange.call(name, account::account);
        for (BinanceBalance b : info.balances) {
            if (b.getTotal() != null && b.getTotal().signum() != 0) {
                out.add(new Balance(b.getCurrency().getCurrencyCode(), b.getTotal(), b.getAvailable()));
            }
        }
        return out;
    }

    @Override
    protected OrderUpdate submitOrder(OrderRequest r) {
        return perpetual ? submitFutures(r) : submitSpot(r);
    }

    private OrderUpdate submitSpot(OrderRequest r) {
        org.knowm.xchange.binance.dto.trade.OrderType type = switch (r.type()) {
            case LIMIT -> org.knowm.xchange.binance.dto.trade.OrderType.LIMIT;
            case LIMIT_MAKER -> org.knowm.xchange.binance.dto.trade.OrderType.LIMIT_MAKER;
            case MARKET -> org.knowm.xchange.binance.dto.trade.OrderType.MARKET;
        };
        BinanceNewOrder o = BinanceXChange.call(name, () -> trade.newOrder(XChangeSymbols.currencyPair(r.tradingPair()),
                r.side() == TradeType.BUY ? OrderSide.BUY : OrderSide.SELL, type,
                r.type() == OrderType.LIMIT ? TimeInForce.GTC : null, r.amount(), null,
                r.type() == OrderType.MARKET ? null : r.price(), r.clientOrderId(), null, null, null,
                BinanceNewOrder.NewOrderResponseType.FULL));
        BigDecimal quote = BigDecimal.ZERO;
        if (o.fills != null) {
            for (BinanceTrade f : o.fills) {
                quote = quote.add(f.price.multiply(f.qty));
            }
        }
        return new OrderUpdate(o.clientOrderId, Long.toString(o.orderId), r.tradingPair(), r.side(), r.type(),
                o.price != null && o.price.signum() > 0 ? o.price : r.price(), o.origQty,
                BinanceMapping.state(o.status == null ? null : o.status.name()),
                BinanceMapping.zero(o.executedQty), quote, Instant.ofEpochMilli(o.transactTime), null);
    }

    private OrderUpdate submitFutures(OrderRequest r) {
        Query q = Query.of().add("symbol", BinanceMapping.symbol(r.tradingPair())).add("side", r.side().name());
        if (positionMode() == PositionMode.HEDGE) {
            boolean longSide = (r.side() == TradeType.BUY) == (r.positionAction() != PositionAction.CLOSE);
            q.add("positionSide", longSide ? "LONG" : "SHORT");
        } else if (r.positionAction() == PositionAction.CLOSE) {
            q.add("reduceOnly", "true");
        }
        switch (r.type()) {
            case LIMIT -> q.add("type", "LIMIT").add("timeInForce", "GTC");
            case LIMIT_MAKER -> q.add("type", "LIMIT").add("timeInForce", "GTX");
            case MARKET -> q.add("type", "MARKET");
        }
        q.add("quantity", r.amount());
        if (r.type() != OrderType.MARKET) {
            q.add("price", r.price());
        }
        q.add("newClientOrderId", r.clientOrderId()).add("newOrderRespType", "RESULT");
        return BinanceMapping.order(r.tradingPair(), api.signed("POST", "/fapi/v1/order", q));
    }

    @Override
    protected boolean isDuplicateClientId(VenueException.Rejected e) {
        return e.getMessage().contains("Duplicate order") || e.getMessage().contains("-4015")
                || super.isDuplicateClientId(e);
    }

    /**
     * Cancels by client order id. XChange 5.2.4 dereferences the (absent) numeric order id when only
     * {@code origClientOrderId} is given, so this call is native on both markets.
     */
    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        JsonNode c = api.signed("DELETE", perpetual ? "/fapi/v1/order" : "/api/v3/order", Query.of()
                .add("symbol", BinanceMapping.symbol(pair)).add("origClientOrderId", clientOrderId));
        if (perpetual) {
            return BinanceMapping.order(pair, c);
        }
        OrderUpdate o = BinanceMapping.order(pair, c);
        String original = Json.str(c, "origClientOrderId");
        return new OrderUpdate(original != null ? original : clientOrderId, o.exchangeOrderId(), pair, o.side(),
                o.type(), o.price(), o.amount(), o.state(), o.executedBase(), o.executedQuote(), o.updatedAt(), null);
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        if (perpetual) {
            Query q = Query.of();
            pair.ifPresent(p -> q.add("symbol", BinanceMapping.symbol(p)));
            List<OrderUpdate> out = new ArrayList<>();
            for (JsonNode o : Json.list(api.signed("GET", "/fapi/v1/openOrders", q))) {
                TradingPair p = pair.orElseGet(() -> marketData.pairOf(Json.str(o, "symbol")));
                if (p != null) {
                    out.add(BinanceMapping.order(p, o));
                }
            }
            return out;
        }
        List<BinanceOrder> orders = BinanceXChange.call(name, () -> pair.isPresent()
                ? trade.openOrdersAllProducts(XChangeSymbols.currencyPair(pair.get()))
                : trade.openOrdersAllProducts());
        List<OrderUpdate> out = new ArrayList<>();
        for (BinanceOrder o : orders) {
            TradingPair p = pair.orElseGet(() -> marketData.pairOf(o.symbol));
            if (p != null) {
                out.add(BinanceMapping.order(p, o));
            }
        }
        return out;
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        if (perpetual) {
            return BinanceMapping.order(pair, api.signed("GET", "/fapi/v1/order", Query.of()
                    .add("symbol", BinanceMapping.symbol(pair)).add("origClientOrderId", clientOrderId)));
        }
        // native for the same reason as cancelOrder: XChange 5.2.4 needs the numeric order id
        return BinanceMapping.order(pair, api.signed("GET", "/api/v3/order", Query.of()
                .add("symbol", BinanceMapping.symbol(pair)).add("origClientOrderId", clientOrderId)));
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        OrderUpdate order = orderStatus(pair, clientOrderId);
        long orderId = Long.parseLong(order.exchangeOrderId());
        if (perpetual) {
            return Json.list(api.signed("GET", "/fapi/v1/userTrades", Query.of()
                            .add("symbol", BinanceMapping.symbol(pair)).add("orderId", orderId))).stream()
                    .map(t -> BinanceMapping.futuresFill(pair, t, clientOrderId)).toList();
        }
        return BinanceXChange.call(name, () -> trade.myTradesAllProducts(XChangeSymbols.currencyPair(pair), orderId,
                        null, null, null, null)).stream()
                .map(t -> BinanceMapping.fill(pair, t, clientOrderId)).toList();
    }

    /**
     * Binance answers at most {@value #TRADES_PAGE} fills per call and a time range of at most 24 h
     * (spot) or 7 days (futures), while paging by trade id ({@code fromId}) has no time limit: find
     * the first fill at or after {@code since} window by window, then page by id from it to the end.
     */
    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        Optional<Long> first = firstTradeId(pair, since);
        if (first.isEmpty()) {
            return List.of();
        }
        return FillPager.readAll(first.get(), TRADES_PAGE, fromId -> {
            List<Fill> page = tradesFrom(pair, fromId);
            long next = page.stream().mapToLong(f -> Long.parseLong(f.tradeId())).max().orElse(fromId - 1) + 1;
            return FillPager.Page.of(page, page.size(), next);
        });
    }

    static final int TRADES_PAGE = 1000;

    private Optional<Long> firstTradeId(TradingPair pair, Instant since) {
        Duration window = perpetual ? Duration.ofDays(7) : Duration.ofHours(24);
        Instant end = Instant.now().plus(Duration.ofMinutes(1));
        for (Instant from = since; from.isBefore(end); from = from.plus(window)) {
            long startTime = from.toEpochMilli();
            long endTime = from.plus(window).toEpochMilli() - 1;
            List<Fill> oldest = perpetual
                    ? Json.list(api.signed("GET", "/fapi/v1/userTrades", Query.of()
                            .add("symbol", BinanceMapping.symbol(pair)).add("startTime", startTime)
                            .add("endTime", endTime).add("limit", 1))).stream()
                            .map(t -> BinanceMapping.futuresFill(pair, t, null)).toList()
                    : BinanceXChange.call(name, () -> trade.myTradesAllProducts(XChangeSymbols.currencyPair(pair), null,
                            startTime, endTime, null, 1)).stream().map(t -> BinanceMapping.fill(pair, t, null)).toList();
            if (!oldest.isEmpty()) {
                return Optional.of(Long.parseLong(oldest.get(0).tradeId()));
            }
        }
        return Optional.empty();
    }

    private List<Fill> tradesFrom(TradingPair pair, long fromId) {
        if (perpetual) {
            return Json.list(api.signed("GET", "/fapi/v1/userTrades", Query.of()
                            .add("symbol", BinanceMapping.symbol(pair)).add("fromId", fromId)
                            .add("limit", TRADES_PAGE))).stream()
                    .map(t -> BinanceMapping.futuresFill(pair, t, null)).toList();
        }
        return BinanceXChange.call(name, () -> trade.myTradesAllProducts(XChangeSymbols.currencyPair(pair), null,
                        null, null, fromId, TRADES_PAGE)).stream()
                .map(t -> BinanceMapping.fill(pair, t, null)).toList();
    }

    // ---- perpetual ----

    @Override
    public List<Position> positions() {
        if (!perpetual) {
            return super.positions();
        }
        List<Position> out = new ArrayList<>();
        for (JsonNode p : Json.list(api.signed("GET", "/fapi/v2/positionRisk", Query.of()))) {
            BigDecimal amount = Json.decOrZero(p, "positionAmt");
            if (amount.signum() == 0) {
                continue;
            }
            TradingPair pair = marketData.pairOf(Json.str(p, "symbol"));
            if (pair == null) {
                continue;
            }
            String ps = Json.str(p, "positionSide");
            PositionSide side = "LONG".equals(ps) ? PositionSide.LONG : "SHORT".equals(ps) ? PositionSide.SHORT
                    : amount.signum() > 0 ? PositionSide.LONG : PositionSide.SHORT;
            out.add(new Position(pair, side, amount.abs(), Json.dec(p, "entryPrice"), Json.dec(p, "markPrice"),
                    Json.dec(p, "unRealizedProfit"), (int) Json.lng(p, "leverage", 1), Json.dec(p, "liquidationPrice")));
        }
        return out;
    }

    @Override
    public void setLeverage(TradingPair pair, int leverage) {
        if (!perpetual) {
            super.setLeverage(pair, leverage);
        }
        BinanceXChange.call(name, () -> account.setLeverageRaw(XChangeSymbols.perpetual(pair), leverage));
    }

    @Override
    public PositionMode positionMode() {
        if (!perpetual) {
            return super.positionMode();
        }
        PositionMode m = mode;
        if (m == null) {
            JsonNode r = api.signed("GET", "/fapi/v1/positionSide/dual", Query.of());
            m = Json.bool(r, "dualSidePosition") ? PositionMode.HEDGE : PositionMode.ONEWAY;
            mode = m;
        }
        return m;
    }

    @Override
    public void setPositionMode(PositionMode newMode) {
        if (!perpetual) {
            super.setPositionMode(newMode);
        }
        try {
            account.setDualSidePosition(newMode == PositionMode.HEDGE);
        } catch (BinanceException e) {
            if (e.getCode() != BinanceErrors.NO_NEED_TO_CHANGE_POSITION_SIDE) {
                throw BinanceErrors.map(name, e);
            }
        } catch (Exception e) {
            throw BinanceErrors.map(name, e);
        }
        mode = newMode;
    }

    @Override
    public List<FundingPayment> fundingPayments(TradingPair pair, Instant since) {
        if (!perpetual) {
            return super.fundingPayments(pair, since);
        }
        String symbol = BinanceMapping.symbol(pair);
        List<JsonNode> income = Json.list(api.signed("GET", "/fapi/v1/income", Query.of().add("symbol", symbol)
                .add("incomeType", "FUNDING_FEE").add("startTime", since.toEpochMilli()).add("limit", 1000)));
        if (income.isEmpty()) {
            return List.of();
        }
        TreeMap<Long, BigDecimal> rates = new TreeMap<>();
        for (JsonNode r : Json.list(api.get("/fapi/v1/fundingRate", Query.of().add("symbol", symbol)
                .add("startTime", since.toEpochMilli() - 60_000).add("limit", 1000)))) {
            rates.put(Json.lng(r, "fundingTime", 0), Json.dec(r, "fundingRate"));
        }
        List<FundingPayment> out = new ArrayList<>();
        for (JsonNode i : income) {
            long time = Json.lng(i, "time", 0);
            out.add(new FundingPayment(pair, Instant.ofEpochMilli(time), nearestRate(rates, time),
                    Json.dec(i, "income"), Json.str(i, "asset"), PositionSide.BOTH));
        }
        out.sort(Comparator.comparing(FundingPayment::timestamp));
        return out;
    }

    /** The funding rate whose funding time is within a minute of the payment (Binance settles on the hour). */
    private static BigDecimal nearestRate(TreeMap<Long, BigDecimal> rates, long time) {
        var floor = rates.floorEntry(time);
        var ceil = rates.ceilingEntry(time);
        var best = floor == null ? ceil : ceil == null ? floor
                : (time - floor.getKey() <= ceil.getKey() - time ? floor : ceil);
        return best != null && Math.abs(best.getKey() - time) <= 60_000 ? best.getValue() : null;
    }
}
