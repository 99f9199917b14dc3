package io.aviary.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The average-cost account of one market, on sequences worked out by hand. */
class MarketBookTest {

    private final MarketBook book = new MarketBook(new Fill.Market("sim", "BTC-USDT"));

    @Test
    void aFillThatCrossesZeroRealizesTheClosedPartAndOpensTheRestAtItsPrice() {
        fill(true, "100", "1");
        fill(false, "110", "3"); // closes 1 long (+10), opens 2 short @110
        assertThat(book.realized()).isEqualByComparingTo("10");
        assertThat(book.position()).isEqualByComparingTo("-2");
        assertThat(book.entryPrice()).isEqualByComparingTo("110");
        assertThat(book.unrealizedAt(new BigDecimal("100"))).isEqualByComparingTo("20");
        fill(true, "105", "2"); // closes the short: +10
        assertThat(book.realized()).isEqualByComparingTo("20");
        assertThat(book.position()).isZero();
        assertThat(book.entryPrice()).isZero();
    }

    @Test
    void realizedWhereTheCumulativeAverageMethodCallsItUnrealized() {
        // Hummingbot API: buy_avg 110, sell_avg 110 → realized 0, unrealized (120 − 110) × 1 = 10
        fill(true, "100", "1");
        fill(false, "110", "1");
        fill(true, "120", "1");
        assertThat(book.realized()).isEqualByComparingTo("10");
        assertThat(book.unrealizedAt(book.lastPrice())).isEqualByComparingTo("0");
        assertThat(book.buyAveragePrice()).isEqualByComparingTo("110");
    }

    @Test
    void averageEntryOfThreeBuysIsExactInDecimal() {
        fill(true, "100", "1");
        fill(true, "100", "1");
        fill(true, "101", "1");
        fill(false, "101", "3");
        // entry 301/3 = 100.333…; realized (101 − 100.333…) × 3 = 2 within DECIMAL128
        assertThat(MarketBook.wire(book.realized())).isEqualByComparingTo("2");
        assertThat(book.fees()).isEqualByComparingTo("0.4");
    }

    private void fill(boolean buy, String price, String amount) {
        book.apply(new Fill(0, "sim", "BTC-USDT", buy, new BigDecimal(price), new BigDecimal(amount),
                new BigDecimal("0.1")));
    }
}
