package vn.childsafe.notify.domain;

/** Why an agency is alerted about a case. */
public enum TargetRole {
    /** The lead unit (cơ quan chủ trì): must acknowledge and handle the case. */
    LEAD,
    /** A supporting unit (cơ quan phối hợp). */
    SUPPORT,
    /** The 111 hotline liaison (Tổng đài 111), alerted when routing says so; it has no assignment of its own. */
    LIAISON,
    /** The next level up, alerted because an assignment was not acknowledged in time (cấp trên khi quá hạn). */
    ESCALATION,
    /** An online platform receiving a takedown request (channel TAKEDOWN). */
    PLATFORM
}
