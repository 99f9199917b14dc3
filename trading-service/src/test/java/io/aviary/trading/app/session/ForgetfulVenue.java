package io.aviary.trading.app.session;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.connectors.port.VenueException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The real venue's connector, except that it "forgets" chosen orders for a number of status
 * queries: it answers {@link VenueException.NotFound} for them (and leaves them out of the open
 * orders) the way a venue behind a lagging replica does, then answers truthfully again.
 */
final class ForgetfulVenue implements TradingConnector {

    private final TradingConnector venue;
    private final Map<String, Integer> forgotten = new ConcurrentHashMap<>();
    /** The orders this run forgets: fixed when the run lists the open orders, its first venue call. */
    private volatile Set<String> forgottenThisRun = Set.of();
    private final AtomicInteger orderQueries = new AtomicInteger();

    ForgetfulVenue(TradingConnector venue) {
        this.venue = venue;
    }

    /**
     * For the next {@code runs} reconciliation runs the venue does not know the order: the open orders leave it
     * out and its status query answers "not found" (a run lists the open orders first, which is where one run's
     * forgetting is decided, then asks about the orders the list did not settle).
     */
    void forget(String clientOrderId, int runs) {
        forgotten.put(clientOrderId, runs);
    }

    /** How many per-order questions (status, fills) the venue was asked so far. */
    int orderQueries() {
        return orderQueries.get();
    }

    private boolean isForgotten(String clientOrderId) {
        return forgottenThisRun.contains(clientOrderId);
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        orderQueries.incrementAndGet();
        if (isForgotten(clientOrderId)) {
            throw new VenueException.NotFound(name(), "unknown order '" + clientOrderId + "'");
        }
        return venue.orderStatus(pair, clientOrderId);
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        orderQueries.incrementAndGet();
        if (isForgotten(clientOrderId)) {
            throw new VenueException.NotFound(name(), "unknown order '" + clientOrderId + "'");
        }
        return venue.orderFills(pair, clientOrderId);
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        forgottenThisRun = forgotten.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
        forgotten.replaceAll((id, runs) -> Math.max(0, runs - 1));
        return venue.openOrders(pair).stream().filter(o -> !isForgotten(o.clientOrderId())).toList();
    }

    @Override
    public String name() {
        return venue.name();
    }

    @Override
    public void verifyCredentials() {
        venue.verifyCredentials();
    }

    @Override
    public List<Balance> balances() {
        return venue.balances();
    }

    @Override
    public OrderUpdate placeOrder(OrderRequest request) {
        return venue.placeOrder(request);
    }

    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        return venue.cancelOrder(pair, clientOrderId);
    }

    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return venue.trades(pair, since);
    }

    @Override
    public List<Position> positions() {
        return venue.positions();
    }

    @Override
    public void setLeverage(TradingPair pair, int leverage) {
        venue.setLeverage(pair, leverage);
    }

    @Override
    public PositionMode positionMode() {
        return venue.positionMode();
    }

    @Override
    public void setPositionMode(PositionMode mode) {
        venue.setPositionMode(mode);
    }

    @Override
    public List<FundingPayment> fundingPayments(TradingPair pair, Instant since) {
        return venue.fundingPayments(pair, since);
    }

    @Override
    public Subscription subscribeUserStream(UserStreamListener listener) {
        return venue.subscribeUserStream(listener);
    }

    @Override
    public void close() {
        venue.close();
    }
}
