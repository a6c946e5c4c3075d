package vn.childsafe.routing.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import vn.childsafe.commons.crypto.EncryptedColumn;
import vn.childsafe.commons.crypto.EncryptedColumns;
import vn.childsafe.commons.crypto.FieldCipher;

/**
 * The free-text notes units write on a case (lý do từ chối, chuyển giao; ghi chú kết thúc): encrypted at rest with
 * routing's key ring, bound to their row, kept out of case events, and erased a while after the case is resolved,
 * as intake erases the reports' identity (docs/security.md, "Notes"). A unit may write a child's name in a note
 * although it is asked not to.
 */
@ApplicationScoped
public class CaseNotes implements EncryptedColumns {

    static final EncryptedColumn RESOLUTION_NOTE =
            new EncryptedColumn("routing_case", "id", "uuid", "resolution_note_enc");
    static final EncryptedColumn END_REASON = new EncryptedColumn("assignment", "id", "uuid", "end_reason_enc");
    static final EncryptedColumn TIMELINE_NOTE = new EncryptedColumn("case_timeline", "id", "bigint", "note_enc");

    private static final Logger LOG = Logger.getLogger(CaseNotes.class);

    @Inject
    FieldCipher cipher;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "childsafe.routing.purge-notes-after", defaultValue = "P180D")
    Duration purgeAfter;

    @Override
    public List<EncryptedColumn> columns() {
        return List.of(RESOLUTION_NOTE, END_REASON, TIMELINE_NOTE);
    }

    /** Sets the case's resolution note ({@code null} for none). */
    public void setResolutionNote(RoutingCase c, String note) {
        c.resolutionNoteEnc = cipher.encrypt(note, RESOLUTION_NOTE.context(c.id));
    }

    /** Sets why the assignment ended. */
    public void setEndReason(Assignment a, String reason) {
        a.endReasonEnc = cipher.encrypt(reason, END_REASON.context(a.id));
    }

    /** Sets the note of a timeline entry; the entry must have its id, i.e. be persisted. */
    public void setNote(TimelineEntry entry, String note) {
        entry.noteEnc = cipher.encrypt(note, TIMELINE_NOTE.context(entry.id));
    }

    public String resolutionNote(RoutingCase c) {
        return cipher.decrypt(c.resolutionNoteEnc, RESOLUTION_NOTE.context(c.id));
    }

    public String endReason(Assignment a) {
        return cipher.decrypt(a.endReasonEnc, END_REASON.context(a.id));
    }

    public String note(TimelineEntry entry) {
        return cipher.decrypt(entry.noteEnc, TIMELINE_NOTE.context(entry.id));
    }

    /**
     * Erases the notes of cases resolved longer ago than {@code childsafe.routing.purge-notes-after}; what happened
     * stays in the timeline.
     *
     * @return how many notes were erased
     */
    @Transactional
    public int purgeResolved() {
        Instant before = Instant.now(clock).minus(purgeAfter);
        String resolvedBefore = "SELECT id FROM routing_case WHERE status = 'RESOLVED' AND resolved_at < :before";
        int erased = em.createNativeQuery("UPDATE routing_case SET resolution_note_enc = NULL "
                        + "WHERE resolution_note_enc IS NOT NULL AND id IN (" + resolvedBefore + ")")
                .setParameter("before", before)
                .executeUpdate();
        erased += em.createNativeQuery("UPDATE assignment SET end_reason_enc = NULL "
                        + "WHERE end_reason_enc IS NOT NULL AND case_id IN (" + resolvedBefore + ")")
                .setParameter("before", before)
                .executeUpdate();
        erased += em.createNativeQuery("UPDATE case_timeline SET note_enc = NULL "
                        + "WHERE note_enc IS NOT NULL AND case_id IN (" + resolvedBefore + ")")
                .setParameter("before", before)
                .executeUpdate();
        if (erased > 0) {
            LOG.infof("Erased %d notes of cases resolved more than %s ago", erased, purgeAfter);
        }
        return erased;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeResolved();
    }

    /**
     * Moves notes written in clear by versions before encryption at rest into the encrypted columns, at start-up:
     * a timeline detail that held a note becomes the note, and the detail says only what happened.
     */
    void encryptLegacy(@Observes StartupEvent start) {
        int moved = QuarkusTransaction.requiringNew().call(this::encryptLegacy);
        if (moved > 0) {
            LOG.infof("Encrypted %d notes written in clear by an earlier version", moved);
        }
    }

    private int encryptLegacy() {
        int moved = encryptClearNotes(RESOLUTION_NOTE, "resolution_note") + encryptClearNotes(END_REASON, "end_reason");
        for (Object[] row : rows("SELECT CAST(id AS text), detail, kind FROM case_timeline "
                + "WHERE legacy_note FOR UPDATE SKIP LOCKED")) {
            moved += em.createNativeQuery("UPDATE case_timeline SET note_enc = :note, detail = :detail, "
                            + "legacy_note = false WHERE id = CAST(:id AS bigint)")
                    .setParameter("note", cipher.encrypt((String) row[1], TIMELINE_NOTE.context(row[0])))
                    .setParameter(
                            "detail",
                            ((String) row[2]).toLowerCase(Locale.ROOT)
                                    + " (ghi trước khi ghi chú được tách riêng; xem ghi chú)")
                    .setParameter("id", row[0])
                    .executeUpdate();
        }
        return moved;
    }

    /** Encrypts the notes still in {@code clearColumn} into {@code column}, emptying the clear column. */
    private int encryptClearNotes(EncryptedColumn column, String clearColumn) {
        int moved = 0;
        for (Object[] row : rows("SELECT CAST(" + column.idColumn() + " AS text), " + clearColumn + " FROM "
                + column.table() + " WHERE " + clearColumn + " IS NOT NULL FOR UPDATE SKIP LOCKED")) {
            moved += em.createNativeQuery("UPDATE " + column.table() + " SET " + column.column() + " = :note, "
                            + clearColumn + " = NULL WHERE " + column.idColumn() + " = CAST(:id AS "
                            + column.idType() + ")")
                    .setParameter("note", cipher.encrypt((String) row[1], column.context(row[0])))
                    .setParameter("id", row[0])
                    .executeUpdate();
        }
        return moved;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
