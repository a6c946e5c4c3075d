-- Shared by every service (Flyway location db/commons); each service's own migrations start at V1.

-- Transactional outbox: events are written here in the same transaction as the state change that
-- caused them, and the relay publishes them to Kafka afterwards. Nothing accepted is lost while Kafka is down.
CREATE TABLE outbox_event (
    id              UUID PRIMARY KEY,
    topic           VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(100) NOT NULL,
    aggregate_id    VARCHAR(100) NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    payload         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    published_at    TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;

-- Idempotent consumers: the id of every event a consumer has applied, written in the same transaction as
-- its effect, so that a redelivered record changes nothing.
CREATE TABLE inbox_event (
    consumer      VARCHAR(100) NOT NULL,
    event_id      VARCHAR(200) NOT NULL,
    event_type    VARCHAR(200),
    processed_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
