package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.childsafe.commons.domain.SourceChannel;

/**
 * A report (phản ánh) linked to a case. A report belongs to exactly one case: the primary key on the report id
 * is the last line of defence against routing one report twice.
 */
@Entity
@Table(name = "case_report")
public class CaseReport {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** When intake accepted the report. */
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_channel")
    public SourceChannel sourceChannel;

    /** The {@code ce_id} of the {@code reports.received.v1} event that brought it. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;

    /** Why the report joined a case opened by another one (same canonical URL, hash or PDQ); null for the first. */
    @Column(name = "matched_by")
    public String matchedBy;
}
