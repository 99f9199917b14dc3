package io.aviary.trading.app.executors;

import io.aviary.connectors.model.OrderType;
import io.aviary.connectors.model.PositionAction;
import io.aviary.connectors.model.TradeType;
import io.aviary.connectors.model.TradingPair;
import io.aviary.execution.HummingbotOrderIds;
import io.aviary.kit.failure.Unavailable;
import io.aviary.kit.failure.UseCaseException;
import io.aviary.strategy.executor.OrderGateway;
import io.aviary.strategy.executor.OrderListener;
import io.aviary.strategy.executor.OrderRequest;
import io.aviary.trading.app.AccountControl;
import io.aviary.trading.app.OrderPlacement;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import io.aviary.trading.domain.TradeCommand;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Strategy's {@link OrderGateway} for one hosted executor, on trading-service's own order path, each order on the
 * session of its market: the executor's account on the order's connector (an arbitrage or XEMM executor trades on
 * two): every order is
 * recorded before it is sent, reconciled, listed by {@code /trading/orders} with its events, and its outcomes come
 * back through {@link ExecutorOrderRouter} from where fills are recorded. The client order id is chosen here and
 * routed before the order is placed, so a fill the venue streams back before placement returns still finds it.
 */
final class ExecutorOrderGateway implements OrderGateway {

    private final String executorId;
    private final SessionKey session;
    private final ExecutorHost host;
    private final OrderPlacement placement;
    private final AccountControl control;
    private final ExecutorOrderRouter router;
    private final ExecutorRecords records;
    private final HummingbotOrderIds ids;
    private final ExecutorLog log;
    private final Clock clock;
    /** The session of each order on another market than its own (two-market executors); host thread only. */
    private final Map<String, SessionKey> sessionOf = new HashMap<>();

    ExecutorOrderGateway(String executorId, SessionKey session, ExecutorHost host, OrderPlacement placement,
            AccountControl control, ExecutorOrderRouter router, ExecutorRecords records, HummingbotOrderIds ids,
            ExecutorLog log, Clock clock) {
        this.executorId = executorId;
        this.session = session;
        this.host = host;
        this.placement = placement;
        this.control = control;
        this.router = router;
        this.records = records;
        this.ids = ids;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public String placeOrder(OrderRequest request, OrderListener listener) {
        TradingPair pair = TradingPair.parse(request.tradingPair());
        TradeType side = TradeType.valueOf(request.side().name());
        OrderType type = OrderType.valueOf(request.orderType().name());
        String clientOrderId = ids.next(side, pair);
        SessionKey session = sessionFor(request.connectorName());
        if (!session.equals(this.session)) {
            sessionOf.put(clientOrderId, session); // only another market's orders: a grid places thousands on its own
        }
        BigDecimal amount = HostedExecutor.decimal(request.amount());
        BigDecimal price = type.isLimitType() ? HostedExecutor.decimal(request.price()) : null;
        router.register(session, clientOrderId, new ExecutorOrderRouter.Route(executorId, host, listener));
        try {
            records.order(executorId, session, clientOrderId, side.name(), type.name(), amount, price, clock.instant());
            placement.place(new TradeCommand(session, pair, side, type, amount, price,
                    PositionAction.valueOf(request.positionAction().name()), clientOrderId, null));
            log.add(clock.instant(), "INFO", "placed " + side + " " + type + " " + amount + " " + pair
                    + (price == null ? "" : " at " + price) + " as " + clientOrderId);
        } catch (Unavailable e) {
            // recorded, the venue's answer unknown: reconciliation settles it and the outcome is routed then
            log.add(clock.instant(), "WARNING", "order " + clientOrderId + " unconfirmed: " + e.getMessage());
        } catch (UseCaseException | IllegalArgumentException e) {
            log.add(clock.instant(), "ERROR", "order " + clientOrderId + " failed: " + e.getMessage());
            router.finished(session, clientOrderId, OrderStatus.FAILED);
        } catch (RuntimeException e) {
            log.add(clock.instant(), "ERROR", "order " + clientOrderId + " failed: " + e);
            router.finished(session, clientOrderId, OrderStatus.FAILED);
        }
        return clientOrderId;
    }

    /** The executor's account on {@code connectorName}. */
    SessionKey sessionFor(String connectorName) {
        return connectorName == null || connectorName.equals(session.connectorName()) ? session
                : new SessionKey(session.accountName(), connectorName);
    }

    /** Takes over an order placed before a resume, on {@code connectorName}'s session, so it can be cancelled. */
    void knows(String clientOrderId, String connectorName) {
        SessionKey session = sessionFor(connectorName);
        if (!session.equals(this.session)) {
            sessionOf.put(clientOrderId, session);
        }
    }

    @Override
    public void cancelOrder(String orderId) {
        SessionKey session = sessionOf.getOrDefault(orderId, this.session);
        try {
            control.cancel(session, orderId, null);
            log.add(clock.instant(), "INFO", "cancel requested for " + orderId);
        } catch (RuntimeException e) {
            // already finished (its outcome is routed), or the venue is unreachable (the executor asks again)
            log.add(clock.instant(), "WARNING", "cancel of " + orderId + " not confirmed: " + e.getMessage());
        }
    }
}
