package vn.childsafe.intake.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.childsafe.commons.crypto.EncryptedColumn;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Gender;
import vn.childsafe.commons.domain.ReporterRelationship;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;

/**
 * A report as accepted by intake. Identity (names, phone, e-mail, address, school) and the description are held
 * only in the {@code *Enc} fields, encrypted by the vault.
 */
@Entity
@Table(name = "report")
public class Report {

    /** The encrypted columns; each value is bound to its row and column ({@link EncryptedColumn#context}). */
    public static final EncryptedColumn DESCRIPTION = column("description_enc");

    public static final EncryptedColumn ADDRESS = column("address_enc");
    public static final EncryptedColumn VICTIM_NAME = column("victim_name_enc");
    public static final EncryptedColumn VICTIM_SCHOOL = column("victim_school_enc");
    public static final EncryptedColumn REPORTER_NAME = column("reporter_name_enc");
    public static final EncryptedColumn REPORTER_PHONE = column("reporter_phone_enc");
    public static final EncryptedColumn REPORTER_EMAIL = column("reporter_email_enc");
    public static final List<EncryptedColumn> ENCRYPTED =
            List.of(DESCRIPTION, ADDRESS, VICTIM_NAME, VICTIM_SCHOOL, REPORTER_NAME, REPORTER_PHONE, REPORTER_EMAIL);

    @Id
    public UUID id;

    @Column(name = "tracking_code", nullable = false, unique = true)
    public String trackingCode;

    /** The submitting client (JWT subject): only it may read the report's status. */
    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_channel")
    public SourceChannel sourceChannel;

    @Column(name = "source_reference")
    public String sourceReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "commune_code")
    public String communeCode;

    @Column(name = "district_code")
    public String districtCode;

    @Column(name = "ward_code")
    public String wardCode;

    @Column(name = "victim_given", nullable = false)
    public boolean victimGiven;

    @Column(name = "victim_age_years")
    public Integer victimAgeYears;

    @Enumerated(EnumType.STRING)
    @Column(name = "victim_gender")
    public Gender victimGender;

    @Column(name = "reporter_anonymous", nullable = false)
    public boolean reporterAnonymous;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_relationship")
    public ReporterRelationship reporterRelationship;

    /** Content URLs and hashes as JSON; needed for routing and takedowns. */
    @Column(nullable = false)
    public String content;

    @Column(name = "description_enc")
    public String descriptionEnc;

    @Column(name = "address_enc")
    public String addressEnc;

    @Column(name = "victim_name_enc")
    public String victimNameEnc;

    @Column(name = "victim_school_enc")
    public String victimSchoolEnc;

    @Column(name = "reporter_name_enc")
    public String reporterNameEnc;

    @Column(name = "reporter_phone_enc")
    public String reporterPhoneEnc;

    @Column(name = "reporter_email_enc")
    public String reporterEmailEnc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportStatus status;

    /** The case routing opened or linked this report to (from cases.events.v1). */
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "lead_agency_code")
    public String leadAgencyCode;

    @Column(name = "lead_agency_name")
    public String leadAgencyName;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /**
     * When the latest case event applied to this report happened: an older one arriving later (case events of a
     * case whose urgency was raised travel in two lanes) is not applied over it.
     */
    @Column(name = "case_event_at")
    public Instant caseEventAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** When identity and description were erased after resolution; statistics fields remain. */
    @Column(name = "identity_purged_at")
    public Instant identityPurgedAt;

    private static EncryptedColumn column(String name) {
        return new EncryptedColumn("report", "id", "uuid", name);
    }
}
