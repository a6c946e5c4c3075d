package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.routing.domain.CaseOutcome;
import vn.childsafe.routing.domain.CaseStatus;
import vn.childsafe.routing.domain.Resolution;

/**
 * A case (vụ việc): one or more reports about the same harm, routed to a lead unit and supporting units. Records
 * the resolved location, the rule set and rule that routed it and the explanation, so that anyone can see why a
 * unit got it.
 */
@Entity
@Table(name = "routing_case")
public class RoutingCase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    /** Today's province the case was routed in; {@code null} when routed nationally. */
    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "province_name")
    public String provinceName;

    @Column(name = "commune_code")
    public String communeCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "location_level", nullable = false)
    public Resolution.Level locationLevel;

    /** How the location codes as sent were resolved (legacy mapping, ignored codes ...). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "location_notes", nullable = false)
    public List<String> locationNotes;

    @Column(name = "rule_set_version", nullable = false)
    public String ruleSetVersion;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(name = "liaison_required", nullable = false)
    public boolean liaisonRequired;

    @Column(name = "takedown_required", nullable = false)
    public boolean takedownRequired;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "takedown_urls", nullable = false)
    public List<String> takedownUrls;

    /** Why the case went where it went: the rule, policies and every jurisdiction fallback, one line each. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> explanation;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "routed_at", nullable = false)
    public Instant routedAt;

    /** When the lead first acknowledged; {@code null} until then. */
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public CaseOutcome outcome;

    /** The resolution note, encrypted ({@link CaseNotes}); erased some time after resolution. */
    @Column(name = "resolution_note_enc")
    public String resolutionNoteEnc;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Whether any of its reports names or describes a child victim (Decision 830's first rate). */
    @Column(name = "victim_given", nullable = false)
    public boolean victimGiven;
}
