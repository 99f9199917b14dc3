package io.aviary.connectors.paper;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderBookSnapshot;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.model.TradingRule;
import io.aviary.connectors.model.TradingRule.Refusal.AboveMaximumSize;
import io.aviary.connectors.model.TradingRule.Refusal.BelowMinimumNotional;
import io.aviary.connectors.model.TradingRule.Refusal.BelowMinimumSize;
import io.aviary.connectors.model.TradingRule.Refusal.PriceBelowIncrement;
import io.aviary.connectors.port.MarketDataConnector;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.connectors.port.VenueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paper session: orders fill against the named venue's live order book, balances live in a
 * {@link PaperLedger}. Semantics:
 * <ul>
 * <li>MARKET takes the opposite side best level first ({@link BookTaking}); what the book cannot fill
 * is cancelled (the order ends CANCELED with what it executed; FAILED if nothing could fill).</li>
 * <li>LIMIT takes what crosses at once (taker), and the rest rests. A resting order fills (maker, at
 * its own price) only from opposite volume at or through its price that is <em>new</em> since the
 * last look: paper fills do not remove the venue's liquidity, so volume the order already took or
 * saw cannot fill it again. The book is read every {@link PaperSettings#bookCheckInterval()} while
 * orders rest; after a restart the first look only records what is there.</li>
 * <li>LIMIT_MAKER that would cross is rejected, like a venue's post-only.</li>
 * <li>Amounts and prices are rounded down to the venue's increments, and an order below the minimum
 * size or notional, above the maximum size, or priced below one increment is rejected, by the
 * venue's {@link TradingRule} as trading-service applies it. Fees are charged in the quote asset. A resting BUY locks price × amount × (1 + maker
 * fee) of quote, a resting SELL locks its base amount.</li>
 * </ul>
 * State changes are serialised per session; each is one atomic ledger step, so a restart resumes
 * from exactly what was stored (resting orders keep resting and keep filling).
 */
final class PaperTradingConnector implements TradingConnector {

    private static final Logger log = LoggerFactory.getLogger(PaperTradingConnector.class);

    private final PaperAccount account;
    private final MarketDataConnector venue;
    private final PaperLedger ledger;
    private final PaperSettings settings;
    private final Clock clock;
    private final List<UserStreamListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService bookChecks;
    private final AtomicLong tradeSequence = new AtomicLong();
    /** Per resting order: the opposite volume at or through its price at the last look. */
    private final Map<String, BigDecimal> crossingSeen = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<TradingPair, TradingRule> rules;
    /**
     * Whether any order may rest. Only this session places orders for its account, so an empty look
     * stays true until it rests one; idle sessions then skip the ledger read on every tick.
     * Starts true so a restart looks once for orders that rested before it.
     */
    private volatile boolean mayHaveResting = true;

    PaperTradingConnector(PaperAccount account, MarketDataConnector venue, PaperLedger ledger, PaperSettings settings,
            Clock clock) {
        this.account = account;
        this.venue = venue;
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
        ledger.open(account, settings.startingBalances());
        this.bookChecks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("paper-" + account.connectorName()).daemon().factory());
        long every = settings.bookCheckInterval().toMillis();
        bookChecks.scheduleWithFixedDelay(this::fillRestingOrders, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return account.connectorName();
    }

    @Override
    public void verifyCredentials() {
        venue.tradingRules(); // paper needs no credentials; it needs the venue's public data
    }

    @Override
    public List<Balance> balances() {
        return ledger.balances(account);
    }

    @Override
    public synchronized OrderUpdate placeOrder(OrderRequest request) {
        Optional<PaperOrder> known = ledger.order(account, request.clientOrderId());
        if (known.isPresent()) {
            return known.get().toUpdate();
        }
        TradingRule rule = rule(request.tradingPair());
        BigDecimal amount = rule.quantizeAmount(request.amount());
        BigDecimal price = rule.quantizePrice(request.price());
        OrderBookSnapshot book = venue.orderBook(request.tradingPair(), 100);
        List<PriceLevel> opposite = request.side() == TradeType.BUY ? book.asks() : book.bids();
        checkRules(request, rule, amount, price, opposite);
        List<PriceLevel> taken = BookTaking.take(opposite, request.side(), amount,
                request.type() == OrderType.MARKET ? null : price);
        if (request.type() == OrderType.LIMIT_MAKER && !taken.isEmpty()) {
            throw new VenueException.Rejected(name(), "LIMIT_MAKER order would take liquidity at " + price);
        }
        if (request.type() == OrderType.MARKET && taken.isEmpty()) {
            throw new VenueException.Rejected(name(), "no liquidity on the " + (request.side() == TradeType.BUY ? "ask" : "bid")
                    + " side of " + request.tradingPair());
        }
        Instant now = clock.instant();
        PaperOrder order = new PaperOrder(request.clientOrderId(), "paper-" + UUID.randomUUID(), request.tradingPair(),
                request.side(), request.type(), price, amount, BigDecimal.ZERO, BigDecimal.ZERO, OrderState.OPEN, null,
                lockAsset(request), BigDecimal.ZERO, now, now);
        Execution execution = execute(order, taken, false, now);
        PaperOrder after = execution.order();
        List<BalanceChange> changes = new ArrayList<>(execution.changes());
        if (request.type() == OrderType.MARKET) {
            after = after.with(after.executedBase(), after.executedQuote(),
                    after.remaining().signum() == 0 ? OrderState.FILLED : OrderState.CANCELED,
                    after.remaining().signum() == 0 ? null : "book depth exhausted; the rest was cancelled", BigDecimal.ZERO, now);
        } else if (after.remaining().signum() > 0) {
            mayHaveResting = true;
            crossingSeen.put(after.clientOrderId(), crossingVolume(opposite, after));
            BigDecimal lock = lockFor(after, after.remaining());
            changes.add(BalanceChange.lock(after.lockedAsset(), lock));
            after = after.with(after.executedBase(), after.executedQuote(), after.state(), null, lock, now);
        }
        store(after, execution.fills(), changes);
        return after.toUpdate();
    }

    @Override
    public synchronized OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        PaperOrder order = ledger.order(account, clientOrderId)
                .orElseThrow(() -> new VenueException.NotFound(name(), "unknown order " + clientOrderId));
        if (!order.isOpen()) {
            throw new VenueException.Rejected(name(), "order " + clientOrderId + " is " + order.state() + ", not open");
        }
        PaperOrder cancelled = order.with(order.executedBase(), order.executedQuote(), OrderState.CANCELED, null,
                BigDecimal.ZERO, clock.instant());
        store(cancelled, List.of(), List.of(BalanceChange.lock(order.lockedAsset(), order.lockedRemaining().negate())));
        return cancelled.toUpdate();
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        return ledger.openOrders(account).stream().filter(o -> pair.isEmpty() || o.tradingPair().equals(pair.get()))
                .map(PaperOrder::toUpdate).toList();
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        return ledger.order(account, clientOrderId).map(PaperOrder::toUpdate)
                .orElseThrow(() -> new VenueException.NotFound(name(), "unknown order " + clientOrderId));
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        return ledger.fills(account, clientOrderId, null, null);
    }

    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return ledger.fills(account, null, pair, since);
    }

    @Override
    public List<Position> positions() {
        return List.of();
    }

    @Override
    public void setLeverage(TradingPair pair, int leverage) {
        throw spotOnly("leverage");
    }

    @Override
    public PositionMode positionMode() {
        throw spotOnly("position mode");
    }

    @Override
    public void setPositionMode(PositionMode mode) {
        throw spotOnly("position mode");
    }

    @Override
    public List<FundingPayment> fundingPayments(TradingPair pair, Instant since) {
        throw spotOnly("funding payments");
    }

    @Override
    public Subscription subscribeUserStream(UserStreamListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        bookChecks.shutdownNow();
        listeners.clear();
    }

    /** One pass over the resting orders against fresh snapshots of their books. */
    synchronized void fillRestingOrders() {
        if (!mayHaveResting) {
            return;
        }
        try {
            List<PaperOrder> resting = ledger.openOrders(account);
            mayHaveResting = !resting.isEmpty();
            Map<TradingPair, OrderBookSnapshot> books = new java.util.HashMap<>();
            for (PaperOrder order : resting) {
                OrderBookSnapshot book = books.computeIfAbsent(order.tradingPair(), p -> venue.orderBook(p, 100));
                List<PriceLevel> opposite = order.side() == TradeType.BUY ? book.asks() : book.bids();
                BigDecimal crossing = crossingVolume(opposite, order);
                BigDecimal seen = crossingSeen.put(order.clientOrderId(), crossing);
                BigDecimal size = seen == null ? BigDecimal.ZERO : crossing.subtract(seen).min(order.remaining());
                if (size.signum() > 0) {
                    fillResting(order, size);
                }
            }
            crossingSeen.keySet().retainAll(resting.stream().map(PaperOrder::clientOrderId).toList());
        } catch (RuntimeException e) {
            log.debug("Paper book check of {} failed ({}); retrying at the next tick", account, e.toString());
        }
    }

    /** All opposite volume at or through the order's price. */
    private static BigDecimal crossingVolume(List<PriceLevel> opposite, PaperOrder order) {
        return BookTaking.base(BookTaking.take(opposite, order.side(), new BigDecimal(Long.MAX_VALUE), order.price()));
    }

    /** A resting order fills {@code size} at its own price, as a maker. */
    private void fillResting(PaperOrder order, BigDecimal size) {
        Instant now = clock.instant();
        Execution execution = execute(order, List.of(new PriceLevel(order.price(), size)), true, now);
        PaperOrder after = execution.order();
        BigDecimal unlock = after.remaining().signum() == 0 ? order.lockedRemaining()
                : lockFor(order, size).min(order.lockedRemaining());
        List<BalanceChange> changes = new ArrayList<>(execution.changes());
        changes.add(BalanceChange.lock(order.lockedAsset(), unlock.negate()));
        store(after.with(after.executedBase(), after.executedQuote(), after.state(), null,
                order.lockedRemaining().subtract(unlock), now), execution.fills(), changes);
    }

    private record Execution(PaperOrder order, List<Fill> fills, List<BalanceChange> changes) {
    }

    /** Fills {@code order} at {@code levels}: its fills, executed totals, state and balance changes. */
    private Execution execute(PaperOrder order, List<PriceLevel> levels, boolean maker, Instant now) {
        BigDecimal feeRate = maker ? settings.makerFee() : settings.takerFee();
        TradingPair pair = order.tradingPair();
        List<Fill> fills = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (PriceLevel level : levels) {
            BigDecimal notional = level.price().multiply(level.amount());
            BigDecimal fee = notional.multiply(feeRate);
            fills.add(new Fill(order.exchangeOrderId() + "-" + tradeSequence.incrementAndGet() + "-" + now.toEpochMilli(),
                    order.clientOrderId(), order.exchangeOrderId(), pair, order.side(), level.price(), level.amount(), fee,
                    pair.quote(), maker, PositionAction.NIL, now));
            base = base.add(level.amount());
            quote = quote.add(notional);
            fees = fees.add(fee);
        }
        BigDecimal executedBase = order.executedBase().add(base);
        OrderState state = executedBase.compareTo(order.amount()) >= 0 ? OrderState.FILLED
                : executedBase.signum() > 0 ? OrderState.PARTIALLY_FILLED : order.state();
        List<BalanceChange> changes = new ArrayList<>();
        if (base.signum() > 0) {
            boolean buy = order.side() == TradeType.BUY;
            changes.add(BalanceChange.total(pair.base(), buy ? base : base.negate()));
            changes.add(BalanceChange.total(pair.quote(), buy ? quote.add(fees).negate() : quote.subtract(fees)));
        }
        PaperOrder after = order.with(executedBase, order.executedQuote().add(quote), state, null,
                order.lockedRemaining(), now);
        return new Execution(after, fills, changes);
    }

    private void store(PaperOrder order, List<Fill> fills, List<BalanceChange> changes) {
        try {
            ledger.apply(account, order, fills, changes);
        } catch (PaperLedger.InsufficientBalance e) {
            throw new VenueException.Rejected(name(), e.getMessage());
        } catch (PaperLedger.Unavailable e) {
            throw new VenueException.Unavailable(name(), e.getMessage(), e);
        }
        OrderUpdate update = order.toUpdate();
        for (UserStreamListener listener : listeners) {
            try {
                listener.onOrderUpdate(update);
                fills.forEach(listener::onFill);
            } catch (RuntimeException e) {
                log.warn("A paper user-stream listener of {} failed: {}", account, e.toString());
            }
        }
    }

    /** Refuses what the venue would: the rules are checked as trading-service checks them, worded as a venue's rejection. */
    private void checkRules(OrderRequest request, TradingRule rule, BigDecimal amount, BigDecimal price,
            List<PriceLevel> opposite) {
        rule.refusal(amount, price, () -> opposite.isEmpty() ? null : opposite.getFirst().price()).ifPresent(refusal -> {
            throw new VenueException.Rejected(name(), switch (refusal) {
                case BelowMinimumSize r -> "amount " + request.amount().toPlainString()
                        + " is below the minimum order size " + plain(r.minimum()) + " of " + request.tradingPair();
                case AboveMaximumSize r -> "amount " + plain(r.amount()) + " is above the maximum order size "
                        + plain(r.maximum()) + " of " + request.tradingPair();
                case PriceBelowIncrement r -> "price " + request.price().toPlainString()
                        + " is below the price increment " + plain(r.increment()) + " of " + request.tradingPair();
                case BelowMinimumNotional r -> "notional " + plain(r.notional()) + " is below the minimum notional "
                        + plain(r.minimum()) + " of " + request.tradingPair();
            });
        });
    }

    private TradingRule rule(TradingPair pair) {
        Map<TradingPair, TradingRule> known = rules;
        if (known == null || !known.containsKey(pair)) {
            known = Map.copyOf(venue.tradingRules());
            rules = known;
        }
        TradingRule rule = known.get(pair);
        if (rule == null) {
            throw new VenueException.Rejected(name(), "unknown trading pair " + pair);
        }
        return rule;
    }

    private static String lockAsset(OrderRequest request) {
        return request.side() == TradeType.BUY ? request.tradingPair().quote() : request.tradingPair().base();
    }

    /** What {@code size} of a resting order holds: quote incl. the maker fee for a BUY, base for a SELL. */
    private BigDecimal lockFor(PaperOrder order, BigDecimal size) {
        return order.side() == TradeType.BUY
                ? order.price().multiply(size).multiply(BigDecimal.ONE.add(settings.makerFee()))
                : size;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }

    private VenueException spotOnly(String what) {
        return new VenueException.Unsupported(name(), what + " is not available on a spot paper connector");
    }
}
