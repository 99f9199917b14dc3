package io.aviary.marketdata.infra;

import io.aviary.marketdata.domain.CandleBar;
import io.aviary.marketdata.domain.CandleKey;
import io.aviary.marketdata.domain.CandleStore;
import io.aviary.marketdata.domain.TimeRanges;
import io.aviary.marketdata.domain.TimeRanges.Range;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Candles in schema {@code market_data}: one row per candle keyed by (series, open time), written
 * in chunks as arrays through {@code unnest} (one statement per 10 000 candles), read with a
 * server-side cursor so a year of 1m candles streams without being held in memory.
 */
@Repository
public class JdbcCandleStore implements CandleStore {

    private static final int CHUNK = 10_000;
    private static final String COLUMNS = "open_time, open_price, high_price, low_price, close_price, volume, "
            + "quote_asset_volume, n_trades, taker_buy_base_volume, taker_buy_quote_volume";
    private static final RowMapper<CandleBar> CANDLE = (rs, i) -> candle(rs);

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final ConcurrentHashMap<CandleKey, Integer> seriesIds = new ConcurrentHashMap<>();

    public JdbcCandleStore(DataSource dataSource, PlatformTransactionManager txManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(CHUNK);
        this.tx = new TransactionTemplate(txManager);
        this.readTx = new TransactionTemplate(txManager);
        this.readTx.setReadOnly(true);
    }

    @Override
    public List<Range> coverage(CandleKey key, Range within) {
        return jdbc.query("SELECT range_start, range_end FROM candle_coverage WHERE series_id = ? AND range_end >= ? "
                + "AND range_start <= ? ORDER BY range_start", (rs, i) -> new Range(rs.getLong(1), rs.getLong(2)),
                series(key), within.start(), within.end());
    }

    @Override
    public void store(CandleKey key, Collection<CandleBar> candles, Range covered) {
        int series = series(key);
        tx.executeWithoutResult(status -> {
            // the series row serialises coverage merges of one series across requests and replicas
            jdbc.queryForObject("SELECT id FROM candle_series WHERE id = ? FOR UPDATE", Integer.class, series);
            List<CandleBar> all = List.copyOf(candles);
            for (int i = 0; i < all.size(); i += CHUNK) {
                insert(series, all.subList(i, Math.min(all.size(), i + CHUNK)));
            }
            if (!covered.isEmpty()) {
                mergeCoverage(key, series, covered);
            }
        });
    }

    private void insert(int series, List<CandleBar> chunk) {
        int n = chunk.size();
        long[] time = new long[n];
        double[][] values = new double[9][n];
        for (int i = 0; i < n; i++) {
            CandleBar c = chunk.get(i);
            time[i] = c.timestamp();
            values[0][i] = c.open();
            values[1][i] = c.high();
            values[2][i] = c.low();
            values[3][i] = c.close();
            values[4][i] = c.volume();
            values[5][i] = c.quoteAssetVolume();
            values[6][i] = c.trades();
            values[7][i] = c.takerBuyBaseVolume();
            values[8][i] = c.takerBuyQuoteVolume();
        }
        jdbc.update("INSERT INTO candle (series_id, " + COLUMNS + ") SELECT ?, * FROM unnest(?::int8[], ?::float8[], "
                + "?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[]) "
                + "ON CONFLICT (series_id, open_time) DO NOTHING", (PreparedStatement ps) -> {
                    ps.setInt(1, series);
                    ps.setObject(2, time);
                    for (int v = 0; v < 9; v++) {
                        ps.setObject(3 + v, values[v]);
                    }
                });
    }

    private void mergeCoverage(CandleKey key, int series, Range covered) {
        List<Range> touching = coverage(key, covered);
        List<Range> merged = new ArrayList<>(touching);
        merged.add(covered);
        for (Range r : touching) {
            jdbc.update("DELETE FROM candle_coverage WHERE series_id = ? AND range_start = ?", series, r.start());
        }
        for (Range r : TimeRanges.union(merged)) {
            jdbc.update("INSERT INTO candle_coverage (series_id, range_start, range_end) VALUES (?, ?, ?)",
                    series, r.start(), r.end());
        }
    }

    @Override
    public List<CandleBar> read(CandleKey key, long from, long to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM candle WHERE series_id = ? AND open_time >= ? AND open_time < ? "
                + "ORDER BY open_time", CANDLE, series(key), from, to);
    }

    @Override
    public void forEach(CandleKey key, long from, long to, Consumer<CandleBar> sink) {
        int series = series(key);
        readTx.executeWithoutResult(status -> cursor.query("SELECT " + COLUMNS + " FROM candle WHERE series_id = ? "
                + "AND open_time >= ? AND open_time < ? ORDER BY open_time",
                (RowCallbackHandler) rs -> sink.accept(candle(rs)), series, from, to));
    }

    @Override
    public boolean any(CandleKey key, long from, long to) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM candle WHERE series_id = ? "
                + "AND open_time >= ? AND open_time < ?)", Boolean.class, series(key), from, to));
    }

    private int series(CandleKey key) {
        return seriesIds.computeIfAbsent(key, k -> {
            String interval = k.interval().wireName();
            jdbc.update("INSERT INTO candle_series (connector, trading_pair, candle_interval) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", k.connector(), k.pair().toString(), interval);
            return jdbc.queryForObject("SELECT id FROM candle_series WHERE connector = ? AND trading_pair = ? "
                    + "AND candle_interval = ?", Integer.class, k.connector(), k.pair().toString(), interval);
        });
    }

    private static CandleBar candle(ResultSet rs) throws SQLException {
        return new CandleBar(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10));
    }
}
