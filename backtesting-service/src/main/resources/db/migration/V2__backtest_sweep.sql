-- Parameter sweeps (POST /backtesting/sweeps): one row per sweep and one per variant. A variant keeps its swept
-- values, its §4.3 metrics and an executors summary only (no PnL series: a month of 1m candles is ~12 MB per run),
-- so 1000 variants stay small; `score` is the ranking metric's value, indexed for the ranking.

CREATE TABLE backtest_sweep (
    id                  text        PRIMARY KEY,
    status              text        NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    variants            integer     NOT NULL CHECK (variants > 0),
    completed_variants  integer     NOT NULL DEFAULT 0,
    rank_by             text        NOT NULL,
    descending          boolean     NOT NULL,
    request             json        NOT NULL,
    created_at          timestamptz NOT NULL,
    started_at          timestamptz,
    completed_at        timestamptz,
    error               text
);

CREATE INDEX backtest_sweep_created ON backtest_sweep (created_at DESC);

CREATE TABLE backtest_sweep_variant (
    sweep_id    text             NOT NULL REFERENCES backtest_sweep (id) ON DELETE CASCADE,
    variant     integer          NOT NULL,
    status      text             NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
    parameters  json             NOT NULL,
    results     json,
    executors   json,
    score       double precision,
    error       text,
    PRIMARY KEY (sweep_id, variant)
);

CREATE INDEX backtest_sweep_variant_score ON backtest_sweep_variant (sweep_id, score);
