package vn.childsafe.intake.report;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Gender;
import vn.childsafe.commons.domain.ReporterRelationship;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.intake.domain.KnownProvinceCode;

/**
 * The body of {@code POST /api/v1/reports}: one report (phản ánh) of online harm to a child. Unknown fields are
 * ignored, so senders may add their own.
 */
@Schema(name = "ReportSubmission", description = "A report (phản ánh) of online harm to a child.")
public record ReportSubmission(
        @Valid @Schema(description = "Where the report comes from (kênh tiếp nhận).")
        Source source,

        @NotNull @Schema(required = true, description = "Kind of harm (loại vi phạm).")
        Category category,

        @NotNull @Schema(required = true, description = "How urgent (mức độ khẩn cấp).")
        Urgency urgency,

        @NotBlank
        @Size(max = 10_000)
        @Schema(
                required = true,
                maxLength = 10_000,
                description = "What happened (nội dung phản ánh), any "
                        + "Vietnamese text, normalised to Unicode NFC. Encrypted at rest; never leaves intake.",
                example = "Một tài khoản lạ nhắn tin dụ dỗ con tôi (12 tuổi) gửi ảnh nhạy cảm qua Zalo.")
        String description,

        @Schema(description = "When the harm happened, with offset.", example = "2026-11-20T10:00:00+07:00")
        OffsetDateTime occurredAt,

        @Valid @Schema(description = "Where (địa điểm): today's or legacy codes; routing resolves them.")
        Location location,

        @Valid @Schema(description = "The child concerned (trẻ bị hại), if known.")
        Victim victim,

        @Valid @Schema(description = "Who reports (người phản ánh).")
        Reporter reporter,

        @Valid @Size(max = 50) @Schema(maxItems = 50, description = "Online content concerned (nội dung vi phạm).")
        List<@NotNull @Valid Content> content) {

    /** The sending channel and the sender's own reference. */
    public record Source(
            @Schema(
                    description = "Sending channel (kênh tiếp nhận): the 111 hotline, another government system, "
                            + "a platform, a web form, a school or the police. WEB_PUBLIC is reserved for ChildSafe's own public "
                            + "page (docs/guide-public-page.md): an API client sending it gets 400.")
            SourceChannel channel,

            @Size(max = 200)
            @Schema(description = "The sender's own reference, e.g. the 111 call id.", example = "111-2026-000123")
            String reference) {}

    /**
     * Where the child or the harm is: today's codes (after 1 July 2025) or legacy ones (before the reform).
     */
    public record Location(
            @Pattern(regexp = "\\d{2}", message = "must be 2 digits")
            @KnownProvinceCode
            @Schema(
                    description = "Province code (mã tỉnh): one of today's 34, or a legacy one of the 63 before "
                            + "1 July 2025 (mapped to today's by routing).",
                    example = "01")
            String provinceCode,

            @Pattern(regexp = "\\d{5}", message = "must be 5 digits")
            @Schema(description = "Today's commune code (mã xã/phường).", example = "00004")
            String communeCode,

            @Pattern(regexp = "\\d{3}", message = "must be 3 digits")
            @Schema(description = "Legacy district code (mã huyện cũ).", example = "268")
            String districtCode,

            @Pattern(regexp = "\\d{5}", message = "must be 5 digits")
            @Schema(description = "Legacy ward code (mã xã cũ).", example = "09552")
            String wardCode,

            @Size(max = 500) @Schema(description = "Street address; encrypted at rest.")
            String address) {}

    /** The child concerned. Name and school are encrypted at rest. */
    public record Victim(
            @Min(0) @Max(17) @Schema(description = "Age in years (0..17).", example = "12")
            Integer ageYears,

            @Schema(description = "Gender (giới tính), as reported.")
            Gender gender,

            @Size(max = 200) @Schema(description = "Name (họ tên); encrypted at rest.")
            String name,

            @Size(max = 300) @Schema(description = "School (trường); encrypted at rest.")
            String school) {}

    /** Who reports. Name, phone and e-mail are encrypted at rest. */
    public record Reporter(
            @Schema(
                    description = "The reporter wishes to stay anonymous (ẩn danh): name, phone and e-mail are "
                            + "then never shown to units.")
            Boolean anonymous,

            @Size(max = 200) @Schema(description = "Reporter's name (người phản ánh); encrypted at rest.")
            String name,

            @Pattern(
                    regexp = "0\\d{9}|\\+84\\d{9}",
                    message = "must be a Vietnamese phone number (0xxxxxxxxx or +84xxxxxxxxx)")
            @Schema(description = "Vietnamese phone number (số điện thoại); encrypted at rest.", example = "0912345678")
            String phone,

            @Email @Size(max = 254) @Schema(description = "E-mail; encrypted at rest.", example = "me.chau@example.vn")
            String email,

            @Schema(description = "How the reporter relates to the child (quan hệ với trẻ).")
            ReporterRelationship relationship) {}

    /** One piece of online content. */
    public record Content(
            @Size(max = 2048)
            @Pattern(regexp = "[hH][tT][tT][pP][sS]?://\\S+", message = "must be an http(s) URL")
            @Schema(
                    description = "Where the content is (đường dẫn), http or https, at most 2,048 characters. "
                            + "Used for takedown requests and to link duplicate reports.",
                    example = "https://www.facebook.com/groups/example/posts/123")
            String url,

            @Pattern(
                    regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}",
                    message = "must be a platform name: 1-100 letters, digits, spaces, '.', '_' or '-'")
            @Schema(
                    description = "The platform hosting it, as the sender names it: letters, digits, spaces, '.', "
                            + "'_' or '-', at most 100.",
                    example = "facebook")
            String platform,

            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits")
            @Schema(description = "SHA-256 of the file (64 hex digits), to recognise the same image or video.")
            String sha256,

            @Pattern(regexp = "[0-9a-fA-F]{32}", message = "must be 32 hex digits")
            @Schema(description = "MD5 of the file (32 hex digits), as some platforms' hash lists use it.")
            String md5,

            @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits")
            @Schema(
                    description = "PDQ perceptual hash of the image or a video frame (256 bits as 64 hex digits, as "
                            + "Meta's PDQ publishes it): recognises the same picture after re-encoding or resizing.",
                    example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22")
            String pdq,

            @Min(0)
            @Max(100)
            @Schema(
                    description = "PDQ's quality figure for that hash (0-100); hashes of low "
                            + "quality (blank or flat images) are kept but not used to match.",
                    example = "100")
            Integer pdqQuality) {}
}
