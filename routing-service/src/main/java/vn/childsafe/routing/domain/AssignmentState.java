package vn.childsafe.routing.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where one unit's assignment on a case stands. */
public enum AssignmentState {
    /** Waiting for the unit to acknowledge before its deadline. */
    PENDING,
    /** The unit acknowledged: it is working on the case. */
    ACKNOWLEDGED,
    /** The deadline passed unacknowledged: the next level up was alerted. The unit may still acknowledge. */
    ESCALATED,
    /** The unit declined (with a reason); the assignment has ended. */
    DECLINED,
    /** The lead role was transferred to another unit; the assignment has ended. */
    TRANSFERRED;

    /** The states of an assignment that is still current (not ended). */
    public static final Set<AssignmentState> CURRENT = EnumSet.of(PENDING, ACKNOWLEDGED, ESCALATED);

    public boolean isCurrent() {
        return CURRENT.contains(this);
    }
}
