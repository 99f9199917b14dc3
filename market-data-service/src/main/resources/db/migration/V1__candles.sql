-- Closed candles of every (connector, pair, interval) series, and the time ranges already fetched
-- from the venue (so nothing is fetched twice, even ranges where the venue had no candles).
CREATE TABLE candle_series (
    id              serial PRIMARY KEY,
    connector       text NOT NULL,
    trading_pair    text NOT NULL,
    candle_interval text NOT NULL,
    UNIQUE (connector, trading_pair, candle_interval)
);

-- Values are float8 like Hummingbot's candle DataFrame; open_time is the candle start in epoch seconds.
CREATE TABLE candle (
    series_id              integer NOT NULL REFERENCES candle_series (id),
    open_time              bigint  NOT NULL,
    open_price             float8  NOT NULL,
    high_price             float8  NOT NULL,
    low_price              float8  NOT NULL,
    close_price            float8  NOT NULL,
    volume                 float8  NOT NULL,
    quote_asset_volume     float8  NOT NULL,
    n_trades               float8  NOT NULL,
    taker_buy_base_volume  float8  NOT NULL,
    taker_buy_quote_volume float8  NOT NULL,
    PRIMARY KEY (series_id, open_time)
);

-- Disjoint, non-touching half-open ranges [range_start, range_end) of epoch seconds per series.
CREATE TABLE candle_coverage (
    series_id   integer NOT NULL REFERENCES candle_series (id),
    range_start bigint  NOT NULL,
    range_end   bigint  NOT NULL,
    PRIMARY KEY (series_id, range_start),
    CHECK (range_end > range_start)
);
