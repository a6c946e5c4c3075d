package vn.childsafe.local.stack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The reports the benchmark and the whole-stack tests send in bulk: realistic bodies whose category and province
 * cycle, each with content of its own so that routing opens a case for it rather than linking it to another.
 */
final class LoadReports {

    private static final String[] CATEGORIES = {"GROOMING", "CYBERBULLYING", "HARMFUL_CONTENT", "OTHER", "SCAM"};
    private static final String[] PROVINCES = {"01", "31", "44", "75", "30", "70"};

    private LoadReports() {}

    /**
     * The {@code i}-th report: {@code reference} is its source reference, {@code note} is added to its description,
     * and {@code contentId} makes its content URL unique.
     */
    static String body(int i, String reference, String urgency, String note, String contentId) {
        return """
                {"source": {"channel": "GOV_SYSTEM", "reference": "%s"},
                 "category": "%s", "urgency": "%s",
                 "description": "Phụ huynh phản ánh: con tôi bị một tài khoản lạ nhắn tin đe doạ trên mạng xã hội%s.",
                 "location": {"provinceCode": "%s"},
                 "victim": {"ageYears": 13, "gender": "MALE", "name": "Lê Văn Nam"},
                 "reporter": {"name": "Lê Thị Lan", "phone": "0987654321", "relationship": "PARENT"},
                 "content": [{"url": "https://www.tiktok.com/@example/video/%s", "platform": "tiktok"}]}""".formatted(
                        reference,
                        CATEGORIES[i % CATEGORIES.length],
                        urgency,
                        note,
                        PROVINCES[i % PROVINCES.length],
                        contentId);
    }

    /** The request that submits {@code body} to the intake service at {@code intakeUrl} with {@code token}. */
    static HttpRequest submit(String intakeUrl, String token, Duration timeout, String body) {
        return HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/reports"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
