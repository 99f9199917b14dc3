-- The W3C traceparent of the request (or consumer) that wrote the event, sent as the Kafka record's traceparent
-- header by the relay so the consumer's work joins the same trace (docs/adr/0029-observability.md). NULL for rows
-- written without a current span and for rows written before this script.
ALTER TABLE event_outbox ADD COLUMN trace_parent TEXT;
