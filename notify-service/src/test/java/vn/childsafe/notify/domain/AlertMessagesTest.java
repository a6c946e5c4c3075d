package vn.childsafe.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;

class AlertMessagesTest {

    private static final UUID CASE = UUID.fromString("0d9f6b8e-3c2a-4e55-9f0e-6b1c2d3e4f50");

    private static AlertPayload alert(String type, TargetRole role, Urgency urgency, Instant deadline) {
        return new AlertPayload(
                type,
                CASE,
                List.of(UUID.randomUUID()),
                "CA-01",
                role,
                UUID.randomUUID(),
                Category.SEXTORTION,
                urgency,
                "01",
                "00004",
                "R2",
                deadline,
                Instant.parse("2026-11-20T03:00:00Z"),
                List.of());
    }

    @Test
    void theEmailIsVietnameseWithTheCaseLinkAndTheDeadlineInVietnamTime() {
        AlertPayload alert = alert("case.routed", TargetRole.LEAD, Urgency.HIGH, Instant.parse("2026-11-20T04:00:00Z"));

        assertThat(AlertMessages.subject(alert))
                .isEqualTo("[ChildSafe] Vụ việc mới được phân công – KHẨN – mã vụ việc 0d9f6b8e");
        assertThat(AlertMessages.emailBody("https://childsafe.gov.vn/", alert))
                .contains("Kính gửi CA-01")
                .contains("Vai trò của đơn vị: cơ quan chủ trì")
                .contains("Loại vi phạm: tống tiền bằng hình ảnh nhạy cảm")
                .contains("Mức độ khẩn cấp: cao")
                .contains("Hạn xác nhận tiếp nhận: 11:00 ngày 20/11/2026 (giờ Việt Nam)")
                .contains("https://childsafe.gov.vn/cases/" + CASE)
                .doesNotContain("//cases");
    }

    @Test
    void theSmsIsShortAndNormalAlertsAreNotMarkedUrgent() {
        AlertPayload alert = alert("case.escalated", TargetRole.ESCALATION, Urgency.NORMAL, null);

        String sms = AlertMessages.sms("https://childsafe.gov.vn", alert);

        assertThat(sms)
                .isEqualTo("ChildSafe: Vụ việc quá hạn tiếp nhận, chuyển lên cấp trên. Mã 0d9f6b8e. "
                        + "https://childsafe.gov.vn/cases/" + CASE);
        assertThat(sms.length()).isLessThanOrEqualTo(160);
        assertThat(AlertMessages.subject(alert)).doesNotContain("KHẨN");
    }

    @Test
    void anUnknownTypeStillGetsAGenericTitle() {
        assertThat(AlertMessages.title("case.something-new")).isEqualTo("Cập nhật vụ việc");
    }
}
