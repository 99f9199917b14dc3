-- Controller and script configs (Hummingbot's bots/conf/{controllers,scripts}/<name>.yml) and uploaded controller
-- and script sources (bots/controllers/<type>/<name>.py, bots/scripts/<name>.py), kept in PostgreSQL instead of files.
-- Config content is `json`, not `jsonb`: it keeps the key order Hummingbot writes, which is what users read.

CREATE TABLE stored_config (
    kind            text        NOT NULL CHECK (kind IN ('controller', 'script')),
    name            text        NOT NULL,
    -- controller configs: controller_name / controller_type; script configs: script_file_name / ''
    program_name    text        NOT NULL,
    program_type    text        NOT NULL,
    content         json        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, name)
);

CREATE TABLE program_source (
    kind            text        NOT NULL CHECK (kind IN ('controller', 'script')),
    -- controllers: directional_trading / market_making / generic; scripts: ''
    program_type    text        NOT NULL,
    name            text        NOT NULL,
    content         text        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, program_type, name)
);
