package io.aviary.trading.app;

import io.aviary.connectors.model.Fill;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;

/**
 * Told by {@link TradeRecorder}, after the change is committed, of each new fill and of each order that finished
 * unfilled or partly filled (CANCELLED, FAILED): the executors host routes them to the executor that placed the
 * order. Called on whatever thread recorded the change (user stream, reconciliation, a request); must not block.
 */
public interface OrderOutcomeListener {

    /** @param completesOrder the order has no remaining amount after this fill */
    void filled(SessionKey session, Fill fill, boolean completesOrder);

    void finished(SessionKey session, String clientOrderId, OrderStatus status);
}
