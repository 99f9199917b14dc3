CREATE TABLE account (
    name       TEXT        PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_-]{1,64}$'),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- The master account exists from the first start and can never be deleted (enforced in the service).
INSERT INTO account (name) VALUES ('master_account');

CREATE TABLE credential (
    account_name   TEXT        NOT NULL REFERENCES account (name) ON DELETE CASCADE,
    connector_name TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (account_name, connector_name)
);

-- One row per credential field; every value is sealed (AES-256-GCM under an Argon2id key from
-- CONFIG_PASSWORD with its own salt and nonce, bound to account/connector/field).
CREATE TABLE credential_field (
    account_name   TEXT NOT NULL,
    connector_name TEXT NOT NULL,
    field_name     TEXT NOT NULL,
    sealed_value   TEXT NOT NULL,
    PRIMARY KEY (account_name, connector_name, field_name),
    FOREIGN KEY (account_name, connector_name) REFERENCES credential (account_name, connector_name) ON DELETE CASCADE
);

-- A known value sealed with the CONFIG_PASSWORD the vault was created with: a start with another
-- password fails to open it and is refused instead of producing garbage.
CREATE TABLE vault_verification (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    sealed     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
