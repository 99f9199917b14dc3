-- Every order placed through Aviary or found on the venue by reconciliation, as the venue reports it.
CREATE TABLE orders (
    id               BIGSERIAL PRIMARY KEY,
    account_name     TEXT        NOT NULL,
    connector_name   TEXT        NOT NULL,
    client_order_id  TEXT        NOT NULL,
    exchange_order_id TEXT,
    trading_pair     TEXT        NOT NULL,
    trade_type       TEXT        NOT NULL,
    order_type       TEXT        NOT NULL,
    position_action  TEXT        NOT NULL,
    amount           NUMERIC     NOT NULL,
    price            NUMERIC,
    state            TEXT        NOT NULL,   -- Hummingbot in-flight state as last reported
    status           TEXT        NOT NULL,   -- SUBMITTED, OPEN, PARTIALLY_FILLED, FILLED, CANCELLED, FAILED
    filled_amount    NUMERIC     NOT NULL DEFAULT 0,
    filled_quote     NUMERIC     NOT NULL DEFAULT 0,
    fee_paid         NUMERIC     NOT NULL DEFAULT 0,
    fee_currency     TEXT,
    error_message    TEXT,
    idempotency_key  TEXT,
    origin           TEXT        NOT NULL,   -- API: placed through Aviary; VENUE: found on the venue
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT orders_client_id UNIQUE (account_name, connector_name, client_order_id)
);
CREATE UNIQUE INDEX orders_idempotency_key ON orders (account_name, connector_name, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX orders_by_creation ON orders (created_at DESC, id DESC);
CREATE INDEX orders_open ON orders (account_name, connector_name) WHERE status IN ('SUBMITTED', 'OPEN', 'PARTIALLY_FILLED');

-- One row per execution; the venue's trade id makes a fill reported twice (stream and poll) count once.
CREATE TABLE trades (
    id                BIGSERIAL PRIMARY KEY,
    account_name      TEXT        NOT NULL,
    connector_name    TEXT        NOT NULL,
    trading_pair      TEXT        NOT NULL,
    trade_id          TEXT        NOT NULL,
    client_order_id   TEXT        NOT NULL,
    exchange_order_id TEXT,
    trade_type        TEXT        NOT NULL,
    position_action   TEXT        NOT NULL,
    price             NUMERIC     NOT NULL,
    amount            NUMERIC     NOT NULL,
    fee               NUMERIC     NOT NULL,
    fee_currency      TEXT,
    maker             BOOLEAN     NOT NULL,
    filled_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT trades_venue_id UNIQUE (account_name, connector_name, trading_pair, trade_id)
);
CREATE INDEX trades_by_time ON trades (filled_at DESC, id DESC);
CREATE INDEX trades_by_order ON trades (account_name, connector_name, client_order_id);

-- Current open perpetual positions; a closed position is deleted.
CREATE TABLE positions (
    account_name      TEXT        NOT NULL,
    connector_name    TEXT        NOT NULL,
    trading_pair      TEXT        NOT NULL,
    side              TEXT        NOT NULL,
    amount            NUMERIC     NOT NULL,
    entry_price       NUMERIC,
    mark_price        NUMERIC,
    unrealized_pnl    NUMERIC,
    leverage          INT,
    liquidation_price NUMERIC,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_name, connector_name, trading_pair, side)
);

CREATE TABLE funding_payments (
    id             BIGSERIAL PRIMARY KEY,
    account_name   TEXT        NOT NULL,
    connector_name TEXT        NOT NULL,
    trading_pair   TEXT        NOT NULL,
    paid_at        TIMESTAMPTZ NOT NULL,
    funding_rate   NUMERIC,
    amount         NUMERIC     NOT NULL,
    asset          TEXT,
    position_side  TEXT,
    position_size  NUMERIC,
    CONSTRAINT funding_once UNIQUE (account_name, connector_name, trading_pair, paid_at)
);
CREATE INDEX funding_by_time ON funding_payments (paid_at DESC, id DESC);

-- How far reconciliation has read each session's fills and funding on the venue.
CREATE TABLE session_watermark (
    account_name    TEXT        NOT NULL,
    connector_name  TEXT        NOT NULL,
    fills_read_to   TIMESTAMPTZ,
    funding_read_to TIMESTAMPTZ,
    PRIMARY KEY (account_name, connector_name)
);
