package io.aviary.marketdata.bench;

import io.aviary.connectors.model.PriceLevel;
import io.aviary.connectors.model.TradingPair;
import io.aviary.marketdata.domain.BookQueryResult;
import io.aviary.marketdata.domain.BookView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The five order-book queries on a 5,000-level-per-side book, each asked for an amount that walks
 * about half of the side (the worst realistic case is the whole side; the cost is linear in levels
 * walked). Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl market-data-service test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp market-data-service/target/test-classes:market-data-service/target/classes:$(cat market-data-service/target/cp.txt) \
 *     org.openjdk.jmh.Main BookQueryBenchmark -wi 2 -i 3 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class BookQueryBenchmark {

    private static final int LEVELS = 5_000;

    private BookView book;
    private double halfVolume;
    private double halfQuote;
    private double midAskPrice;

    @Setup
    public void setUp() {
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        for (int i = 0; i < LEVELS; i++) {
            BigDecimal amount = BigDecimal.valueOf(0.001 * (1 + i % 7));
            bids.add(new PriceLevel(BigDecimal.valueOf(9_999_900 - i * 10L, 2), amount));
            asks.add(new PriceLevel(BigDecimal.valueOf(10_000_100 + i * 10L, 2), amount));
        }
        book = BookView.of(TradingPair.parse("BTC-USDT"), 1, Instant.EPOCH, bids, asks);
        halfVolume = asks.subList(0, LEVELS / 2).stream().mapToDouble(l -> l.amount().doubleValue()).sum();
        halfQuote = asks.subList(0, LEVELS / 2).stream().mapToDouble(l -> l.amount().doubleValue() * l.price().doubleValue()).sum();
        midAskPrice = asks.get(LEVELS / 2).price().doubleValue();
    }

    @Benchmark
    public BookQueryResult priceForVolume() {
        return book.priceForVolume(true, halfVolume);
    }

    @Benchmark
    public BookQueryResult volumeForPrice() {
        return book.volumeForPrice(true, midAskPrice);
    }

    @Benchmark
    public BookQueryResult priceForQuoteVolume() {
        return book.priceForQuoteVolume(true, halfQuote);
    }

    @Benchmark
    public BookQueryResult quoteVolumeForPrice() {
        return book.quoteVolumeForPrice(true, midAskPrice);
    }

    @Benchmark
    public BookQueryResult vwapForVolume() {
        return book.vwapForVolume(true, halfVolume);
    }

    /** The cost a query pays after the book changed: the view of 2 × 5,000 levels is rebuilt once. */
    @Benchmark
    public BookView rebuildView() {
        return BookView.of(book.pair(), 2, Instant.EPOCH, book.bids(LEVELS), book.asks(LEVELS));
    }
}
