-- Controller performance of bots as reported on hbot/<bot>/performance, snapshotted every
-- BROKER_PERFORMANCE_DUMP_INTERVAL (Hummingbot API HEAD's controller_performance_snapshots).
-- performance/custom_info are the controller's report as the bot sent it (json keeps its key order).

CREATE TABLE controller_performance_snapshots (
    id              bigserial   PRIMARY KEY,
    taken_at        timestamptz NOT NULL DEFAULT now(),
    bot_name        text        NOT NULL,
    controller_id   text        NOT NULL,
    -- running (bot live) / idle (bot silent, last report kept)
    status          text        NOT NULL,
    performance     json        NOT NULL,
    custom_info     json        NOT NULL
);

CREATE INDEX controller_performance_snapshots_by_controller
    ON controller_performance_snapshots (bot_name, controller_id, taken_at DESC);
CREATE INDEX controller_performance_snapshots_by_time ON controller_performance_snapshots (taken_at);
