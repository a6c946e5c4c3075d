package vn.childsafe.intake.report;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * An agency currently assigned to a report's case, as last announced on {@code cases.events.v1}. Only these
 * agencies' units may read the report's identity.
 */
@Entity
@Table(name = "report_assignment")
@IdClass(ReportAssignment.Key.class)
public class ReportAssignment {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Id
    @Column(name = "agency_code")
    public String agencyCode;

    @Column(nullable = false)
    public String role;

    /** Composite key. */
    public record Key(UUID reportId, String agencyCode) implements Serializable {}
}
