package io.aviary.simexchange.domain.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderBookTest {

    private record Trade(long makerId, long price, long lots) {
    }

    private final OrderBook book = new OrderBook();
    private final List<Trade> trades = new ArrayList<>();
    private final MatchSink sink = (maker, price, lots) -> trades.add(new Trade(maker.id(), price, lots));

    @Test
    void ordersAtOnePriceTradeInArrivalOrder() {
        book.rest(1, 10, false, 100, 5, null);
        book.rest(2, 11, false, 100, 5, null);
        book.rest(3, 12, false, 100, 5, null);

        long left = book.match(true, 100, 7, sink);

        assertThat(left).isZero();
        assertThat(trades).containsExactly(new Trade(1, 100, 5), new Trade(2, 100, 2));
        assertThat(book.order(1)).isNull();
        assertThat(book.order(2).remaining()).isEqualTo(3);
        assertThat(book.lotsAt(false, 100)).isEqualTo(8);
    }

    @Test
    void betterPriceTradesFirstAndLimitStopsTheSweep() {
        book.rest(1, 10, false, 102, 5, null);
        book.rest(2, 10, false, 101, 5, null);
        book.rest(3, 10, false, 103, 5, null);

        long left = book.match(true, 102, 20, sink);

        assertThat(trades).containsExactly(new Trade(2, 101, 5), new Trade(1, 102, 5));
        assertThat(left).isEqualTo(10);
        assertThat(book.bestAsk()).isEqualTo(103);
    }

    @Test
    void marketSweepCrossesEveryLevelAndReportsWhatIsLeft() {
        book.rest(1, 10, true, 99, 2, null);
        book.rest(2, 10, true, 98, 2, null);
        book.rest(3, 10, true, 97, 2, null);

        long left = book.match(false, OrderBook.ANY_PRICE_SELL, 10, sink);

        assertThat(trades).extracting(Trade::price).containsExactly(99L, 98L, 97L);
        assertThat(left).isEqualTo(4);
        assertThat(book.bestBid()).isZero();
        assertThat(book.levelCount(true)).isZero();
    }

    @Test
    void cancelRemovesTheOrderAndItsEmptyLevel() {
        book.rest(1, 10, true, 99, 2, null);
        book.rest(2, 10, true, 98, 2, null);

        assertThat(book.cancel(1)).isNotNull();
        assertThat(book.cancel(1)).isNull();
        assertThat(book.bestBid()).isEqualTo(98);
        assertThat(book.levelCount(true)).isEqualTo(1);
    }

    @Test
    void crossesTellsWhetherALimitOrderWouldTrade() {
        book.rest(1, 10, false, 101, 1, null);
        book.rest(2, 10, true, 99, 1, null);

        assertThat(book.crosses(true, 101)).isTrue();
        assertThat(book.crosses(true, 100)).isFalse();
        assertThat(book.crosses(false, 99)).isTrue();
        assertThat(book.crosses(false, 100)).isFalse();
    }

    @Test
    void everyMutationAdvancesTheSequenceAndTouchedLevelsAreReportedOnce() {
        book.rest(1, 10, false, 101, 3, null);
        book.rest(2, 10, false, 101, 3, null);
        book.rest(3, 10, true, 99, 3, null);
        long before = book.sequence();
        book.drainChanges((p, q) -> true, (p, q) -> true);

        book.match(true, 101, 4, sink);
        book.cancel(3);

        assertThat(book.sequence() - before).isEqualTo(3); // two executions, one cancel
        Map<Long, Long> bids = new HashMap<>();
        Map<Long, Long> asks = new HashMap<>();
        book.drainChanges((p, q) -> bids.put(p, q) == null, (p, q) -> asks.put(p, q) == null);
        assertThat(asks).containsExactly(Map.entry(101L, 2L));
        assertThat(bids).containsExactly(Map.entry(99L, 0L));
    }

    @Test
    void staysConsistentUnderRandomTraffic() {
        Random random = new Random(7);
        Map<Long, long[]> live = new HashMap<>();
        long id = 1;
        for (int i = 0; i < 50_000; i++) {
            int op = random.nextInt(10);
            if (op < 6) {
                boolean buy = random.nextBoolean();
                long price = 1000 + random.nextInt(200) - (buy ? 110 : -10);
                long lots = 1 + random.nextInt(20);
                long left = book.match(buy, price, lots, (m, p, q) -> {
                    long[] o = live.get(m.id());
                    o[1] -= q;
                    if (o[1] == 0) {
                        live.remove(m.id());
                    }
                });
                if (left > 0) {
                    book.rest(id, 1, buy, price, left, null);
                    live.put(id, new long[] {price, left});
                }
                id++;
            } else if (!live.isEmpty()) {
                long victim = live.keySet().iterator().next();
                assertThat(book.cancel(victim)).isNotNull();
                live.remove(victim);
            }
        }
        assertThat(book.orderCount()).isEqualTo(live.size());
        long total = live.values().stream().mapToLong(o -> o[1]).sum();
        long[] inBook = {0};
        book.levels(true, Integer.MAX_VALUE, (p, q) -> (inBook[0] += q) >= 0);
        book.levels(false, Integer.MAX_VALUE, (p, q) -> (inBook[0] += q) >= 0);
        assertThat(inBook[0]).isEqualTo(total);
        assertThat(book.bestBid()).isLessThan(book.bestAsk());
    }
}
