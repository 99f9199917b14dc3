package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.book.BookOrder;
import io.aviary.simexchange.domain.book.MatchSink;
import io.aviary.simexchange.domain.book.OrderBook;
import io.aviary.simexchange.domain.event.BookDiff;
import io.aviary.simexchange.domain.event.BookLevel;
import io.aviary.simexchange.domain.event.Fill;
import io.aviary.simexchange.domain.event.OrderSnapshot;
import io.aviary.simexchange.domain.event.PublicTrade;
import io.aviary.simexchange.domain.event.VenueEvent;
import io.aviary.simexchange.domain.model.MarketRules;
import io.aviary.simexchange.domain.model.OrderStatus;
import io.aviary.simexchange.domain.model.OrderType;
import io.aviary.simexchange.domain.model.RejectCode;
import io.aviary.simexchange.domain.model.Side;
import io.aviary.simexchange.domain.model.VenueKind;
import io.aviary.simexchange.domain.model.VenueRejection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One venue namespace (spot or perpetual): its markets, the accounts' orders, and the order flow
 * from validation through matching to settlement by the {@link Ledger}. Not thread-safe: the
 * application serialises commands per venue. Every command leaves its events in the caller's
 * {@link EventBuffer}: order acknowledgements and updates, fills, balance and position changes,
 * public trades and one sequenced book diff per touched market.
 *
 * <p>House accounts (negative ids) are the simulated liquidity: they trade through the same books
 * but have no balances, no client order ids and no private events.
 */
public final class Exchange {

    private static final Pattern CLIENT_ORDER_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");

    private final VenueKind kind;
    private final Map<String, Market> markets = new LinkedHashMap<>();
    private final Ledger ledger;
    private final LongSupplier clock;
    private final Map<Long, AccountOrders> accounts = new HashMap<>();
    private long nextOrderId;

    /**
     * Order and trade ids start at {@code startup-millis × 1000} so they stay unique across
     * restarts (the journal keeps fills of earlier runs) without persisting counters.
     */
    public Exchange(VenueKind kind, List<MarketRules> rules, Ledger ledger, LongSupplier clock) {
        if (ledger.kind() != kind) {
            throw new IllegalArgumentException("a " + ledger.kind() + " ledger cannot back a " + kind + " venue");
        }
        this.kind = kind;
        this.ledger = ledger;
        this.clock = clock;
        long firstId = Math.max(1, clock.getAsLong() * 1000);
        this.nextOrderId = firstId;
        for (MarketRules r : rules) {
            markets.put(r.symbol(), new Market(r, firstId));
        }
    }

    public VenueKind kind() {
        return kind;
    }

    public Collection<Market> markets() {
        return markets.values();
    }

    public Market market(String symbol) {
        Market m = markets.get(symbol);
        if (m == null) {
            throw new VenueRejection(RejectCode.UNKNOWN_MARKET, "unknown " + kind.path() + " market '" + symbol + "'");
        }
        return m;
    }

    public boolean hasMarket(String symbol) {
        return markets.containsKey(symbol);
    }

    public void openAccount(long accountId) {
        accounts.computeIfAbsent(accountId, id -> new AccountOrders());
    }

    public boolean hasAccount(long accountId) {
        return accounts.containsKey(accountId);
    }

    // ---------------------------------------------------------------- account commands

    /** Places an order, or returns the known order when the client order id was seen before. */
    public OrderSnapshot place(long accountId, PlaceOrder cmd, EventBuffer out) {
        AccountOrders acct = account(accountId);
        if (cmd.clientOrderId() == null || !CLIENT_ORDER_ID.matcher(cmd.clientOrderId()).matches()) {
            throw new VenueRejection(RejectCode.INVALID_CLIENT_ORDER_ID,
                    "client_order_id must be 1-64 characters of letters, digits, '_', '-', '.' or ':'");
        }
        Order known = acct.byClientId(cmd.clientOrderId());
        if (known != null) {
            return known.snapshot();
        }
        Market market = market(cmd.symbol());
        Order order = validate(accountId, cmd, market);
        ledger.reserve(order, market, order.type.isLimit() ? null : market.sweep(order.side == Side.BUY, order.lots));
        acct.add(order);
        out.add(new VenueEvent.OrderChanged(kind, accountId, order.snapshot()));
        execute(order, market, out);
        finish(out);
        return order.snapshot();
    }

    private Order validate(long accountId, PlaceOrder cmd, Market market) {
        MarketRules rules = market.rules();
        if (cmd.side() == null || cmd.type() == null) {
            throw new VenueRejection(RejectCode.INVALID_ORDER, "side and type are required");
        }
        long lots = rules.toLots(cmd.amount());
        rules.checkSize(cmd.amount());
        long ticks = 0;
        boolean buy = cmd.side() == Side.BUY;
        if (cmd.type().isLimit()) {
            ticks = rules.toTicks(cmd.price());
            rules.checkNotional(cmd.price().multiply(cmd.amount()));
            if (cmd.type() == OrderType.LIMIT_MAKER && market.book().crosses(buy, ticks)) {
                BigDecimal opposite = (buy ? market.bestAsk() : market.bestBid()).orElseThrow();
                throw new VenueRejection(RejectCode.POST_ONLY_WOULD_CROSS, "LIMIT_MAKER " + cmd.side() + " at "
                        + cmd.price().toPlainString() + " would take liquidity (best " + (buy ? "ask " : "bid ")
                        + opposite.toPlainString() + ")");
            }
        } else {
            long best = buy ? market.book().bestAsk() : market.book().bestBid();
            if (best == 0) {
                throw new VenueRejection(RejectCode.NO_LIQUIDITY,
                        "no " + (buy ? "asks" : "bids") + " in " + rules.symbol() + " for a market order");
            }
            rules.checkNotional(rules.price(best).multiply(cmd.amount()));
        }
        BigDecimal price = cmd.type().isLimit() ? cmd.price() : null;
        return new Order(nextOrderId++, cmd.clientOrderId(), accountId, rules, cmd.side(), cmd.type(), price, ticks,
                cmd.amount(), lots, cmd.positionAction(), clock.getAsLong());
    }

    private void execute(Order order, Market market, EventBuffer out) {
        boolean buy = order.side == Side.BUY;
        long limit = order.type.isLimit() ? order.priceTicks : buy ? OrderBook.ANY_PRICE_BUY : OrderBook.ANY_PRICE_SELL;
        long left = market.book().match(buy, limit, order.remainingLots(), sink(order, buy, market, out));
        if (left > 0 && order.type.isLimit()) {
            market.book().rest(order.id, order.accountId, buy, order.priceTicks, left, order);
        } else if (left > 0) {
            order.cancel(order.filledLots > 0 ? "market order partially filled: no more liquidity" : "no liquidity",
                    clock.getAsLong());
        }
        if (!order.isOpen()) {
            close(order);
        }
        out.add(new VenueEvent.OrderChanged(kind, order.accountId, order.snapshot()));
    }

    /** Cancels an open order. Cancelling an already cancelled order answers it again (idempotent). */
    public OrderSnapshot cancel(long accountId, String clientOrderId, String symbol, EventBuffer out) {
        Order order = find(accountId, clientOrderId, symbol);
        if (order.status == OrderStatus.CANCELED) {
            return order.snapshot();
        }
        if (!order.isOpen()) {
            throw new VenueRejection(RejectCode.ORDER_NOT_OPEN,
                    "order '" + clientOrderId + "' cannot be cancelled: it is already " + order.status);
        }
        cancelOpen(order, "canceled by user", out);
        finish(out);
        return order.snapshot();
    }

    /** Cancels the account's open orders on {@code symbol} that match (used by liquidation). */
    public void cancelWhere(long accountId, String symbol, Predicate<Order> which, String reason, EventBuffer out) {
        for (Order order : account(accountId).open()) {
            if (order.symbol().equals(symbol) && which.test(order)) {
                cancelOpen(order, reason, out);
            }
        }
    }

    private void cancelOpen(Order order, String reason, EventBuffer out) {
        markets.get(order.symbol()).book().cancel(order.id);
        order.cancel(reason, clock.getAsLong());
        close(order);
        out.add(new VenueEvent.OrderChanged(kind, order.accountId, order.snapshot()));
    }

    private void close(Order order) {
        ledger.release(order);
        account(order.accountId).closed(order);
    }

    // ---------------------------------------------------------------- queries

    /** Whether the account already has an order with this client order id. */
    public boolean knows(long accountId, String clientOrderId) {
        return clientOrderId != null && account(accountId).byClientId(clientOrderId) != null;
    }

    public OrderSnapshot order(long accountId, String clientOrderId, String symbol) {
        return find(accountId, clientOrderId, symbol).snapshot();
    }

    public List<OrderSnapshot> openOrders(long accountId, String symbol) {
        return account(accountId).open().stream()
                .filter(o -> symbol == null || o.symbol().equals(symbol))
                .map(Order::snapshot).toList();
    }

    public List<Order> openOrderObjects(long accountId) {
        return account(accountId).open();
    }

    public boolean hasOpenOrders(long accountId) {
        return account(accountId).hasOpen();
    }

    public List<Fill> orderFills(long accountId, String clientOrderId, String symbol) {
        Order order = find(accountId, clientOrderId, symbol);
        List<Fill> out = new ArrayList<>();
        for (Fill f : account(accountId).fills()) {
            if (f.orderId() == order.id) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The account's fills since {@code sinceMillis} (inclusive) whose trade id is at least
     * {@code fromTradeId}, oldest first, at most {@code limit}. Trade ids grow with time within a
     * market, so a client pages one market's fills exactly with {@code fromTradeId} = the last id it
     * read (inclusive: the two sides of a self-trade share an id), where paging by time alone stalls
     * on a page full of fills of one millisecond.
     */
    public List<Fill> fills(long accountId, String symbol, long sinceMillis, long fromTradeId, int limit) {
        List<Fill> out = new ArrayList<>();
        for (Fill f : account(accountId).fills()) {
            if (f.timestamp() >= sinceMillis && f.tradeId() >= fromTradeId && (symbol == null || f.symbol().equals(symbol))) {
                out.add(f);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    private Order find(long accountId, String clientOrderId, String symbol) {
        Order order = clientOrderId == null ? null : account(accountId).byClientId(clientOrderId);
        if (order == null || (symbol != null && !order.symbol().equals(symbol))) {
            throw new VenueRejection(RejectCode.UNKNOWN_ORDER, "unknown order '" + clientOrderId + "'"
                    + (symbol == null ? "" : " on " + symbol));
        }
        return order;
    }

    private AccountOrders account(long accountId) {
        AccountOrders acct = accounts.get(accountId);
        if (acct == null || !ledger.hasAccount(accountId)) {
            throw new VenueRejection(RejectCode.UNKNOWN_ACCOUNT, "unknown " + kind.path() + " account");
        }
        return acct;
    }

    // ---------------------------------------------------------------- house (simulated liquidity)

    /** A house limit order: matches what it crosses, rests the rest. Returns the resting id or 0. */
    public long houseLimit(String symbol, long houseAccount, boolean buy, long ticks, long lots, EventBuffer out) {
        Market market = market(symbol);
        long id = nextOrderId++;
        long left = market.book().match(buy, ticks, lots, sink(null, buy, market, out));
        if (left > 0) {
            market.book().rest(id, houseAccount, buy, ticks, left, null);
            return id;
        }
        return 0;
    }

    public void houseMarket(String symbol, boolean buy, long lots, EventBuffer out) {
        market(symbol).book().match(buy, buy ? OrderBook.ANY_PRICE_BUY : OrderBook.ANY_PRICE_SELL, lots,
                sink(null, buy, market(symbol), out));
    }

    public boolean houseCancel(String symbol, long orderId) {
        BookOrder o = market(symbol).book().order(orderId);
        if (o == null || o.payload() != null) {
            return false;
        }
        return market(symbol).book().cancel(orderId) != null;
    }

    /** Lots still resting for a house order (0 once filled or cancelled). */
    public long restingLots(String symbol, long orderId) {
        BookOrder o = market(symbol).book().order(orderId);
        return o == null ? 0 : o.remaining();
    }

    public long bestBidTicks(String symbol) {
        return market(symbol).book().bestBid();
    }

    public long bestAskTicks(String symbol) {
        return market(symbol).book().bestAsk();
    }

    // ---------------------------------------------------------------- matching and settlement

    private MatchSink sink(Order taker, boolean takerBuy, Market market, EventBuffer out) {
        return (maker, ticks, lots) -> onTrade(taker, takerBuy, maker, ticks, lots, market, out);
    }

    private void onTrade(Order taker, boolean takerBuy, BookOrder makerEntry, long ticks, long lots, Market market,
            EventBuffer out) {
        long now = clock.getAsLong();
        MarketRules rules = market.rules();
        BigDecimal price = rules.price(ticks);
        BigDecimal amount = rules.amount(lots);
        PublicTrade trade = new PublicTrade(market.nextTradeId(), rules.symbol(), takerBuy ? Side.BUY : Side.SELL,
                price, amount, now);
        market.recordTrade(trade);
        out.add(new VenueEvent.TradePrinted(kind, trade));
        if (taker != null) {
            settleSide(taker, market, trade, lots, false, out);
        }
        if (makerEntry.payload() instanceof Order maker) {
            settleSide(maker, market, trade, lots, true, out);
            if (!maker.isOpen()) {
                close(maker);
            }
            out.add(new VenueEvent.OrderChanged(kind, maker.accountId, maker.snapshot()));
        }
    }

    private void settleSide(Order order, Market market, PublicTrade trade, long lots, boolean maker, EventBuffer out) {
        Settlement s = ledger.settle(order, market, trade.price(), trade.amount(), maker, trade.timestamp());
        BigDecimal quote = trade.price().multiply(trade.amount());
        order.applyFill(lots, quote, s.fee(), s.feeAsset(), trade.timestamp());
        Fill fill = new Fill(trade.tradeId(), order.id, order.clientOrderId, order.accountId, order.symbol(),
                order.side, trade.price(), trade.amount(), s.fee(), s.feeAsset(), maker, order.action,
                s.realizedPnl(), trade.timestamp());
        account(order.accountId).addFill(fill);
        out.add(new VenueEvent.Filled(kind, order.accountId, fill));
    }

    /** Ends a command: balance/position events, then one sequenced diff per market whose book changed. */
    public void finish(EventBuffer out) {
        long now = clock.getAsLong();
        ledger.flush(out, now);
        for (Market market : markets.values()) {
            emitDiff(market, now, out);
        }
    }

    private void emitDiff(Market market, long now, EventBuffer out) {
        long seq = market.sequence();
        if (seq == market.publishedSequence()) {
            return;
        }
        MarketRules rules = market.rules();
        List<BookLevel> bids = new ArrayList<>();
        List<BookLevel> asks = new ArrayList<>();
        market.book().drainChanges(
                (p, q) -> bids.add(new BookLevel(rules.price(p), rules.amount(q))),
                (p, q) -> asks.add(new BookLevel(rules.price(p), rules.amount(q))));
        out.add(new VenueEvent.BookChanged(kind,
                new BookDiff(rules.symbol(), market.publishedSequence() + 1, seq, now, bids, asks)));
        market.published(seq);
    }

    // ---------------------------------------------------------------- restore

    /** Puts back an order from the journal; open ones rest in the book again with their reservation. */
    public void restoreOrder(OrderSnapshot snapshot) {
        Market market = market(snapshot.symbol());
        Order order = Order.restore(snapshot, market.rules());
        openAccount(order.accountId);
        accounts.get(order.accountId).add(order);
        if (order.isOpen()) {
            market.book().rest(order.id, order.accountId, order.side == Side.BUY, order.priceTicks,
                    order.remainingLots(), order);
            ledger.restoreOrder(order);
        }
        nextOrderId = Math.max(nextOrderId, order.id + 1);
    }

    public void restoreFill(Fill fill) {
        openAccount(fill.accountId());
        accounts.get(fill.accountId()).addFill(fill);
    }

    /** After a restore: the restored book state is the baseline, not a change to publish. */
    public void restoreDone() {
        for (Market market : markets.values()) {
            market.book().discardChanges();
            market.published(market.sequence());
        }
    }

    /** Open orders of every account, oldest first (for the persistence snapshot). */
    public List<OrderSnapshot> allOpenOrders() {
        return accounts.values().stream().flatMap(a -> a.open().stream()).map(Order::snapshot)
                .sorted(Comparator.comparingLong(OrderSnapshot::orderId)).toList();
    }
}
