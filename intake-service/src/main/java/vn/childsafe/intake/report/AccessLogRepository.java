package vn.childsafe.intake.report;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Writes and reads the identity access log. */
@ApplicationScoped
public class AccessLogRepository implements PanacheRepositoryBase<AccessLogEntry, UUID> {

    /** Every access to one report's identity, oldest first. */
    public List<AccessLogEntry> forReport(UUID reportId) {
        return list("reportId = ?1 order by accessedAt, id", reportId);
    }
}
