-- The rate oracle's configuration (Hummingbot keeps it in conf_client.yml): one row, written by PUT /rate-oracle/config.
-- Without a row the oracle uses its defaults (source sim, global token USDT / $).
CREATE TABLE rate_oracle_config (
    singleton           boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    source              text        NOT NULL,
    global_token_name   text        NOT NULL,
    global_token_symbol text        NOT NULL,
    updated_at          timestamptz NOT NULL
);
