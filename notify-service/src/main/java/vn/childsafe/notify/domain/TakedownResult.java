package vn.childsafe.notify.domain;

/** What a platform did about a takedown request (kết quả xử lý yêu cầu gỡ bỏ). */
public enum TakedownResult {
    /** The content was removed. */
    REMOVED,
    /** Access was restricted (e.g. blocked in Viet Nam, age-gated). */
    RESTRICTED,
    /** The platform refused; the note says why. The information unit follows up. */
    REJECTED,
    /** The content no longer exists or the URL is wrong. */
    NOT_FOUND
}
