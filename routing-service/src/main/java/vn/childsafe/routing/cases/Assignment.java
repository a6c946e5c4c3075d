package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.routing.domain.AgencyType;
import vn.childsafe.routing.domain.AssignmentState;

/**
 * One unit's assignment on a case (phân công): lead (chủ trì) or support (phối hợp), with the deadline by which
 * it must acknowledge. The agency's name is copied so that the case reads the same after the register changes.
 */
@Entity
@Table(name = "assignment")
public class Assignment {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** Order within the case: 0 is the lead, then the supports in the rule's order. */
    @Column(nullable = false)
    public int position;

    @Column(name = "agency_code", nullable = false)
    public String agencyCode;

    @Column(name = "agency_name", nullable = false)
    public String agencyName;

    /** The type actually assigned, after jurisdiction fallbacks. */
    @Enumerated(EnumType.STRING)
    @Column(name = "agency_type", nullable = false)
    public AgencyType agencyType;

    /** The type the rule asked for. */
    @Enumerated(EnumType.STRING)
    @Column(name = "requested_type", nullable = false)
    public AgencyType requestedType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseRouted.Role role;

    @Column(name = "ack_deadline", nullable = false)
    public Instant ackDeadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** When its deadline passed and the next level up was alerted. */
    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** When it ended (declined, transferred away). */
    @Column(name = "ended_at")
    public Instant endedAt;

    /** Why it ended: the decline or transfer reason, encrypted ({@link CaseNotes}). */
    @Column(name = "end_reason_enc")
    public String endReasonEnc;

    /** The assignment whose decline or escalation created this one. */
    @Column(name = "created_from")
    public UUID createdFrom;
}
