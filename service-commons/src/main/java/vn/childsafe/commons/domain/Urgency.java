package vn.childsafe.commons.domain;

/** How urgent a report is (mức độ khẩn cấp). */
public enum Urgency {
    /** A child is in danger now (nguy hiểm tức thời). */
    IMMEDIATE_DANGER,
    HIGH,
    NORMAL;

    /** Whether this urgency is strictly higher than {@code other}. */
    public boolean isHigherThan(Urgency other) {
        return ordinal() < other.ordinal();
    }
}
