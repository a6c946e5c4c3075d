package vn.childsafe.routing.domain;

/** Where a case (vụ việc) stands. Later issues add ACKNOWLEDGED, ESCALATED and RESOLVED. */
public enum CaseStatus {
    /** Units are assigned and alerted; none has acknowledged yet. */
    ROUTED
}
