package vn.childsafe.intake.report;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes the agencies assigned to reports' cases. */
@ApplicationScoped
public class ReportAssignmentRepository implements PanacheRepositoryBase<ReportAssignment, ReportAssignment.Key> {

    /** Whether {@code agencyCode} is assigned to the report's case. */
    public boolean isAssigned(UUID reportId, String agencyCode) {
        return count("reportId = ?1 and agencyCode = ?2", reportId, agencyCode) > 0;
    }

    /** Forgets the report's assignments, before the latest case event's are written. */
    public void deleteByReport(UUID reportId) {
        delete("reportId", reportId);
    }
}
