-- Past funding events of perpetual pairs, fetched from the venue once per range (as candles are), and the
-- time ranges already fetched (so a range where the venue had no funding event is not asked for again).
CREATE TABLE funding_series (
    id           serial PRIMARY KEY,
    connector    text NOT NULL,
    trading_pair text NOT NULL,
    UNIQUE (connector, trading_pair)
);

-- funding_time in epoch seconds; rate as the venue gave it (positive: longs pay); mark_price when the venue reports it.
CREATE TABLE funding_rate (
    series_id    integer NOT NULL REFERENCES funding_series (id),
    funding_time bigint  NOT NULL,
    rate         numeric NOT NULL,
    mark_price   numeric,
    PRIMARY KEY (series_id, funding_time)
);

-- Disjoint, non-touching half-open ranges [range_start, range_end) of epoch seconds per series.
CREATE TABLE funding_coverage (
    series_id   integer NOT NULL REFERENCES funding_series (id),
    range_start bigint  NOT NULL,
    range_end   bigint  NOT NULL,
    PRIMARY KEY (series_id, range_start),
    CHECK (range_end > range_start)
);
