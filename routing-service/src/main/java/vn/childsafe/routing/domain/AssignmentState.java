package vn.childsafe.routing.domain;

/** Where one unit's assignment on a case stands. Later issues add ACKNOWLEDGED, DECLINED and ESCALATED. */
public enum AssignmentState {
    /** Waiting for the unit to acknowledge before its deadline. */
    PENDING
}
