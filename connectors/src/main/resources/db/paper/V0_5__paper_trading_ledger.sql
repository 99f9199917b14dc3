-- Virtual accounts of the <exchange>_paper_trade connectors (io.aviary.connectors.paper.JdbcPaperLedger).
-- Created in the schema of the service that hosts paper sessions (trading-service).
CREATE TABLE paper_account (
    account_name   TEXT        NOT NULL,
    connector_name TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_name, connector_name)
);

-- total includes what open orders lock; available = total - locked
CREATE TABLE paper_balance (
    account_name   TEXT    NOT NULL,
    connector_name TEXT    NOT NULL,
    asset          TEXT    NOT NULL,
    total          NUMERIC NOT NULL,
    locked         NUMERIC NOT NULL DEFAULT 0,
    PRIMARY KEY (account_name, connector_name, asset),
    CHECK (locked >= 0 AND total >= locked)
);

CREATE TABLE paper_order (
    account_name      TEXT        NOT NULL,
    connector_name    TEXT        NOT NULL,
    client_order_id   TEXT        NOT NULL,
    exchange_order_id TEXT        NOT NULL,
    trading_pair      TEXT        NOT NULL,
    side              TEXT        NOT NULL,
    order_type        TEXT        NOT NULL,
    price             NUMERIC,
    amount            NUMERIC     NOT NULL,
    executed_base     NUMERIC     NOT NULL DEFAULT 0,
    executed_quote    NUMERIC     NOT NULL DEFAULT 0,
    state             TEXT        NOT NULL,
    reason            TEXT,
    locked_asset      TEXT,
    locked_remaining  NUMERIC     NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_name, connector_name, client_order_id)
);
CREATE INDEX paper_order_open ON paper_order (account_name, connector_name)
    WHERE state IN ('OPEN', 'PARTIALLY_FILLED');

CREATE TABLE paper_fill (
    account_name    TEXT        NOT NULL,
    connector_name  TEXT        NOT NULL,
    trade_id        TEXT        NOT NULL,
    client_order_id TEXT        NOT NULL,
    trading_pair    TEXT        NOT NULL,
    side            TEXT        NOT NULL,
    price           NUMERIC     NOT NULL,
    amount          NUMERIC     NOT NULL,
    fee             NUMERIC     NOT NULL,
    fee_asset       TEXT        NOT NULL,
    maker           BOOLEAN     NOT NULL,
    filled_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_name, connector_name, trade_id)
);
CREATE INDEX paper_fill_by_order ON paper_fill (account_name, connector_name, client_order_id);
