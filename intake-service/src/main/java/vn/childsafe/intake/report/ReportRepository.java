package vn.childsafe.intake.report;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.childsafe.commons.domain.SourceChannel;

/** Reads and writes reports. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /** The report with this tracking code, sent through {@code channel} by {@code clientId}. */
    public Optional<Report> findByTrackingCode(String trackingCode, SourceChannel channel, String clientId) {
        return find("trackingCode = ?1 and sourceChannel = ?2 and clientId = ?3", trackingCode, channel, clientId)
                .firstResultOptional();
    }

    /**
     * Erases identity and description of reports resolved before {@code resolvedBefore}; category, urgency,
     * location codes, age, gender and channel stay.
     *
     * @return how many reports were erased
     */
    public int purgeIdentity(Instant now, Instant resolvedBefore) {
        return getEntityManager()
                .createQuery("""
                UPDATE Report r SET r.descriptionEnc = null, r.addressEnc = null, r.victimNameEnc = null,
                       r.victimSchoolEnc = null, r.reporterNameEnc = null, r.reporterPhoneEnc = null,
                       r.reporterEmailEnc = null, r.identityPurgedAt = :now
                 WHERE r.status = :resolved AND r.resolvedAt < :before AND r.identityPurgedAt IS NULL""")
                .setParameter("now", now)
                .setParameter("resolved", ReportStatus.RESOLVED)
                .setParameter("before", resolvedBefore)
                .executeUpdate();
    }
}
