package io.aviary.common.events.trading;

import io.aviary.common.events.DomainEvent;

/**
 * Events of trading-service about one (account, connector) session. Amounts and prices are
 * decimals as the venue reported them; trading pairs are Hummingbot {@code BASE-QUOTE}; enum-like
 * fields carry the Hummingbot names ({@code BUY}, {@code LIMIT}, {@code PARTIALLY_FILLED}, …).
 */
public sealed interface TradingEvent extends DomainEvent
        permits OrderSubmitted, OrderUpdated, TradeFilled, PositionUpdated, FundingPaymentRecorded, BalancesUpdated,
        ExecutorStarted, ExecutorUpdated, ExecutorStopped {

    String accountName();

    String connectorName();

    /** Key of everything about one order, so its submission, updates and fills stay in order. */
    static String orderKey(String accountName, String connectorName, String clientOrderId) {
        return accountName + "/" + connectorName + "/" + clientOrderId;
    }

    /** Key of everything about one executor, so its start, updates and stop stay in order. */
    static String executorKey(String accountName, String connectorName, String executorId) {
        return accountName + "/" + connectorName + "/executor/" + executorId;
    }

    static String sessionKey(String accountName, String connectorName) {
        return accountName + "/" + connectorName;
    }
}
