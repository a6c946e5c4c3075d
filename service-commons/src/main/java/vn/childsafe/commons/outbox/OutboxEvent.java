package vn.childsafe.commons.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event waiting in (or already relayed from) a service's transactional outbox. Its id is the CloudEvents
 * {@code ce_id} that consumers de-duplicate on.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String payload;

    /** The relay publishes lower values first: {@link vn.childsafe.commons.events.Lane#priority()}. */
    @Column(nullable = false)
    public short priority;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The W3C {@code traceparent} of the span that wrote the event; {@code null} when tracing is off. */
    public String traceparent;
}
