package vn.childsafe.notify.support;

import java.util.List;

/** The alert JSON a unit receives ({@link vn.childsafe.notify.domain.AlertPayload}). */
public final class AlertJson {

    /** Its fields, in the order notify writes them: nothing else, so nothing personal. */
    public static final List<String> FIELDS = List.of(
            "type",
            "caseId",
            "reportIds",
            "agencyCode",
            "role",
            "assignmentId",
            "category",
            "urgency",
            "provinceCode",
            "communeCode",
            "ruleId",
            "ackDeadline",
            "occurredAt",
            "knownContentLists");

    private AlertJson() {}
}
