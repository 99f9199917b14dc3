-- Parked events: an event whose handler failed for a reason that is not an outage of this service's own
-- database (a bug, a constraint violation) after a bounded number of attempts, or an envelope that could not be
-- read. Parking lets the partition move on; the inbox replays parked events periodically and deletes the row in
-- the same transaction that records the event id in event_inbox, so exactly-once still holds.
CREATE TABLE event_dead_letter (
    id              BIGSERIAL   PRIMARY KEY,
    event_id        UUID,                       -- NULL when the envelope was unreadable
    event_type      TEXT,
    topic           TEXT        NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    envelope        TEXT,                       -- the record value as received (never logged)
    error_class     TEXT        NOT NULL,
    error_message   TEXT,                       -- bounded by the kit
    attempts        INTEGER     NOT NULL,
    first_failed_at TIMESTAMPTZ NOT NULL,
    last_failed_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (topic, kafka_partition, kafka_offset)
);
-- One parked row per event, whichever offset (a producer may re-send an event) it was parked from.
CREATE UNIQUE INDEX event_dead_letter_event ON event_dead_letter (event_id) WHERE event_id IS NOT NULL;

-- Retention: published outbox rows and inbox ids are pruned oldest first in small batches (EventRetention).
CREATE INDEX event_outbox_published ON event_outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX event_inbox_received ON event_inbox (received_at);
