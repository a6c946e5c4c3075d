package vn.childsafe.commons.domain;

/** What kind of online harm a report is about (loại vi phạm). */
public enum Category {
    /** Child sexual abuse material (hình ảnh xâm hại tình dục trẻ em). */
    CSAM,
    /** Grooming (dụ dỗ, lôi kéo trẻ em). */
    GROOMING,
    /** Sexual extortion (tống tiền bằng hình ảnh nhạy cảm). */
    SEXTORTION,
    /** Trafficking (mua bán người). */
    TRAFFICKING,
    /** Cyberbullying (bắt nạt trên mạng). */
    CYBERBULLYING,
    /** Content harmful to children (nội dung độc hại). */
    HARMFUL_CONTENT,
    /** Exposure of a child's private data (lộ lọt thông tin cá nhân của trẻ). */
    PRIVACY_VIOLATION,
    /** Self-harm (tự gây hại). */
    SELF_HARM,
    /** Online scam (lừa đảo trực tuyến). */
    SCAM,
    OTHER
}
