-- The performance of an archived database, computed once from its fills (archives do not change once archived) so that
-- /performance answers from here instead of streaming every fill on each call. A row is current while the file's size
-- and modification time match the ones it was computed from; otherwise it is computed again. Removing the file's
-- archived_database row removes these too.
CREATE TABLE archived_performance (
    db_path         TEXT PRIMARY KEY REFERENCES archived_database (db_path) ON DELETE CASCADE,
    size_bytes      BIGINT      NOT NULL,
    modified_millis BIGINT      NOT NULL,
    total_trades    BIGINT      NOT NULL,
    -- fills per segment below
    segment_size    INT         NOT NULL,
    -- JSON: every market's book after the last fill (exact decimals as strings), and the executors' per-controller sums
    final_books     TEXT        NOT NULL,
    controllers     TEXT        NOT NULL,
    compute_millis  BIGINT      NOT NULL,
    computed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The fills in time order cut into segments: the books as they stood before the segment's first fill and the rowids of
-- its fills, so a page of performance rows at any offset replays at most one segment plus the page.
CREATE TABLE archived_performance_segment (
    db_path      TEXT     NOT NULL REFERENCES archived_performance (db_path) ON DELETE CASCADE,
    segment      INT      NOT NULL,
    books_before TEXT     NOT NULL,
    rowids       BIGINT[] NOT NULL,
    PRIMARY KEY (db_path, segment)
);
