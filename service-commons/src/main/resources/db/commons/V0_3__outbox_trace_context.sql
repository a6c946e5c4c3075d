-- Tracing (docs/architecture.md, "Tracing"): the W3C traceparent of the span that wrote the event, so that the relay
-- can continue the same trace in the Kafka record's headers however long the row waits. NULL when tracing is off.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(128);
