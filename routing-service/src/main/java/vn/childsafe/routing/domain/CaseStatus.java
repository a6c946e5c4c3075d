package vn.childsafe.routing.domain;

/** Where a case (vụ việc) stands; the status intake shows reporters. */
public enum CaseStatus {
    /** Units are assigned and alerted; the lead has not acknowledged yet. */
    ROUTED,
    /** The lead unit acknowledged. */
    ACKNOWLEDGED,
    /** A deadline passed unacknowledged (or no unit was left to decline to): a higher level was alerted. */
    ESCALATED,
    /** Closed with an outcome. Final. */
    RESOLVED
}
