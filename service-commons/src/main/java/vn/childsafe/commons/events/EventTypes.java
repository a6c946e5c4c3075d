package vn.childsafe.commons.events;

/**
 * Topics and CloudEvents types of ChildSafe's events. The JSON Schemas in {@code docs/events/} are the
 * contract; these names are how the code refers to them.
 */
public final class EventTypes {

    /** intake → routing: a report was accepted. Key: report id. */
    public static final String REPORTS_TOPIC = "reports.received.v1";
    /** routing → intake, notify: what happened to a case. Key: case id. */
    public static final String CASES_TOPIC = "cases.events.v1";
    /** notify → routing: delivery and takedown outcomes. Key: case id. */
    public static final String NOTIFY_TOPIC = "notify.events.v1";

    public static final String REPORT_RECEIVED = "vn.childsafe.report.received.v1";
    public static final String CASE_ROUTED = "vn.childsafe.case.routed.v1";
    /** What the type of every event on {@code cases.events.v1} starts with: {@code vn.childsafe.case.<kind>.v1}. */
    public static final String CASE_TYPE_PREFIX = "vn.childsafe.case.";

    private EventTypes() {}
}
