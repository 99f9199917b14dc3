package io.aviary.trading.app;

import io.aviary.kit.failure.InvalidRequest;
import io.aviary.trading.domain.ActiveOrder;
import io.aviary.trading.domain.FundingRow;
import io.aviary.trading.domain.ListQuery;
import io.aviary.trading.domain.OrderRecord;
import io.aviary.trading.domain.OrderStatus;
import io.aviary.trading.domain.Page;
import io.aviary.trading.domain.PageCursor;
import io.aviary.trading.domain.PositionRow;
import io.aviary.trading.domain.TradeRow;
import io.aviary.trading.infra.TradingListRepository;
import io.aviary.trading.infra.TradingListRepository.OrderRef;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/** The read side of trading: every list comes from the database, so it answers even when a venue is down. */
@Service
public class TradingQueries {

    private final TradingListRepository lists;

    public TradingQueries(TradingListRepository lists) {
        this.lists = lists;
    }

    public Page<OrderRecord> searchOrders(ListQuery query, List<OrderStatus> statuses) {
        return readable(() -> lists.orders(query, statuses));
    }

    /** Open orders with their fills and the leverage of their pair's position (Hummingbot's in-flight view). */
    public Page<ActiveOrder> activeOrders(ListQuery query) {
        Page<OrderRecord> page = readable(() -> lists.activeOrders(query));
        Map<OrderRef, List<TradeRow>> fills = lists.fillsOf(page.items());
        Map<OrderRef, Integer> leverage = lists.positionLeverage(page.items());
        List<ActiveOrder> items = page.items().stream().map(o -> new ActiveOrder(o,
                leverage.getOrDefault(new OrderRef(o.accountName(), o.connectorName(), o.tradingPair().toString()), 1),
                fills.getOrDefault(new OrderRef(o.accountName(), o.connectorName(), o.clientOrderId()), List.of())))
                .toList();
        return new Page<>(items, page.limit(), page.hasMore(), page.nextCursor(), page.totalCount());
    }

    public Page<TradeRow> trades(ListQuery query, List<String> tradeTypes) {
        return readable(() -> lists.trades(query, tradeTypes));
    }

    public Page<PositionRow> positions(ListQuery query) {
        return readable(() -> lists.positions(query));
    }

    public Page<FundingRow> fundingPayments(ListQuery query) {
        return readable(() -> lists.funding(query));
    }

    private static <T> Page<T> readable(Supplier<Page<T>> read) {
        try {
            return read.get();
        } catch (PageCursor.InvalidCursor e) {
            throw new InvalidRequest(e.getMessage());
        }
    }
}
