package vn.childsafe.notify.domain;

/**
 * Why a pending delivery can no longer be sent: its channel was removed after the delivery was created. Each reason
 * has the English text ops read in the delivery's {@code lastError} and logs, and the Vietnamese text of the case
 * timeline.
 */
public enum ChannelGone {
    PLATFORM_REMOVED("The platform was removed.", "nền tảng đã bị xoá khỏi danh sách"),
    CONTACT_POINT_REMOVED("The agency's contact point was removed.", "đầu mối liên lạc của đơn vị đã bị xoá"),
    WEBHOOK_REMOVED(
            "The agency's contact point no longer has a webhook URL.",
            "đầu mối liên lạc của đơn vị không còn địa chỉ webhook"),
    EMAIL_REMOVED(
            "The e-mail address was removed from the agency's contact point.",
            "địa chỉ e-mail đã bị xoá khỏi đầu mối liên lạc của đơn vị"),
    SMS_REMOVED(
            "The SMS number was removed from the agency's contact point.",
            "số SMS đã bị xoá khỏi đầu mối liên lạc của đơn vị"),
    NO_CHANNEL("The delivery has no channel.", "lần gửi không có kênh gửi");

    private final String error;
    private final String vietnamese;

    ChannelGone(String error, String vietnamese) {
        this.error = error;
        this.vietnamese = vietnamese;
    }

    /** For ops and logs (English). */
    public String error() {
        return error;
    }

    /** For the case timeline (Vietnamese). */
    public String vietnamese() {
        return vietnamese;
    }
}
