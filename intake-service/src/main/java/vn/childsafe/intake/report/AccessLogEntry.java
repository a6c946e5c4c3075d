package vn.childsafe.intake.report;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One read, or refused attempt to read, of a report's identity (nhật ký truy cập). */
@Entity
@Table(name = "identity_access_log")
public class AccessLogEntry extends PanacheEntityBase {

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
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Outcome outcome;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;
}
