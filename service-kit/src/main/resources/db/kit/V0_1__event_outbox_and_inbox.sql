-- Shared by every service, created in the service's own schema (Flyway default schema).

-- Transactional outbox: a domain write and the event describing it commit together; the relay
-- publishes rows to Kafka in seq order and marks them, so an event is never lost when Kafka is down.
CREATE TABLE event_outbox (
    seq          BIGSERIAL   PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    event_type   TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    envelope     TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX event_outbox_pending ON event_outbox (seq) WHERE published_at IS NULL;

-- Idempotent inbox: an event id is handled once, whatever Kafka redelivers.
CREATE TABLE event_inbox (
    event_id    UUID        PRIMARY KEY,
    event_type  TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
