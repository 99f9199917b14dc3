-- Portfolio: balances observed by trading-service (BalancesUpdated events), priced on arrival.
-- A token list is a JSONB array of the catalog's token entries
-- [{"token", "units", "price", "value", "available_units"}]; JSON numbers are numerics, exact.

-- The latest observation of each (account, connector). Replaced only by a newer observation.
-- Dropped when the credential or the account goes (events AccountDeleted / CredentialRemoved).
CREATE TABLE portfolio_state (
    account_name   TEXT        NOT NULL,
    connector_name TEXT        NOT NULL,
    observed_at    TIMESTAMPTZ NOT NULL,
    tokens         JSONB       NOT NULL,
    PRIMARY KEY (account_name, connector_name)
);

-- Every observation, kept after the account or credential is gone (no foreign key on purpose).
CREATE TABLE portfolio_snapshot (
    id             BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_name   TEXT        NOT NULL,
    connector_name TEXT        NOT NULL,
    observed_at    TIMESTAMPTZ NOT NULL,
    tokens         JSONB       NOT NULL,
    UNIQUE (account_name, connector_name, observed_at)
);
-- History pages walk observed_at downwards (keyset on the timestamp cursor).
CREATE INDEX portfolio_snapshot_newest_first ON portfolio_snapshot (observed_at DESC, id DESC);
-- ... and per account when the caller filters by account (the dashboard's usual query).
CREATE INDEX portfolio_snapshot_account_newest_first ON portfolio_snapshot (account_name, observed_at DESC, id DESC);
