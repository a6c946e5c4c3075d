package vn.childsafe.notify.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;

/**
 * The JSON body of the alert a unit receives (nội dung thông báo gửi đơn vị). It carries ids and routing facts
 * only, never a reporter's or victim's identity (Law 91/2025/QH15): the unit reads the details through the API,
 * where every read is logged.
 *
 * <pre>
 * {"type":"case.routed | case.escalated | case.transferred | …",
 *  "caseId":"…uuid…", "reportIds":["…uuid…"],
 *  "agencyCode":"CA-01", "role":"LEAD|SUPPORT|LIAISON", "assignmentId":"…uuid… or null for LIAISON",
 *  "category":"GROOMING", "urgency":"HIGH", "provinceCode":"01", "communeCode":"00004 or null",
 *  "ruleId":"R2", "ackDeadline":"2026-11-20T04:00:00Z or null for LIAISON", "occurredAt":"2026-11-20T03:00:00Z",
 *  "knownContentLists":["iwf-2026-11"]}
 * </pre>
 *
 * The request carries the Standard Webhooks headers {@code webhook-id} (the same on every retry: de-duplicate on
 * it), {@code webhook-timestamp} and {@code webhook-signature}.
 */
public record AlertPayload(
        String type,
        UUID caseId,
        List<UUID> reportIds,
        String agencyCode,
        TargetRole role,
        UUID assignmentId,
        Category category,
        Urgency urgency,
        String provinceCode,
        String communeCode,
        String ruleId,
        Instant ackDeadline,
        Instant occurredAt,
        List<String> knownContentLists) {

    public AlertPayload {
        knownContentLists = knownContentLists == null ? List.of() : List.copyOf(knownContentLists);
    }

    /** Value of {@code type} for a newly routed case. */
    public static final String CASE_ROUTED = "case.routed";

    /** Prefix of {@code type}: {@code case.} and the change in lower case, e.g. {@code case.report-linked}. */
    public static final String TYPE_PREFIX = "case.";

    /** The {@code type} of the alert for a case change, e.g. {@code case.escalated}. */
    public static String typeOf(CaseEvent.Kind kind) {
        return TYPE_PREFIX + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The alert for one target of a change after routing (escalation, transfer, linked report ...). {@code ruleId}
     * is {@code null}: the change, not a routing rule, is why the unit hears about the case.
     */
    public static AlertPayload caseChanged(CaseEvent event, AlertTarget target) {
        return of(
                typeOf(event.kind()),
                CaseFacts.of(event),
                event.reportIds(),
                target,
                null,
                event.occurredAt(),
                List.of());
    }

    /** The alert for one target of a routed case. */
    public static AlertPayload caseRouted(CaseRouted event, AlertTarget target) {
        return of(
                CASE_ROUTED,
                CaseFacts.of(event),
                event.reportIds(),
                target,
                event.ruleId(),
                event.occurredAt(),
                event.knownContentLists());
    }

    /**
     * An alert of type {@code type} about a case's takedowns to the unit that handles its online content: no report,
     * assignment or acknowledgement deadline of its own.
     */
    public static AlertPayload escalation(String type, CaseFacts facts, String agencyCode, Instant occurredAt) {
        AlertTarget target = new AlertTarget(agencyCode, TargetRole.ESCALATION, null, null);
        return of(type, facts, List.of(), target, null, occurredAt, List.of());
    }

    private static AlertPayload of(
            String type,
            CaseFacts facts,
            List<UUID> reportIds,
            AlertTarget target,
            String ruleId,
            Instant occurredAt,
            List<String> knownContentLists) {
        return new AlertPayload(
                type,
                facts.caseId(),
                List.copyOf(reportIds),
                target.agencyCode(),
                target.role(),
                target.assignmentId(),
                facts.category(),
                facts.urgency(),
                facts.provinceCode(),
                facts.communeCode(),
                ruleId,
                target.ackDeadline(),
                occurredAt,
                knownContentLists);
    }
}
