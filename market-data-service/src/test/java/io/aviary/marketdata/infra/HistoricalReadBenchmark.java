package io.aviary.marketdata.infra;

import io.aviary.connectors.model.CandleInterval;
import io.aviary.connectors.model.TradingPair;
import io.aviary.marketdata.domain.CandleBar;
import io.aviary.marketdata.domain.CandleKey;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rows per second read from PostgreSQL for a year of 1m candles (525 600 rows) through the store's
 * streaming read, the path {@code historical-candles} serves from. A bench, not a test: run with
 * {@code -Dmd.bench=true}; writes {@code market-data-service/target/historical-read.txt}.
 */
@EnabledIfSystemProperty(named = "md.bench", matches = "true")
class HistoricalReadBenchmark {

    private static final long YEAR_MINUTES = 365L * 24 * 60;

    @Test
    void yearOfMinuteCandles() throws Exception {
        try (CandleDatabase db = new CandleDatabase()) {
            CandleKey key = new CandleKey("sim", TradingPair.parse("BTC-USDT"), CandleInterval.M1);
            long start = 1_735_689_600L; // 2025-01-01T00:00:00Z
            long t0 = System.nanoTime();
            List<CandleBar> page = new ArrayList<>();
            for (long m = 0; m < YEAR_MINUTES; m++) {
                double p = 95_000 + Math.sin(m / 500.0) * 1000;
                page.add(new CandleBar(start + m * 60, p, p + 5, p - 5, p + 1, 1.5, p * 1.5, 12, 0.7, p * 0.7));
                if (page.size() == 10_000) {
                    db.store.store(key, page, new Range(page.getFirst().timestamp(), page.getLast().timestamp() + 60));
                    page.clear();
                }
            }
            db.store.store(key, page, new Range(page.getFirst().timestamp(), page.getLast().timestamp() + 60));
            double writeSeconds = (System.nanoTime() - t0) / 1e9;

            StringBuilder report = new StringBuilder("write: " + YEAR_MINUTES + " rows in " + String.format("%.2f", writeSeconds) + " s\n");
            for (int run = 0; run < 5; run++) {
                AtomicLong rows = new AtomicLong();
                long r0 = System.nanoTime();
                db.store.forEach(key, start, start + YEAR_MINUTES * 60, c -> rows.incrementAndGet());
                double seconds = (System.nanoTime() - r0) / 1e9;
                report.append(String.format("read %d: %d rows in %.3f s = %.0f rows/s%n", run, rows.get(), seconds,
                        rows.get() / seconds));
            }
            System.out.print(report);
            Files.writeString(Path.of("target", "historical-read.txt"), report);
        }
    }
}
