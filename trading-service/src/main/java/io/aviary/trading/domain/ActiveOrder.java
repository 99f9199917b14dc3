package io.aviary.trading.domain;

import java.util.List;

/**
 * An open order as {@code /trading/orders/active} reports it: the stored order, the leverage its
 * position runs at (1 where there is none: spot, or a perpetual without a position yet) and its
 * fills so far, oldest first.
 */
public record ActiveOrder(OrderRecord order, int leverage, List<TradeRow> fills) {

    public ActiveOrder {
        fills = List.copyOf(fills);
    }
}
