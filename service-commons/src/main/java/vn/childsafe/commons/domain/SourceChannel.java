package vn.childsafe.commons.domain;

/** Where a report came from (kênh tiếp nhận). */
public enum SourceChannel {
    /** The national child-protection hotline 111 (Tổng đài quốc gia bảo vệ trẻ em 111). */
    HOTLINE_111,
    /** Another government system. */
    GOV_SYSTEM,
    /** An online platform's automatic report. */
    PLATFORM,
    WEB,
    /**
     * ChildSafe's own public reporting page (trang phản ánh công khai): anyone, without an account, so its reports
     * are unverified (docs/routing-rules.md, section 2).
     */
    WEB_PUBLIC,
    SCHOOL,
    POLICE
}
