-- One row per archived bot database found under BOTS_PATH/bots/archived/<instance>/data/*.sqlite, so listings and
-- summaries never open the SQLite files. A row is current while the file's size and modification time match its
-- fingerprint; otherwise the file is indexed again.
CREATE TABLE archived_database (
    db_path           TEXT PRIMARY KEY,
    instance          TEXT        NOT NULL,
    size_bytes        BIGINT      NOT NULL,
    modified_millis   BIGINT      NOT NULL,
    -- null when the file is a readable Hummingbot database; else why not (not SQLite, not a bot database)
    problem           TEXT,
    problem_kind      TEXT,
    total_orders      BIGINT      NOT NULL DEFAULT 0,
    total_trades      BIGINT      NOT NULL DEFAULT 0,
    total_executors   BIGINT      NOT NULL DEFAULT 0,
    total_positions   BIGINT      NOT NULL DEFAULT 0,
    total_controllers BIGINT      NOT NULL DEFAULT 0,
    trading_pairs     TEXT[]      NOT NULL DEFAULT '{}',
    exchanges         TEXT[]      NOT NULL DEFAULT '{}',
    indexed_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX archived_database_instance ON archived_database (instance);
