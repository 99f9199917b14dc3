-- One row per deploy (hummingbot-api HEAD's bot_runs, api-catalog §5.2): what was deployed from which account and
-- configs, where it runs, and how far it got (deployment_status DEPLOYED/FAILED/ARCHIVED, run_status
-- CREATED/RUNNING/STOPPED/ERROR).
CREATE TABLE bot_runs (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the unique bot name <instance_name>-<YYYYmmdd-HHMMSS>: its folder, its MQTT id
    bot_name           text        NOT NULL UNIQUE,
    -- the name the client asked for
    instance_name      text        NOT NULL,
    deployed_at        timestamptz NOT NULL DEFAULT now(),
    stopped_at         timestamptz,
    strategy_type      text        NOT NULL CHECK (strategy_type IN ('script', 'controller')),
    strategy_name      text        NOT NULL,
    config_name        text,
    account_name       text        NOT NULL,
    -- the runtime that runs it (process, docker, kubernetes); hummingbot-api keeps the image here
    image_version      text,
    deployment_status  text        NOT NULL DEFAULT 'DEPLOYED' CHECK (deployment_status IN ('DEPLOYED', 'FAILED', 'ARCHIVED')),
    run_status         text        NOT NULL DEFAULT 'CREATED' CHECK (run_status IN ('CREATED', 'RUNNING', 'STOPPED', 'ERROR')),
    deployment_config  text,
    final_status       text,
    error_message      text
);

-- an instance name is in use while a bot of that name is deployed: two concurrent deploys cannot both get it
CREATE UNIQUE INDEX bot_runs_instance_in_use ON bot_runs (instance_name) WHERE deployment_status = 'DEPLOYED';
CREATE INDEX bot_runs_account ON bot_runs (account_name);
CREATE INDEX bot_runs_deployed_at ON bot_runs (deployed_at DESC);
