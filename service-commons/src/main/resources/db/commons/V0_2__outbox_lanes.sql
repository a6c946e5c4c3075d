-- Urgent first: the relay publishes the urgent lane's events (priority 0: IMMEDIATE_DANGER and HIGH) before the
-- normal lane's (1), so a bulk batch of normal reports never holds back a child-in-danger alert.
ALTER TABLE outbox_event ADD COLUMN priority SMALLINT NOT NULL DEFAULT 1;
DROP INDEX outbox_event_unpublished;
CREATE INDEX outbox_event_unpublished ON outbox_event (priority, created_at, id) WHERE published_at IS NULL;
