package vn.childsafe.intake.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jboss.resteasy.reactive.RestForm;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.ReporterRelationship;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.geo.ProvinceTable;
import vn.childsafe.intake.report.ReportSubmission;

/**
 * The public page's form as sent (every field a string, as typed), its checks in words a child understands, and
 * the {@link ReportSubmission} it becomes. Field names are those of the HTML form (docs/guide-public-page.md).
 */
public class PublicReportForm {

    /** Longest description accepted from the page; the API allows more, a phone keyboard never needs it. */
    static final int MAX_DESCRIPTION = 3000;
    /** Most links one page report may carry. */
    static final int MAX_LINKS = 10;
    /** A province option whose value starts with this is a legacy province (before 1 July 2025). */
    static final String LEGACY = "cu-";
    /** The province option for "I don't know": the report is routed nationally. */
    static final String UNKNOWN_PROVINCE = "khong-biet";

    @RestForm
    public String category;

    @RestForm
    public String urgency;

    @RestForm
    public String description;

    @RestForm
    public String province;

    @RestForm
    public String commune;

    @RestForm
    public String links;

    @RestForm
    public String age;

    @RestForm
    public String relationship;

    @RestForm
    public String name;

    @RestForm
    public String phone;

    @RestForm
    public String email;
    /** The honeypot: hidden from people, filled by bots that fill every field. */
    @RestForm
    public String website;

    /** A choice of a radio group or select: the value sent and the words shown. */
    public record Choice(String value, String label) {}

    /** What happened, in plain words, each mapped to a {@link Category}. */
    public static final List<Choice> CATEGORIES = List.of(
            new Choice(Category.GROOMING.name(), "Có người lạ làm quen, dụ dỗ, rủ gặp mặt hoặc đòi gửi ảnh"),
            new Choice(
                    Category.SEXTORTION.name(), "Có người dọa tung ảnh, video riêng tư để đòi tiền hoặc đòi thêm ảnh"),
            new Choice(Category.CSAM.name(), "Thấy ảnh hoặc video khiêu dâm có trẻ em"),
            new Choice(Category.CYBERBULLYING.name(), "Bị bắt nạt, chửi bới, chế giễu hoặc đe dọa trên mạng"),
            new Choice(Category.PRIVACY_VIOLATION.name(), "Ảnh hoặc thông tin riêng của trẻ bị đăng lên mạng"),
            new Choice(Category.SELF_HARM.name(), "Có bạn nói muốn tự làm đau mình"),
            new Choice(Category.TRAFFICKING.name(), "Có người rủ đi làm xa, hứa việc lương cao, muốn đưa trẻ đi"),
            new Choice(Category.SCAM.name(), "Bị lừa tiền, lừa nạp thẻ, lừa trúng thưởng"),
            new Choice(Category.HARMFUL_CONTENT.name(), "Nội dung bạo lực, đáng sợ, không hợp với trẻ em"),
            new Choice(Category.OTHER.name(), "Chuyện khác"));

    /** How urgent, in plain words. */
    public static final List<Choice> URGENCIES = List.of(
            new Choice(Urgency.IMMEDIATE_DANGER.name(), "Có, trẻ đang gặp nguy hiểm ngay lúc này"),
            new Choice(Urgency.HIGH.name(), "Chuyện đang xảy ra, cần giúp sớm"),
            new Choice(Urgency.NORMAL.name(), "Không gấp"));

    /** Who reports, in plain words. */
    public static final List<Choice> RELATIONSHIPS = List.of(
            new Choice(ReporterRelationship.SELF.name(), "Em là trẻ gặp chuyện"),
            new Choice(ReporterRelationship.PARENT.name(), "Bố mẹ hoặc người thân"),
            new Choice(ReporterRelationship.TEACHER.name(), "Thầy cô giáo"),
            new Choice(ReporterRelationship.OTHER.name(), "Người khác"));

    /** A child's age: 0 to 17 years. */
    public static final List<Choice> AGES = IntStream.rangeClosed(0, 17)
            .mapToObj(years -> new Choice(String.valueOf(years), years + " tuổi"))
            .toList();

    /** Today's 34 provinces, as options. */
    public static List<Choice> provinces() {
        ProvinceTable table = ProvinceTable.builtIn();
        List<Choice> choices = new ArrayList<>();
        table.currentProvinces().forEach(p -> choices.add(new Choice(p.code(), p.name())));
        return choices;
    }

    /** The legacy provinces (before 1 July 2025) whose name is not today's, each naming where it now belongs. */
    public static List<Choice> legacyProvinces() {
        ProvinceTable table = ProvinceTable.builtIn();
        List<Choice> choices = new ArrayList<>();
        for (ProvinceTable.LegacyProvince legacy : table.legacyProvinces()) {
            String today = table.current(legacy.currentCode()).orElseThrow().name();
            if (!today.equals(legacy.name())) {
                choices.add(new Choice(LEGACY + legacy.code(), legacy.name() + " (nay thuộc " + today + ")"));
            }
        }
        return choices;
    }

    /** What is wrong, by field name, in form order; empty when the form can be submitted. */
    public Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (enumValue(Category.class, category) == null) {
            errors.put("category", "Hãy chọn điều đã xảy ra.");
        }
        if (enumValue(Urgency.class, urgency) == null) {
            errors.put("urgency", "Hãy cho biết trẻ có đang gặp nguy hiểm không.");
        }
        if (blank(description)) {
            errors.put("description", "Hãy kể ngắn gọn chuyện gì đã xảy ra.");
        } else if (description.strip().length() > MAX_DESCRIPTION) {
            errors.put("description", "Phần kể hơi dài: tối đa " + MAX_DESCRIPTION + " chữ cái.");
        }
        if (blank(province)) {
            errors.put("province", "Hãy chọn tỉnh, thành phố (hoặc chọn \"Tôi không biết\").");
        } else if (!province.equals(UNKNOWN_PROVINCE) && provinceCode() == null) {
            errors.put("province", "Tỉnh, thành phố này không có trong danh sách.");
        }
        if (!blank(commune) && commune.strip().length() > 200) {
            errors.put("commune", "Tên xã, phường dài quá 200 chữ cái.");
        }
        List<String> urls = urls();
        if (urls.size() > MAX_LINKS) {
            errors.put("links", "Tối đa " + MAX_LINKS + " đường dẫn.");
        } else if (urls.stream().anyMatch(u -> !u.matches("(?i)https?://\\S+") || u.length() > 2048)) {
            errors.put("links", "Mỗi dòng là một đường dẫn bắt đầu bằng http:// hoặc https://");
        }
        if (!blank(age) && ageYears() == null) {
            errors.put("age", "Hãy chọn tuổi từ 0 đến 17, hoặc để trống.");
        }
        if (!blank(relationship) && enumValue(ReporterRelationship.class, relationship) == null) {
            errors.put("relationship", "Hãy chọn một trong các lựa chọn.");
        }
        if (!blank(name) && name.strip().length() > 200) {
            errors.put("name", "Tên dài quá 200 chữ cái.");
        }
        if (!blank(phone) && !phoneNumber().matches("0\\d{9}|\\+84\\d{9}")) {
            errors.put("phone", "Số điện thoại gồm 10 chữ số, ví dụ 0912345678.");
        }
        if (!blank(email) && (email.strip().length() > 254 || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.put("email", "Địa chỉ email chưa đúng, ví dụ ten@example.vn.");
        }
        return errors;
    }

    /** Whether the honeypot was filled: no person sees that field. */
    public boolean filledByBot() {
        return !blank(website);
    }

    /**
     * The report as intake takes it, channel {@code WEB_PUBLIC}. Anonymous unless the reporter left a name, phone
     * or e-mail. A commune given as 5 digits is a code (a legacy ward code when a legacy province was chosen); in
     * words it goes into the encrypted address, where units read it.
     */
    public ReportSubmission toSubmission() {
        boolean legacy = province.startsWith(LEGACY);
        String code = provinceCode();
        String place = blank(commune) ? null : commune.strip();
        boolean placeIsCode = place != null && place.matches("\\d{5}");
        ReportSubmission.Location location = code == null
                ? null
                : new ReportSubmission.Location(
                        code,
                        placeIsCode && !legacy ? place : null,
                        null,
                        placeIsCode && legacy ? place : null,
                        placeIsCode ? null : place);
        Integer years = ageYears();
        ReportSubmission.Victim victim = years == null ? null : new ReportSubmission.Victim(years, null, null, null);
        boolean anonymous = blank(name) && blank(phone) && blank(email);
        ReportSubmission.Reporter reporter = new ReportSubmission.Reporter(
                anonymous,
                orNull(name),
                blank(phone) ? null : phoneNumber(),
                orNull(email),
                enumValue(ReporterRelationship.class, relationship));
        List<ReportSubmission.Content> content = urls().stream()
                .map(url -> new ReportSubmission.Content(url, null, null, null, null, null))
                .toList();
        return new ReportSubmission(
                new ReportSubmission.Source(SourceChannel.WEB_PUBLIC, null),
                enumValue(Category.class, category),
                enumValue(Urgency.class, urgency),
                description.strip(),
                null,
                location,
                victim,
                reporter,
                content);
    }

    private String provinceCode() {
        ProvinceTable table = ProvinceTable.builtIn();
        if (province.startsWith(LEGACY)) {
            String code = province.substring(LEGACY.length());
            return table.legacy(code).isPresent() ? code : null;
        }
        return table.current(province).isPresent() ? province : null;
    }

    private List<String> urls() {
        if (blank(links)) {
            return List.of();
        }
        return links.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .distinct()
                .toList();
    }

    private Integer ageYears() {
        if (blank(age) || !age.strip().matches("\\d{1,2}")) {
            return null;
        }
        int years = Integer.parseInt(age.strip());
        return years <= 17 ? years : null;
    }

    private String phoneNumber() {
        return phone.replaceAll("[\\s.-]", "");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String orNull(String value) {
        return blank(value) ? null : value.strip();
    }
}
