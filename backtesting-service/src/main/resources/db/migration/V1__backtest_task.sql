-- Backtest tasks (HEAD's /backtesting/tasks): kept in PostgreSQL instead of the original's in-memory dict, so a
-- poller still finds its result after a restart; a task the service was running when it stopped is marked failed
-- at start-up. `config` is the validated controller config, `result` the finished backtest (json keeps key order).

CREATE TABLE backtest_task (
    id              text        PRIMARY KEY,
    status          text        NOT NULL CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
    progress        integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    request         json        NOT NULL,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    completed_at    timestamptz,
    error           text,
    result          json
);

CREATE INDEX backtest_task_created ON backtest_task (created_at DESC);
