package io.aviary.connectors.venues.support;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderState;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.connectors.port.VenueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Base of venue trading sessions: spot defaults for the perpetual calls ({@link VenueException.Unsupported}),
 * a polled user stream (open orders and balances; an order leaving the open set is looked up once for its
 * final state), and the idempotent-placement rule of the port (a venue's "duplicate client id" refusal is
 * answered with that order's current state).
 */
public abstract class PollingTrading<A extends SignedRestApi> implements TradingConnector {

    protected final String name;
    protected final Duration pollInterval;
    /** The venue's REST API, signing with the session's key. */
    protected final A api;

    protected PollingTrading(String name, Duration pollInterval, A api) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.api = api;
    }

    protected PollingTrading(VenueContext venue, A api) {
        this(venue.name(), venue.pollInterval(), api);
    }

    @Override
    public String name() {
        return name;
    }

    /** Sends the order; implementations do not handle duplicates. */
    protected abstract OrderUpdate submitOrder(OrderRequest request);

    /** True when the venue refused an order because its client id is already known. */
    protected boolean isDuplicateClientId(VenueException.Rejected e) {
        String m = e.getMessage().toLowerCase(java.util.Locale.ROOT);
        return m.contains("duplicat");
    }

    /** Every polling venue proves a key the same way: a balance read is the cheapest signed call. */
    @Override
    public void verifyCredentials() {
        balances();
    }

    /** The balances read from the venue's {@code rows}, leaving out assets the account holds none of. */
    protected static List<Balance> held(List<JsonNode> rows, Function<JsonNode, Balance> balanceOf) {
        return rows.stream().map(balanceOf).filter(b -> b.total().signum() != 0)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** What {@link #submitOrder} answers once the venue has taken an order: open, nothing executed yet. */
    protected static OrderUpdate accepted(OrderRequest r, String exchangeOrderId) {
        return new OrderUpdate(r.clientOrderId(), exchangeOrderId, r.tradingPair(), r.side(), r.type(), r.price(),
                r.amount(), OrderState.OPEN, BigDecimal.ZERO, BigDecimal.ZERO, Instant.now(), null);
    }

    /**
     * The state to report right after a cancel request: an order the venue still lists as open is
     * {@link OrderState#PENDING_CANCEL} (the cancel is on its way), anything else is reported as it is.
     */
    protected static OrderUpdate pendingCancelIfOpen(OrderUpdate o, TradingPair pair) {
        return o.state().isOpen() ? new OrderUpdate(o.clientOrderId(), o.exchangeOrderId(), pair, o.side(), o.type(),
                o.price(), o.amount(), OrderState.PENDING_CANCEL, o.executedBase(), o.executedQuote(), o.updatedAt(),
                o.reason()) : o;
    }

    /**
     * Sends the venue's cancel request, then reports the order as the venue now has it (pending cancel while
     * still open): the venues' cancel answers say too little to report the order from.
     */
    protected OrderUpdate cancelThenLookUp(TradingPair pair, String clientOrderId, Runnable cancelRequest) {
        cancelRequest.run();
        return pendingCancelIfOpen(orderStatus(pair, clientOrderId), pair);
    }

    @Override
    public final OrderUpdate placeOrder(OrderRequest request) {
        try {
            return submitOrder(request);
        } catch (VenueException.Rejected e) {
            if (isDuplicateClientId(e)) {
                return orderStatus(request.tradingPair(), request.clientOrderId());
            }
            throw e;
        }
    }

    @Override
    public List<Position> positions() {
        throw unsupported("positions");
    }

    @Override
    public void setLeverage(TradingPair pair, int leverage) {
        throw unsupported("leverage");
    }

    @Override
    public PositionMode positionMode() {
        throw unsupported("position mode");
    }

    @Override
    public void setPositionMode(PositionMode mode) {
        throw unsupported("position mode");
    }

    @Override
    public List<FundingPayment> fundingPayments(TradingPair pair, Instant since) {
        throw unsupported("funding payments");
    }

    protected VenueException.Unsupported unsupported(String what) {
        return new VenueException.Unsupported(name, what + " is only available on perpetual connectors");
    }

    @Override
    public Subscription subscribeUserStream(UserStreamListener listener) {
        Map<String, OrderUpdate> open = new HashMap<>();
        Map<String, Balance> balances = new HashMap<>();
        boolean[] primed = {false};
        return Polling.every(pollInterval, () -> {
            List<OrderUpdate> now = openOrders(Optional.empty());
            Map<String, OrderUpdate> byId = now.stream()
                    .collect(Collectors.toMap(OrderUpdate::clientOrderId, o -> o, (a, b) -> b));
            for (OrderUpdate o : now) {
                OrderUpdate before = open.get(o.clientOrderId());
                if (before == null || before.state() != o.state()
                        || before.executedBase().compareTo(o.executedBase()) != 0) {
                    if (primed[0] || before == null) {
                        listener.onOrderUpdate(o);
                    }
                }
            }
            for (String gone : Set.copyOf(open.keySet())) {
                if (!byId.containsKey(gone)) {
                    OrderUpdate last = open.get(gone);
                    try {
                        listener.onOrderUpdate(orderStatus(last.tradingPair(), gone));
                    } catch (VenueException e) {
                        listener.onDisconnect(e);
                    }
                }
            }
            open.clear();
            open.putAll(byId);
            for (Balance b : balances()) {
                Balance before = balances.put(b.asset(), b);
                if (before == null || before.total().compareTo(b.total()) != 0
                        || before.available().compareTo(b.available()) != 0) {
                    listener.onBalance(b);
                }
            }
            primed[0] = true;
        }, listener::onDisconnect);
    }

    @Override
    public void close() {
    }
}
