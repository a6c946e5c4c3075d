package vn.childsafe.routing.service;

import java.util.UUID;

/**
 * What handling one {@code reports.received.v1} event did.
 *
 * @param outcome what happened
 * @param caseId  the case the report is linked to
 */
public record RoutingResult(Outcome outcome, UUID caseId) {

    /** The possible outcomes. */
    public enum Outcome {
        /** A new case was opened and routed; a CaseRouted event is in the outbox. */
        ROUTED,
        /** Same content as an open case of the last 30 days: the report was linked to it (and maybe re-routed). */
        LINKED,
        /** The report is already linked to a case (it came again under a new event id): nothing changed. */
        REPORT_ALREADY_ROUTED
    }
}
