package io.aviary.trading.app;

import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.VenueException;
import io.aviary.kit.failure.Conflict;
import io.aviary.kit.failure.InvalidRequest;
import io.aviary.kit.failure.NotFound;
import io.aviary.trading.app.session.LiveSession;
import io.aviary.trading.app.session.SessionAccess;
import io.aviary.trading.app.session.SessionJobs;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.infra.OrderRepository;
import org.springframework.stereotype.Service;

/** Cancelling orders, and the perpetual settings of a session: position mode and leverage. */
@Service
public class AccountControl {

    private final SessionAccess sessions;
    private final OrderRepository orders;
    private final TradeRecorder recorder;
    private final TradingRulesCache rules;
    private final SessionJobs jobs;

    public AccountControl(SessionAccess sessions, OrderRepository orders, TradeRecorder recorder,
            TradingRulesCache rules, SessionJobs jobs) {
        this.sessions = sessions;
        this.orders = orders;
        this.recorder = recorder;
        this.rules = rules;
        this.jobs = jobs;
    }

    /**
     * Cancels an open order; {@code tradingPair} may be null (the client v1.0.2 sends no body) and is
     * then taken from the stored order. @return the order after the venue answered
     */
    public OrderRecord cancel(SessionKey key, String clientOrderId, TradingPair tradingPair) {
        LiveSession session = sessions.current(key);
        OrderRecord order = orders.find(key, clientOrderId).orElseThrow(() -> new NotFound(
                "Order '" + clientOrderId + "' not found for account '" + key.accountName() + "' on " + key.connectorName()));
        if (tradingPair != null && !tradingPair.equals(order.tradingPair())) {
            throw new InvalidRequest("Order '" + clientOrderId + "' trades " + order.tradingPair() + ", not " + tradingPair);
        }
        if (order.status().isDone()) {
            throw new Conflict("Order '" + clientOrderId + "' is already " + order.status() + " and cannot be cancelled");
        }
        try {
            OrderUpdate update = session.trading().cancelOrder(order.tradingPair(), clientOrderId);
            recorder.recordUpdate(key, update);
            jobs.balancesChanged(key); // the funds the order locked are available again
        } catch (VenueException.Rejected e) {
            throw new InvalidRequest("The venue refused to cancel order '" + clientOrderId + "': " + e.getMessage());
        }
        return orders.find(key, clientOrderId).orElseThrow();
    }

    public PositionMode positionMode(SessionKey key) {
        return perpetualSession(key).trading().positionMode();
    }

    public void setPositionMode(SessionKey key, PositionMode mode) {
        perpetualSession(key).trading().setPositionMode(mode);
    }

    public void setLeverage(SessionKey key, TradingPair pair, int leverage) {
        LiveSession session = perpetualSession(key);
        if (!rules.rules(key.connectorName()).containsKey(pair)) {
            throw new InvalidRequest("Trading pair '" + pair + "' not supported on " + key.connectorName());
        }
        try {
            session.trading().setLeverage(pair, leverage);
        } catch (VenueException.Rejected e) {
            throw new InvalidRequest("The venue refused leverage " + leverage + " for " + pair + ": " + e.getMessage());
        }
    }

    private LiveSession perpetualSession(SessionKey key) {
        if (!key.connectorName().contains("_perpetual")) {
            throw new InvalidRequest("Connector '" + key.connectorName() + "' is not a perpetual connector");
        }
        LiveSession session = sessions.current(key);
        if (!session.perpetual()) {
            throw new InvalidRequest("Connector '" + key.connectorName() + "' is not a perpetual connector");
        }
        return session;
    }
}
