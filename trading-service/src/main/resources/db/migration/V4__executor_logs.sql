-- Each executor's captured log (GET /executors/{id}/logs, executor_logs on /ws/executors), so every replica answers
-- the same and a restart keeps it. Bounded: the writer keeps the last aviary.executors.log-kept entries per executor,
-- trimming in the transaction that appends. No foreign key to executors: a batch holds entries of many executors and
-- must not fail as a whole for one of them; entries are only written for executors that have a row.
CREATE TABLE executor_logs (
    seq         BIGSERIAL PRIMARY KEY,
    executor_id TEXT        NOT NULL,
    logged_at   TIMESTAMPTZ NOT NULL,
    level       TEXT        NOT NULL,   -- ERROR, WARNING, INFO, DEBUG
    message     TEXT        NOT NULL
);
CREATE INDEX executor_logs_by_executor ON executor_logs (executor_id, seq);
