package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One line of a case's history (routing, unit actions, escalations, delivery and takedown outcomes). */
@Entity
@Table(name = "case_timeline")
public class TimelineEntry {

    /** From a sequence that hands out blocks of 50, so that a batch of reports inserts its rows in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_timeline_id")
    @SequenceGenerator(name = "case_timeline_id", sequenceName = "case_timeline_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** ROUTED, ACKNOWLEDGED, ..., or NOTIFY_&lt;kind&gt; for notify-service outcomes. */
    @Column(nullable = false)
    public String kind;

    /** Agency code, {@code system}, or the notify service. */
    public String actor;

    /** What happened, written by the system; never a unit's free text (that is the note). */
    public String detail;

    /** The unit's own words (decline or transfer reason, resolution note), encrypted ({@link CaseNotes}). */
    @Column(name = "note_enc")
    public String noteEnc;

    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "source_event_id")
    public String sourceEventId;

    public static TimelineEntry of(
            UUID caseId, Instant at, String kind, String actor, String detail, UUID assignmentId) {
        TimelineEntry entry = new TimelineEntry();
        entry.caseId = caseId;
        entry.occurredAt = at;
        entry.kind = kind;
        entry.actor = actor;
        entry.detail = fit(detail);
        entry.assignmentId = assignmentId;
        return entry;
    }

    /** The detail cut to the 2000 characters the timeline keeps. */
    public static String fit(String detail) {
        return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
    }
}
