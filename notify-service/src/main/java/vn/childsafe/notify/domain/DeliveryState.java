package vn.childsafe.notify.domain;

/** Where a delivery stands (trạng thái gửi thông báo). */
public enum DeliveryState {
    /** Waiting for its next attempt (or an attempt is in flight). */
    PENDING,
    /** The target answered 2xx. */
    DELIVERED,
    /** Every attempt failed; ops can retry it once the target is fixed. */
    FAILED,
    /**
     * The target has no contact point with a usable channel: nothing could be sent. Kept so that ops see the gap
     * (never silently dropped); a retry after the contact point is registered sends it.
     */
    NO_CONTACT_POINT
}
