package io.aviary.simexchange.bench;

import io.aviary.simexchange.domain.price.PathSpec;
import io.aviary.simexchange.domain.price.SyntheticMarket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Synthetic history: one year of 1m candles for one pair, from a cold market (nothing cached). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class CandleGenerationBenchmark {

    static final long ANCHOR = 1_767_225_600L;

    @Benchmark
    public int yearOfMinuteCandles() {
        SyntheticMarket m = new SyntheticMarket(new PathSpec(42, "BTC-USDT", "spot:BTC-USDT", 95_000, 0.5, ANCHOR,
                1.2, 0.05, 0.00001, null));
        return m.bars(ANCHOR - 365 * 86_400L, 60, 525_600).size();
    }
}
