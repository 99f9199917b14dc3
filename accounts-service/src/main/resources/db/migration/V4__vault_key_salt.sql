-- The vault's own random salt: with CONFIG_PASSWORD (Argon2id, once at start-up) it yields the
-- key-encryption key every credential field's key is derived from (HKDF). Written by the first
-- start of accounts-service after this migration; never changed afterwards.
CREATE TABLE vault_key (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    salt       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
