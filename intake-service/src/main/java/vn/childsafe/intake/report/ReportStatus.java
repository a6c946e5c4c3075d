package vn.childsafe.intake.report;

/** Where a report stands, as its sender sees it. */
public enum ReportStatus {
    RECEIVED,
    ROUTED,
    ACKNOWLEDGED,
    ESCALATED,
    RESOLVED
}
