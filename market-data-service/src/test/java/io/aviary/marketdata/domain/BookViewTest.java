package io.aviary.marketdata.domain;

import static io.aviary.marketdata.domain.Books.PAIR;
import static io.aviary.marketdata.domain.Books.levels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The five queries on a hand-computed book. Asks 100×1, 101×2, 103×3 (quote 100, 202, 309);
 * bids 99×1, 98×2, 95×4 (quote 99, 196, 380).
 */
class BookViewTest {

    private final BookView book = BookView.of(PAIR, 7, Instant.ofEpochSecond(1), levels("99:1", "98:2", "95:4"),
            levels("100:1", "101:2", "103:3"));

    @Test
    void priceForVolumeIsThePriceOfTheLevelWhereTheVolumeIsReached() {
        assertThat(book.priceForVolume(true, 2.5)).isEqualTo(new BookQueryResult(null, 2.5, 101.0, 2.5, null, null));
        assertThat(book.priceForVolume(true, 1)).isEqualTo(new BookQueryResult(null, 1.0, 100.0, 1.0, null, null));
        assertThat(book.priceForVolume(false, 3)).isEqualTo(new BookQueryResult(null, 3.0, 98.0, 3.0, null, null));
        // more than the side holds: no price, the whole side as volume
        assertThat(book.priceForVolume(true, 10)).isEqualTo(new BookQueryResult(null, 10.0, null, 6.0, null, null));
    }

    @Test
    void vwapForVolumeTakesTheLastLevelPartly() {
        BookQueryResult buy = book.vwapForVolume(true, 2.5); // (100×1 + 101×1.5) / 2.5
        assertThat(buy.averagePrice()).isCloseTo(100.6, within(1e-12));
        assertThat(buy.resultVolume()).isEqualTo(2.5);
        assertThat(buy.queryVolume()).isEqualTo(2.5);
        assertThat(book.vwapForVolume(false, 3).averagePrice()).isCloseTo(295.0 / 3, within(1e-12));
        assertThat(book.vwapForVolume(true, 6).averagePrice()).isCloseTo(611.0 / 6, within(1e-12));
        assertThat(book.vwapForVolume(true, 7)).isEqualTo(new BookQueryResult(null, 7.0, null, 6.0, null, null));
    }

    @Test
    void priceForQuoteVolumeSumsPriceTimesAmount() {
        assertThat(book.priceForQuoteVolume(true, 150)).isEqualTo(new BookQueryResult(null, null, 101.0, 150.0, null, null));
        assertThat(book.priceForQuoteVolume(true, 100)).isEqualTo(new BookQueryResult(null, null, 100.0, 100.0, null, null));
        assertThat(book.priceForQuoteVolume(false, 200)).isEqualTo(new BookQueryResult(null, null, 98.0, 200.0, null, null));
        assertThat(book.priceForQuoteVolume(true, 1000)).isEqualTo(new BookQueryResult(null, null, null, 611.0, null, null));
    }

    @Test
    void volumeForPriceCountsTheLevelsAtOrBetterThanThePrice() {
        assertThat(book.volumeForPrice(true, 101)).isEqualTo(new BookQueryResult(101.0, null, 101.0, 3.0, null, null));
        assertThat(book.volumeForPrice(true, 102.99)).isEqualTo(new BookQueryResult(102.99, null, 101.0, 3.0, null, null));
        assertThat(book.volumeForPrice(false, 98)).isEqualTo(new BookQueryResult(98.0, null, 98.0, 3.0, null, null));
        // a buy below the best ask finds nothing
        assertThat(book.volumeForPrice(true, 99.5)).isEqualTo(new BookQueryResult(99.5, null, null, 0.0, null, null));
    }

    @Test
    void quoteVolumeForPriceSumsTheQuoteOfThoseLevels() {
        assertThat(book.quoteVolumeForPrice(true, 102)).isEqualTo(new BookQueryResult(102.0, null, null, 3.0, 302.0, null));
        assertThat(book.quoteVolumeForPrice(false, 95)).isEqualTo(new BookQueryResult(95.0, null, null, 7.0, 675.0, null));
        assertThat(book.quoteVolumeForPrice(false, 100)).isEqualTo(new BookQueryResult(100.0, null, null, 0.0, 0.0, null));
    }

    @Test
    void anEmptySideAnswersNothing() {
        BookView empty = BookView.of(PAIR, 1, Instant.EPOCH, levels(), levels());
        assertThat(empty.priceForVolume(true, 1).resultPrice()).isNull();
        assertThat(empty.vwapForVolume(false, 1).averagePrice()).isNull();
        assertThat(empty.volumeForPrice(true, 1e9).resultVolume()).isZero();
    }

    @Test
    void depthCutsEachSide() {
        assertThat(book.bids(2)).isEqualTo(levels("99:1", "98:2"));
        assertThat(book.asks(100)).hasSize(3);
    }
}
