-- The stop-and-archive job of each bot, shared by every replica (ADR 0030): the job runs under the lease
-- orchestration-stop-archive/<bot> on one replica; this row lets another replica name the running job in its 409,
-- answer a poll for it, and lets a job that follows one whose replica died see where that one stopped.
CREATE TABLE stop_archive_job (
    bot_name    text        PRIMARY KEY,
    job_id      text        NOT NULL UNIQUE,
    replica     text        NOT NULL,
    state       text        NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED')),
    step        text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
