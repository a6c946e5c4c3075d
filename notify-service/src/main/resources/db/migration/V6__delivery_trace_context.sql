-- Tracing (docs/architecture.md, "Tracing"): the W3C traceparent of the case event's processing that created the
-- delivery, so that every attempt, however much later, sends its webhook in the report's trace. NULL when tracing is off.
ALTER TABLE delivery ADD COLUMN traceparent VARCHAR(128);
