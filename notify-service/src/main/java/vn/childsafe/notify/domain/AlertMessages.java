package vn.childsafe.notify.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;

/**
 * The Vietnamese text of an alert sent by e-mail or SMS (nội dung thư điện tử và tin nhắn). Built from the
 * {@link AlertPayload} only, so it holds the same facts as the webhook and never a reporter's or victim's identity:
 * the unit follows the link and reads the case through the API, where every read is logged.
 */
public final class AlertMessages {

    /** Times are shown in Viet Nam's time (UTC+7). */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(VIETNAM);

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("case.routed", "Vụ việc mới được phân công"),
            Map.entry("case.acknowledged", "Vụ việc đã được tiếp nhận"),
            Map.entry("case.declined", "Đơn vị từ chối tiếp nhận vụ việc"),
            Map.entry("case.transferred", "Vụ việc được chuyển giao"),
            Map.entry("case.escalated", "Vụ việc quá hạn tiếp nhận, chuyển lên cấp trên"),
            Map.entry("case.rerouted", "Vụ việc được phân công lại"),
            Map.entry("case.report-linked", "Có phản ánh mới gắn vào vụ việc"),
            Map.entry("case.resolved", "Vụ việc đã được giải quyết"),
            Map.entry("case.timeline-noted", "Cập nhật tiến trình vụ việc"),
            Map.entry("takedown.escalated", "Nền tảng chưa gỡ bỏ nội dung đúng hạn 24 giờ"),
            Map.entry("takedown.manual-task", "Cần xử lý thủ công yêu cầu gỡ bỏ nội dung"));

    private static final Map<TargetRole, String> ROLES = Map.of(
            TargetRole.LEAD, "cơ quan chủ trì",
            TargetRole.SUPPORT, "cơ quan phối hợp",
            TargetRole.LIAISON, "đầu mối Tổng đài 111",
            TargetRole.ESCALATION, "cơ quan cấp trên");

    private static final Map<Category, String> CATEGORIES = Map.of(
            Category.CSAM, "xâm hại tình dục trẻ em (hình ảnh)",
            Category.GROOMING, "dụ dỗ trẻ em qua mạng",
            Category.SEXTORTION, "tống tiền bằng hình ảnh nhạy cảm",
            Category.TRAFFICKING, "mua bán người",
            Category.CYBERBULLYING, "bắt nạt trên mạng",
            Category.HARMFUL_CONTENT, "nội dung độc hại",
            Category.PRIVACY_VIOLATION, "lộ lọt thông tin cá nhân của trẻ em",
            Category.SELF_HARM, "tự gây hại",
            Category.SCAM, "lừa đảo",
            Category.OTHER, "khác");

    private static final Map<Urgency, String> URGENCIES = Map.of(
            Urgency.IMMEDIATE_DANGER, "nguy hiểm tức thời",
            Urgency.HIGH, "cao",
            Urgency.NORMAL, "bình thường");

    private AlertMessages() {}

    /** The title of an alert type, e.g. "Vụ việc mới được phân công". */
    public static String title(String type) {
        return TITLES.getOrDefault(type, "Cập nhật vụ việc");
    }

    /** Link to the case page: {@code <base>/cases/<caseId>}. */
    public static String caseLink(String linkBase, AlertPayload alert) {
        String base = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        return base + "/cases/" + alert.caseId();
    }

    /** E-mail subject. */
    public static String subject(AlertPayload alert) {
        StringBuilder subject = new StringBuilder("[ChildSafe] ").append(title(alert.type()));
        if (alert.urgency() == Urgency.IMMEDIATE_DANGER || alert.urgency() == Urgency.HIGH) {
            subject.append(" – KHẨN");
        }
        return subject.append(" – mã vụ việc ").append(shortId(alert)).toString();
    }

    /** E-mail body (plain text). */
    public static String emailBody(String linkBase, AlertPayload alert) {
        StringBuilder body = new StringBuilder();
        body.append("Kính gửi ").append(alert.agencyCode()).append(",\n\n");
        body.append(title(alert.type())).append(".\n\n");
        body.append("Mã vụ việc: ").append(alert.caseId()).append('\n');
        if (alert.role() != null) {
            body.append("Vai trò của đơn vị: ").append(ROLES.get(alert.role())).append('\n');
        }
        if (alert.category() != null) {
            body.append("Loại vi phạm: ")
                    .append(CATEGORIES.get(alert.category()))
                    .append('\n');
        }
        if (alert.urgency() != null) {
            body.append("Mức độ khẩn cấp: ")
                    .append(URGENCIES.get(alert.urgency()))
                    .append('\n');
        }
        if (alert.provinceCode() != null) {
            body.append("Mã tỉnh/thành phố: ").append(alert.provinceCode());
            if (alert.communeCode() != null) {
                body.append(", mã xã/phường: ").append(alert.communeCode());
            }
            body.append('\n');
        }
        if (!alert.knownContentLists().isEmpty()) {
            body.append("Nội dung trùng danh sách mã băm nội dung đã biết: ")
                    .append(String.join(", ", alert.knownContentLists()))
                    .append('\n');
        }
        if (alert.ackDeadline() != null) {
            body.append("Hạn xác nhận tiếp nhận: ")
                    .append(format(alert.ackDeadline()))
                    .append(" (giờ Việt Nam)\n");
        }
        body.append("\nXem chi tiết và xác nhận tiếp nhận tại: ")
                .append(caseLink(linkBase, alert))
                .append("\n\n");
        body.append("Thư này không chứa thông tin cá nhân của người phản ánh hay của trẻ em. ")
                .append("Vui lòng đăng nhập hệ thống để xem chi tiết; mọi lượt xem đều được ghi nhật ký.\n");
        body.append("Đây là thư tự động của hệ thống ChildSafe, vui lòng không trả lời thư này.\n");
        return body.toString();
    }

    /** SMS text: short, the title, the case, the deadline and the link. */
    public static String sms(String linkBase, AlertPayload alert) {
        StringBuilder text = new StringBuilder("ChildSafe: ").append(title(alert.type()));
        if (alert.urgency() == Urgency.IMMEDIATE_DANGER || alert.urgency() == Urgency.HIGH) {
            text.append(" (KHẨN)");
        }
        text.append(". Mã ").append(shortId(alert)).append('.');
        if (alert.ackDeadline() != null) {
            text.append(" Hạn tiếp nhận ").append(format(alert.ackDeadline())).append('.');
        }
        return text.append(' ').append(caseLink(linkBase, alert)).toString();
    }

    private static String shortId(AlertPayload alert) {
        return alert.caseId().toString().substring(0, 8);
    }

    private static String format(Instant instant) {
        return TIME.format(instant);
    }
}
