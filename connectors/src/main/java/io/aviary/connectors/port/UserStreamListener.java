package io.aviary.connectors.port;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;

/** Pushed private updates of one authenticated session. Every method has a no-op default. */
public interface UserStreamListener {

    default void onOrderUpdate(OrderUpdate update) {
    }

    default void onFill(Fill fill) {
    }

    default void onBalance(Balance balance) {
    }

    default void onPosition(Position position) {
    }

    default void onFundingPayment(FundingPayment payment) {
    }

    /** The stream broke; the connector reconnects by itself. Callers should reconcile by polling. */
    default void onDisconnect(Throwable cause) {
    }
}
