package io.aviary.connectors.port;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradingPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An authenticated session on one venue for one account. All methods throw {@link VenueException};
 * perpetual-only methods throw {@link VenueException.Unsupported} on spot venues.
 */
public interface TradingConnector extends AutoCloseable {

    String name();

    /** One cheap authenticated call; throws {@link VenueException.AuthenticationFailed} on bad credentials. */
    void verifyCredentials();

    List<Balance> balances();

    /**
     * Places an order. Placing again with a client order id the venue already knows returns that
     * order's current state instead of a second order.
     */
    OrderUpdate placeOrder(OrderRequest request);

    OrderUpdate cancelOrder(TradingPair pair, String clientOrderId);

    List<OrderUpdate> openOrders(Optional<TradingPair> pair);

    OrderUpdate orderStatus(TradingPair pair, String clientOrderId);

    /** Fills of one order. */
    List<Fill> orderFills(TradingPair pair, String clientOrderId);

    /** The account's fills on {@code pair} since {@code since}, oldest first. */
    List<Fill> trades(TradingPair pair, Instant since);

    List<Position> positions();

    void setLeverage(TradingPair pair, int leverage);

    PositionMode positionMode();

    void setPositionMode(PositionMode mode);

    List<FundingPayment> fundingPayments(TradingPair pair, Instant since);

    /** Pushed order, fill, balance, position and funding updates (websocket where the venue has one). */
    Subscription subscribeUserStream(UserStreamListener listener);

    @Override
    void close();
}
