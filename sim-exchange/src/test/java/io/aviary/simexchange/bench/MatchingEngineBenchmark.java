package io.aviary.simexchange.bench;

import io.aviary.simexchange.domain.book.MatchSink;
import io.aviary.simexchange.domain.book.OrderBook;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matching core alone, single thread: a mixed flow of limit orders (about 10 % of them
 * marketable), cancels and market orders against a book held at about 10 000 resting orders.
 * One operation = one order or one cancel. Random choices are precomputed so the measurement is
 * the book, not the random generator.
 *
 * <pre>
 * mvn -B -q -pl sim-exchange test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp sim-exchange/target/test-classes:sim-exchange/target/classes:$(cat sim-exchange/target/cp.txt) \
 *      org.openjdk.jmh.Main MatchingEngineBenchmark -wi 2 -i 3 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class MatchingEngineBenchmark {

    static final int OPS = 1 << 16;
    static final int TARGET = 10_000;
    static final long MID = 1_000_000;

    private final long[] live = new long[4 * TARGET];
    private int liveCount;
    private final int[] kind = new int[OPS];
    private final long[] price = new long[OPS];
    private final long[] lots = new long[OPS];
    private final boolean[] buy = new boolean[OPS];
    private final int[] pick = new int[OPS];
    private OrderBook book;
    private long nextId = 1;
    private long traded;
    private final MatchSink sink = (maker, p, q) -> traded += q;
    private int cursor;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < OPS; i++) {
            kind[i] = random.nextInt(100);
            buy[i] = random.nextBoolean();
            long offset = 1 + (long) Math.abs(random.nextGaussian() * 150);
            boolean marketable = random.nextInt(10) == 0;
            price[i] = buy[i] ? MID - (marketable ? -3 : offset) : MID + (marketable ? -3 : offset);
            lots[i] = 1 + random.nextInt(10);
            pick[i] = random.nextInt(Integer.MAX_VALUE);
        }
        book = new OrderBook();
        while (book.orderCount() < TARGET) {
            addLimit(cursor++ & (OPS - 1));
        }
        book.discardChanges();
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long mixedFlow() {
        for (int n = 0; n < OPS; n++) {
            int i = cursor++ & (OPS - 1);
            int resting = book.orderCount();
            int k = resting < TARGET - 500 ? 0 : resting > TARGET + 500 ? 60 : kind[i];
            if (k < 55) {
                addLimit(i);
            } else if (k < 88) {
                cancel(i);
            } else {
                book.match(buy[i], buy[i] ? OrderBook.ANY_PRICE_BUY : OrderBook.ANY_PRICE_SELL, lots[i], sink);
            }
            book.discardChanges();
        }
        return traded;
    }

    private void addLimit(int i) {
        long left = book.match(buy[i], price[i], lots[i], sink);
        if (left > 0) {
            long id = nextId++;
            book.rest(id, 1, buy[i], price[i], left, null);
            if (liveCount == live.length) {
                compactLive();
            }
            live[liveCount++] = id;
        }
    }

    private void cancel(int i) {
        if (liveCount == 0) {
            return;
        }
        int slot = pick[i] % liveCount;
        book.cancel(live[slot]); // may already be filled: a cancel that finds nothing is still an operation
        live[slot] = live[--liveCount];
    }

    private void compactLive() {
        int n = 0;
        for (int j = 0; j < liveCount; j++) {
            if (book.order(live[j]) != null) {
                live[n++] = live[j];
            }
        }
        liveCount = n;
    }
}
