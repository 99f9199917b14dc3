package io.aviary.trading.app.executors;

import io.aviary.connectors.model.Fill;
import io.aviary.execution.Fees;
import io.aviary.strategy.executor.OrderFill;
import io.aviary.strategy.executor.OrderListener;
import io.aviary.trading.app.OrderOutcomeListener;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.SessionKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Routes what {@code TradeRecorder} records about an executor's order (from the user stream, reconciliation or the
 * placing call itself) to that executor, on its host's thread. Orders nobody registered (placed through
 * {@code /trading/orders}, by bots) pass by. A route lives until its executor terminated, so a fill that arrives
 * after a cancellation still reaches it; a second "finished" for one order is dropped.
 */
@Component
public class ExecutorOrderRouter implements OrderOutcomeListener {

    record Route(String executorId, ExecutorHost host, OrderListener listener) {
    }

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();

    void register(SessionKey session, String clientOrderId, Route route) {
        routes.put(key(session, clientOrderId), route);
    }

    /** Forgets the routes of a terminated executor. */
    void forget(String executorId) {
        routes.entrySet().removeIf(e -> {
            boolean mine = e.getValue().executorId().equals(executorId);
            if (mine) {
                finished.remove(e.getKey());
            }
            return mine;
        });
    }

    @Override
    public void filled(SessionKey session, Fill fill, boolean completesOrder) {
        Route route = routes.get(key(session, fill.clientOrderId()));
        if (route == null) {
            return;
        }
        OrderFill orderFill = new OrderFill(fill.clientOrderId(), fill.timestamp().getEpochSecond(),
                fill.price().doubleValue(), fill.amount().doubleValue(),
                Fees.feeInQuote(fill, fill.tradingPair()).doubleValue(), completesOrder,
                fill.tradeId()); // the executor counts a trade once, so a fill reconciled again after a resume is harmless
        route.host().deliver(route.executorId(), () -> route.listener().onOrderFilled(orderFill));
    }

    @Override
    public void finished(SessionKey session, String clientOrderId, OrderStatus status) {
        String key = key(session, clientOrderId);
        Route route = routes.get(key);
        if (route == null || !finished.add(key)) {
            return;
        }
        route.host().deliver(route.executorId(), status == OrderStatus.FAILED
                ? () -> route.listener().onOrderFailed(clientOrderId)
                : () -> route.listener().onOrderCancelled(clientOrderId));
    }

    private static String key(SessionKey session, String clientOrderId) {
        return session.accountName() + "/" + session.connectorName() + "/" + clientOrderId;
    }
}
