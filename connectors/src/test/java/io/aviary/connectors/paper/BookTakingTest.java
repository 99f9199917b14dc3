package io.aviary.connectors.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradeType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookTakingTest {

    private static final List<PriceLevel> ASKS = List.of(level("100", "1"), level("101", "2"), level("103", "5"));
    private static final List<PriceLevel> BIDS = List.of(level("99", "1"), level("98", "2"), level("95", "5"));

    @Test
    void aMarketBuyWalksTheAsksBestFirst() {
        List<PriceLevel> taken = BookTaking.take(ASKS, TradeType.BUY, new BigDecimal("2.5"), null);
        assertThat(taken).containsExactly(level("100", "1"), level("101", "1.5"));
    }

    @Test
    void aLimitStopsAtItsPrice() {
        assertThat(BookTaking.take(ASKS, TradeType.BUY, new BigDecimal("10"), new BigDecimal("101")))
                .containsExactly(level("100", "1"), level("101", "2"));
        assertThat(BookTaking.take(BIDS, TradeType.SELL, new BigDecimal("10"), new BigDecimal("98")))
                .containsExactly(level("99", "1"), level("98", "2"));
        assertThat(BookTaking.take(ASKS, TradeType.BUY, new BigDecimal("1"), new BigDecimal("99.99"))).isEmpty();
    }

    @Test
    void anExhaustedBookFillsWhatItHas() {
        List<PriceLevel> taken = BookTaking.take(BIDS, TradeType.SELL, new BigDecimal("20"), null);
        assertThat(BookTaking.base(taken)).isEqualByComparingTo("8");
    }

    private static PriceLevel level(String price, String amount) {
        return new PriceLevel(new BigDecimal(price), new BigDecimal(amount));
    }
}
