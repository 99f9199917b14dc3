package io.aviary.marketdata.infra;

import io.aviary.marketdata.domain.FundingKey;
import io.aviary.marketdata.domain.FundingPoint;
import io.aviary.marketdata.domain.FundingStore;
import io.aviary.marketdata.domain.TimeRanges;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Funding events in schema {@code market_data}, one row per (series, funding time). A year holds about a thousand
 * rows per pair (three a day), so plain batched inserts and list reads suffice (candles need arrays and cursors).
 */
@Repository
public class JdbcFundingStore implements FundingStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ConcurrentHashMap<FundingKey, Integer> seriesIds = new ConcurrentHashMap<>();

    public JdbcFundingStore(DataSource dataSource, PlatformTransactionManager txManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(txManager);
    }

    @Override
    public List<Range> coverage(FundingKey key, Range within) {
        return jdbc.query("SELECT range_start, range_end FROM funding_coverage WHERE series_id = ? AND range_end >= ? "
                + "AND range_start <= ? ORDER BY range_start", (rs, i) -> new Range(rs.getLong(1), rs.getLong(2)),
                series(key), within.start(), within.end());
    }

    @Override
    public void store(FundingKey key, Collection<FundingPoint> points, Range covered) {
        int series = series(key);
        List<FundingPoint> rows = List.copyOf(points);
        tx.executeWithoutResult(status -> {
            // the series row serialises coverage merges of one series across requests and replicas
            jdbc.queryForObject("SELECT id FROM funding_series WHERE id = ? FOR UPDATE", Integer.class, series);
            jdbc.batchUpdate("INSERT INTO funding_rate (series_id, funding_time, rate, mark_price) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (series_id, funding_time) DO NOTHING", rows, 500, (ps, p) -> {
                        ps.setInt(1, series);
                        ps.setLong(2, p.time());
                        ps.setBigDecimal(3, p.rate());
                        ps.setBigDecimal(4, p.markPrice());
                    });
            if (!covered.isEmpty()) {
                mergeCoverage(key, series, covered);
            }
        });
    }

    private void mergeCoverage(FundingKey key, int series, Range covered) {
        List<Range> touching = coverage(key, covered);
        List<Range> merged = new ArrayList<>(touching);
        merged.add(covered);
        for (Range r : touching) {
            jdbc.update("DELETE FROM funding_coverage WHERE series_id = ? AND range_start = ?", series, r.start());
        }
        for (Range r : TimeRanges.union(merged)) {
            jdbc.update("INSERT INTO funding_coverage (series_id, range_start, range_end) VALUES (?, ?, ?)",
                    series, r.start(), r.end());
        }
    }

    @Override
    public List<FundingPoint> read(FundingKey key, long from, long to) {
        return jdbc.query("SELECT funding_time, rate, mark_price FROM funding_rate WHERE series_id = ? "
                + "AND funding_time >= ? AND funding_time < ? ORDER BY funding_time",
                (rs, i) -> new FundingPoint(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
                series(key), from, to);
    }

    private int series(FundingKey key) {
        return seriesIds.computeIfAbsent(key, k -> {
            jdbc.update("INSERT INTO funding_series (connector, trading_pair) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    k.connector(), k.pair().toString());
            return jdbc.queryForObject("SELECT id FROM funding_series WHERE connector = ? AND trading_pair = ?",
                    Integer.class, k.connector(), k.pair().toString());
        });
    }
}
