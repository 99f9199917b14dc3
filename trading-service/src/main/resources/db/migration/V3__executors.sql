-- Executors run through /executors (hummingbot-api HEAD's tables executors, executor_orders, position_holds, with
-- Aviary's additions: the JSON columns are jsonb, checkpoint holds what a resume needs (filled by the executors'
-- checkpoint support; null until then) and heartbeat_at tells a running executor's host is alive).
CREATE TABLE executors (
    id                  BIGSERIAL PRIMARY KEY,
    executor_id         TEXT        NOT NULL UNIQUE,
    executor_type       TEXT        NOT NULL,
    account_name        TEXT        NOT NULL,
    connector_name      TEXT        NOT NULL,
    trading_pair        TEXT        NOT NULL,
    controller_id       TEXT        NOT NULL DEFAULT 'main',
    side                TEXT,
    status              TEXT        NOT NULL,   -- NOT_STARTED, RUNNING, SHUTTING_DOWN, TERMINATED, AWAITING_RESUME
    close_type          TEXT,
    trading             BOOLEAN     NOT NULL DEFAULT false,
    net_pnl_quote       NUMERIC     NOT NULL DEFAULT 0,
    net_pnl_pct         NUMERIC     NOT NULL DEFAULT 0,
    cum_fees_quote      NUMERIC     NOT NULL DEFAULT 0,
    filled_amount_quote NUMERIC     NOT NULL DEFAULT 0,
    config              JSONB       NOT NULL,
    custom_info         JSONB,
    checkpoint          JSONB,
    error_count         INT         NOT NULL DEFAULT 0,
    last_error          TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    closed_at           TIMESTAMPTZ,
    heartbeat_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX executors_by_creation ON executors (created_at DESC, executor_id DESC);
CREATE INDEX executors_active ON executors (heartbeat_at) WHERE status IN ('NOT_STARTED', 'RUNNING', 'SHUTTING_DOWN');

-- The orders an executor placed; the order itself (state, fills, events) is the orders row of the same client id.
CREATE TABLE executor_orders (
    id              BIGSERIAL PRIMARY KEY,
    executor_id     TEXT        NOT NULL REFERENCES executors (executor_id),
    account_name    TEXT        NOT NULL,
    connector_name  TEXT        NOT NULL,
    client_order_id TEXT        NOT NULL,
    trade_type      TEXT        NOT NULL,
    order_type      TEXT        NOT NULL,
    amount          NUMERIC     NOT NULL,
    price           NUMERIC,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT executor_orders_client_id UNIQUE (account_name, connector_name, client_order_id)
);
CREATE INDEX executor_orders_by_executor ON executor_orders (executor_id);

-- Positions executors stopped with keep_position=true left behind, netted per (account, connector, pair, controller).
CREATE TABLE position_holds (
    id                 BIGSERIAL PRIMARY KEY,
    account_name       TEXT        NOT NULL,
    connector_name     TEXT        NOT NULL,
    trading_pair       TEXT        NOT NULL,
    controller_id      TEXT        NOT NULL DEFAULT 'main',
    buy_amount_base    NUMERIC     NOT NULL DEFAULT 0,
    buy_amount_quote   NUMERIC     NOT NULL DEFAULT 0,
    sell_amount_base   NUMERIC     NOT NULL DEFAULT 0,
    sell_amount_quote  NUMERIC     NOT NULL DEFAULT 0,
    realized_pnl_quote NUMERIC     NOT NULL DEFAULT 0,
    cum_fees_quote     NUMERIC     NOT NULL DEFAULT 0,
    executor_ids       JSONB       NOT NULL DEFAULT '[]',
    status             TEXT        NOT NULL DEFAULT 'ACTIVE',   -- ACTIVE, CLEARED
    created_at         TIMESTAMPTZ NOT NULL,
    last_updated       TIMESTAMPTZ NOT NULL,
    cleared_at         TIMESTAMPTZ
);
CREATE UNIQUE INDEX position_holds_active_key ON position_holds (account_name, connector_name, trading_pair, controller_id)
    WHERE status = 'ACTIVE';
