package vn.childsafe.intake.idempotency;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The first request made with an {@code Idempotency-Key} by one client, and the answer it got. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    /** Where the first request stands. */
    public enum State {
        IN_PROGRESS,
        COMPLETED
    }

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Id
    @Column(name = "idem_key")
    public String key;

    /** SHA-256 of the request body as understood (whitespace and unknown fields do not count). */
    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "report_id")
    public UUID reportId;

    /** The JSON body of the first answer. */
    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Composite key. */
    public record Key(String clientId, String key) implements Serializable {}
}
