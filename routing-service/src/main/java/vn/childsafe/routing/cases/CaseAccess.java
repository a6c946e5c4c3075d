package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One read of a case's details (nhật ký truy cập vụ việc): who, as which agency, when, and whether it was shown. */
@Entity
@Table(name = "case_access_log")
public class CaseAccess {

    /** Whether the case was shown, or answered as unknown (not found, or not the caller's to see). */
    public enum Outcome {
        SHOWN,
        NOT_VISIBLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The unit's agency code, else the token's subject. */
    @Column(nullable = false)
    public String actor;

    @Column(name = "agency_code")
    public String agencyCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;

    public static CaseAccess of(UUID caseId, String actor, String agencyCode, Outcome outcome, Instant at) {
        CaseAccess access = new CaseAccess();
        access.caseId = caseId;
        access.actor = actor;
        access.agencyCode = agencyCode;
        access.outcome = outcome;
        access.accessedAt = at;
        return access;
    }
}
