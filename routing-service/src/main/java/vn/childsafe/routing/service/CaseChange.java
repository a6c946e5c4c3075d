package vn.childsafe.routing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.routing.cases.TimelineEntry;

/**
 * One change of a case as it is recorded ({@link CaseChanges#record}): a timeline entry and a {@link CaseEvent}.
 * Built by name: {@code CaseChange.by(actor, kind, now, detail).withNote(reason).onAssignment(id).alerting(alerts)}.
 *
 * @param detail what happened, written by the system (cut to what the timeline keeps)
 * @param note the unit's own words, or {@code null}: encrypted in the timeline, on the event only as a flag
 * @param assignmentId the assignment the change is about, or {@code null}
 * @param alerts whom notify-service must alert
 * @param takedownUrls URLs newly to be taken down
 */
public record CaseChange(
        CaseEvent.Kind kind,
        String actor,
        Instant at,
        String detail,
        String note,
        UUID assignmentId,
        List<CaseEvent.Alert> alerts,
        List<String> takedownUrls) {

    public CaseChange {
        detail = TimelineEntry.fit(detail);
        alerts = List.copyOf(alerts);
        takedownUrls = List.copyOf(takedownUrls);
    }

    /** A change made by {@code actor} (a unit's agency code, or the caller's subject). */
    public static CaseChange by(String actor, CaseEvent.Kind kind, Instant at, String detail) {
        return new CaseChange(kind, actor, at, detail, null, null, List.of(), List.of());
    }

    /** A change the service makes by itself ({@link CaseChanges#SYSTEM}). */
    public static CaseChange bySystem(CaseEvent.Kind kind, Instant at, String detail) {
        return by(CaseChanges.SYSTEM, kind, at, detail);
    }

    public CaseChange withNote(String unitNote) {
        return new CaseChange(kind, actor, at, detail, unitNote, assignmentId, alerts, takedownUrls);
    }

    public CaseChange onAssignment(UUID id) {
        return new CaseChange(kind, actor, at, detail, note, id, alerts, takedownUrls);
    }

    public CaseChange alerting(List<CaseEvent.Alert> toAlert) {
        return new CaseChange(kind, actor, at, detail, note, assignmentId, toAlert, takedownUrls);
    }

    public CaseChange takingDown(List<String> urls) {
        return new CaseChange(kind, actor, at, detail, note, assignmentId, alerts, urls);
    }

    /** Whether the unit wrote a note (the event tells only that). */
    public boolean noteGiven() {
        return note != null;
    }
}
