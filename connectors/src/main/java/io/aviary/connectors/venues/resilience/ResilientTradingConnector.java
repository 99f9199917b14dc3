package io.aviary.connectors.venues.resilience;

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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Any {@link TradingConnector} behind a venue's {@link VenueResilience}. Reads are retried when the venue
 * was unavailable; placing and cancelling orders and changing leverage or position mode are not (a
 * timed-out order may have reached the venue: the caller reconciles with {@link #orderStatus}).
 */
public final class ResilientTradingConnector implements TradingConnector {

    private final TradingConnector delegate;
    private final VenueResilience resilience;

    public ResilientTradingConnector(TradingConnector delegate, VenueResilience resilience) {
        this.delegate = delegate;
        this.resilience = resilience;
    }

    public TradingConnector delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void verifyCredentials() {
        resilience.read(() -> {
            delegate.verifyCredentials();
            return null;
        });
    }

    @Override
    public List<Balance> balances() {
        return resilience.read(delegate::balances);
    }

    @Override
    public OrderUpdate placeOrder(OrderRequest request) {
        return resilience.write(() -> delegate.placeOrder(request));
    }

    @Override
    public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
        return resilience.write(() -> delegate.cancelOrder(pair, clientOrderId));
    }

    @Override
    public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
        return resilience.read(() -> delegate.openOrders(pair));
    }

    @Override
    public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
        return resilience.read(() -> delegate.orderStatus(pair, clientOrderId));
    }

    @Override
    public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
        return resilience.read(() -> delegate.orderFills(pair, clientOrderId));
    }

    @Override
    public List<Fill> trades(TradingPair pair, Instant since) {
        return resilience.read(() -> delegate.trades(pair, since));
    }

    @Override
    public List<Position> positions() {
        return resilience.read(delegate::positions);
    }

    @Override
    public void setLeverage(TradingPair pair, int leverage) {
        resilience.writeVoid(() -> delegate.setLeverage(pair, leverage));
    }

    @Override
    public PositionMode positionMode() {
        return resilience.read(delegate::positionMode);
    }

    @Override
    public void setPositionMode(PositionMode mode) {
        resilience.writeVoid(() -> delegate.setPositionMode(mode));
    }

    @Override
    public List<FundingPayment> fundingPayments(TradingPair pair, Instant since) {
        return resilience.read(() -> delegate.fundingPayments(pair, since));
    }

    @Override
    public Subscription subscribeUserStream(UserStreamListener listener) {
        return delegate.subscribeUserStream(listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
