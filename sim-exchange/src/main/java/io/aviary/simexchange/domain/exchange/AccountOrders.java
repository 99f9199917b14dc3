package io.aviary.simexchange.domain.exchange;

import io.aviary.simexchange.domain.event.Fill;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account's orders and fills on one venue. Closed orders and fills are kept for a bounded
 * history (like a real venue's query window); a client order id stays known while its order is.
 */
final class AccountOrders {

    static final int MAX_CLOSED_ORDERS = 10_000;
    static final int MAX_FILLS = 50_000;

    private final Map<String, Order> byClientId = new HashMap<>();
    private final Map<Long, Order> open = new LinkedHashMap<>();
    private final ArrayDeque<Order> closed = new ArrayDeque<>();
    private final ArrayDeque<Fill> fills = new ArrayDeque<>();

    Order byClientId(String clientOrderId) {
        return byClientId.get(clientOrderId);
    }

    void add(Order order) {
        byClientId.put(order.clientOrderId, order);
        if (order.isOpen()) {
            open.put(order.id, order);
        } else {
            remember(order);
        }
    }

    void closed(Order order) {
        if (open.remove(order.id) != null) {
            remember(order);
        }
    }

    private void remember(Order order) {
        closed.addLast(order);
        if (closed.size() > MAX_CLOSED_ORDERS) {
            Order evicted = closed.removeFirst();
            byClientId.remove(evicted.clientOrderId, evicted);
        }
    }

    List<Order> open() {
        return new ArrayList<>(open.values());
    }

    boolean hasOpen() {
        return !open.isEmpty();
    }

    void addFill(Fill fill) {
        fills.addLast(fill);
        if (fills.size() > MAX_FILLS) {
            fills.removeFirst();
        }
    }

    Iterable<Fill> fills() {
        return fills;
    }
}
