-- Leases: which replica owns a piece of stateful work (a trading session, a feed) right now (ADR 0026).
-- A lease is taken when it is free or expired; every take-over increments its epoch, so an owner that lost it can
-- tell (fencing). Expiry is judged by the database's clock only, so replicas need no synchronised clocks.
CREATE TABLE ownership_lease (
    name          TEXT        PRIMARY KEY,
    owner_id      TEXT        NOT NULL,
    epoch         BIGINT      NOT NULL,
    acquired_at   TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX ownership_lease_owner ON ownership_lease (owner_id);
