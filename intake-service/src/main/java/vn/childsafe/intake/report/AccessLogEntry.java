package vn.childsafe.intake.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One read, or refused attempt to read, of a report's identity (nhật ký truy cập). */
@Entity
@Table(name = "identity_access_log")
public class AccessLogEntry {

    /** Whether the identity was shown. */
    public enum Outcome {
        GRANTED,
        DENIED
    }

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    /** The caller's JWT subject. */
    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;
}
