package vn.childsafe.intake.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.childsafe.intake.messaging.RoutingCaseEvents;
import vn.childsafe.intake.rest.ReportApi;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.KafkaTestClient;
import vn.childsafe.testsupport.TestTokens;

/**
 * The public reporting page over HTTP: the same intake path as the API (channel WEB_PUBLIC, identity encrypted,
 * nothing of it on Kafka), CSRF, the honeypot, per-address quotas, strict headers, errors next to their fields and
 * the coarse status look-up. Each test is a client address of its own (X-Forwarded-For from the trusted loopback
 * proxy), so that quotas do not leak between tests.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
public class PublicPageTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("id=\"tracking-code\">(CS-[0-9A-Z]{4}-[0-9A-Z]{4})<");
    /** Identity typed into the page; LogHygieneTest checks the log holds none of it. */
    public static final String REPORTER_NAME = "Lê Thị Mai";

    public static final String REPORTER_PHONE = "0987654321";

    /** A report through the API, which page tokens do not concern. */
    private static final String API_REPORT =
            "{\"category\": \"OTHER\", \"urgency\": \"NORMAL\", \"description\": \"API\"}";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.log.file.path")
    String logFile;

    /** A browser session: the CSRF cookie and the token of the form it was given, from one client address. */
    private record Session(String address, Map<String, String> cookies, String token) {}

    @Test
    void theFormComesWithStrictHeadersThe111LineFirstAndALabelForEveryField() {
        Response page = given().header("X-Forwarded-For", "198.51.100.1").when().get("/phan-anh");
        page.then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Cache-Control", equalTo("no-store"));
        assertThat(page.getHeaders().getValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("csrf-token=")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));

        String html = page.asString();
        assertThat(html.indexOf("tel:111")).isPositive().isLessThan(html.indexOf("<form"));
        assertThat(html.indexOf("tel:113")).isPositive().isLessThan(html.indexOf("<form"));
        assertThat(html).doesNotContain("<script").doesNotContain("style=");
        Set<String> ids = matches(html, "<(?:input|select|textarea)[^>]*?\\sid=\"([^\"]+)\"");
        Set<String> labelled = matches(html, "<label for=\"([^\"]+)\"");
        assertThat(ids).hasSizeGreaterThan(20);
        assertThat(labelled).containsAll(ids);

        given().when()
                .get("/static/phan-anh.css")
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        String openApi = given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(openApi).doesNotContain("/phan-anh");
    }

    @Test
    void aReportFromThePageIsAcceptedAsWebPublicWithIdentityEncryptedAndNoneOfItOnKafka() throws Exception {
        Session session = open("198.51.100.2");
        Map<String, String> form = validForm();
        form.put("name", REPORTER_NAME);
        form.put("phone", "0987 654 321");
        form.put("links", "https://www.tiktok.com/@la/video/7300000000000000001\n\nhttps://zalo.me/g/abc");
        form.put("commune", "Phường Ba Đình");
        String html = post(session, "/phan-anh", form)
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .extract()
                .asString();
        String code = first(CODE, html);

        Map<String, Object> row = report(code);
        assertThat(row)
                .containsEntry("source_channel", "WEB_PUBLIC")
                .containsEntry("client_id", "public-web-page")
                .containsEntry("category", "GROOMING")
                .containsEntry("urgency", "NORMAL")
                .containsEntry("province_code", "01")
                .containsEntry("reporter_anonymous", false)
                .containsEntry("reporter_relationship", "PARENT")
                .containsEntry("victim_age_years", 12);
        assertThat((String) row.get("reporter_name_enc")).isNotBlank().doesNotContain("Mai");
        assertThat((String) row.get("reporter_phone_enc")).isNotBlank().doesNotContain(REPORTER_PHONE);
        assertThat((String) row.get("address_enc")).isNotBlank().doesNotContain("Ba Đình");
        assertThat((String) row.get("content")).contains("tiktok.com").contains("zalo.me");

        ConsumerRecord<String, String> event = new KafkaTestClient(kafka)
                .awaitRecord("reports.received.v1", row.get("id").toString(), Duration.ofSeconds(30));
        assertThat(event.value())
                .contains("\"sourceChannel\":\"WEB_PUBLIC\"")
                .contains("tiktok.com")
                .doesNotContain("Mai")
                .doesNotContain(REPORTER_PHONE)
                .doesNotContain("Ba Đình")
                .doesNotContain("nhắn tin");
        // Nor in the log (ChildSafe's own code logs at DEBUG in tests), and not the tracking code either.
        assertThat(Files.readString(Path.of(logFile), StandardCharsets.UTF_8))
                .contains(row.get("id").toString())
                .doesNotContain(REPORTER_NAME)
                .doesNotContain(REPORTER_PHONE)
                .doesNotContain("Ba Đình")
                .doesNotContain(code);
    }

    @Test
    void aReporterWhoLeavesNoContactIsAnonymousAndALongVietnameseStoryFits() throws Exception {
        Session session = open("198.51.100.3");
        Map<String, String> form = validForm();
        form.put(
                "description", "Bạn ấy bị nhắn tin đe dọa mỗi ngày. ".repeat(80).strip());
        form.put("province", "cu-30");
        form.put("commune", "10507");
        String code = first(
                CODE,
                post(session, "/phan-anh", form)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());

        Map<String, Object> row = report(code);
        assertThat(row)
                .containsEntry("reporter_anonymous", true)
                .containsEntry("province_code", "30")
                .containsEntry("ward_code", "10507")
                .containsEntry("commune_code", null);
        assertThat(row.get("reporter_name_enc")).isNull();
    }

    @Test
    void aPostWithoutAValidCsrfTokenIsRefusedAndNothingIsStored() throws Exception {
        Session session = open("198.51.100.4");
        long before = pageReports();

        // No token at all: a forged cross-site form.
        given().header("X-Forwarded-For", session.address())
                .cookies(session.cookies())
                .contentType(ContentType.URLENC)
                .formParams(validForm())
                .post("/phan-anh")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("Chưa gửi được"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        // A token without its cookie, and a cookie with another token.
        Map<String, String> withToken = validForm();
        withToken.put("csrf-token", session.token());
        given().header("X-Forwarded-For", session.address())
                .contentType(ContentType.URLENC)
                .formParams(withToken)
                .post("/phan-anh")
                .then()
                .statusCode(400);
        withToken.put("csrf-token", open("198.51.100.4").token());
        given().header("X-Forwarded-For", session.address())
                .cookies(session.cookies())
                .contentType(ContentType.URLENC)
                .formParams(withToken)
                .post("/phan-anh")
                .then()
                .statusCode(400);
        Map<String, String> lookUp = new HashMap<>(Map.of("code", "CS-2345-6789"));
        given().header("X-Forwarded-For", session.address())
                .cookies(session.cookies())
                .contentType(ContentType.URLENC)
                .formParams(lookUp)
                .post("/phan-anh/tra-cuu")
                .then()
                .statusCode(400);

        assertThat(pageReports()).isEqualTo(before);
        // The API is not held to page tokens: a bearer token is no ambient credential.
        ReportApi.submit(TestTokens.reporter("gov"), API_REPORT).then().statusCode(202);
    }

    @Test
    void aFilledHoneypotIsRefusedWithoutStoringAnything() throws Exception {
        Session session = open("198.51.100.5");
        long before = pageReports();
        Map<String, String> form = validForm();
        form.put("website", "http://spam.example");
        String html = post(session, "/phan-anh", form)
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(html).contains("role=\"alert\"").contains("Chưa gửi được");
        assertThat(pageReports()).isEqualTo(before);
    }

    @Test
    void missingAndWrongFieldsAreShownNextToTheirFieldAndWhatWasTypedIsKept() throws Exception {
        Session session = open("198.51.100.6");
        long before = pageReports();
        Map<String, String> form = validForm();
        form.remove("category");
        form.put("description", " ");
        form.put("phone", "12345");
        form.put("links", "www.example.com/no-scheme");
        form.put("commune", "Xã Đông Anh");
        String html = post(session, "/phan-anh", form)
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .extract()
                .asString();

        assertThat(html).contains("<title>Có lỗi: ");
        assertThat(html).containsPattern("class=\"summary\" role=\"alert\"");
        assertThat(html)
                .containsPattern("id=\"category-field\" aria-describedby=\"category-error\" aria-invalid=\"true\"");
        assertThat(html).containsPattern("id=\"category-error\">.*Hãy chọn điều đã xảy ra");
        assertThat(html)
                .containsPattern("aria-describedby=\"description-hint description-error\" aria-invalid=\"true\"");
        assertThat(html).contains("id=\"phone-error\"").contains("id=\"links-error\"");
        assertThat(html).doesNotContain("id=\"urgency-error\"").doesNotContain("id=\"province-error\"");
        // Each message sits right before its own field.
        assertThat(html.indexOf("id=\"phone-error\""))
                .isLessThan(html.indexOf("id=\"phone-field\""))
                .isGreaterThan(html.indexOf("for=\"phone-field\""));
        assertThat(html)
                .contains("value=\"Xã Đông Anh\"")
                .contains("www.example.com/no-scheme")
                .containsPattern("value=\"NORMAL\" required checked");
        assertThat(pageReports()).isEqualTo(before);
    }

    @Test
    void eachAddressHasItsQuotaOfSubmissionsAndLookUpsAndOthersGoOn() throws Exception {
        Session session = open("198.51.100.7");
        Map<String, String> invalid = Map.of("description", "");
        // Buckets refill as time passes (10 a minute: one every 6 s), so count what passes before the first 429.
        assertThat(passedBefore429(() -> post(session, "/phan-anh", invalid), 400))
                .isBetween(10, 12);
        String retryAfter = post(session, "/phan-anh", invalid)
                .then()
                .statusCode(429)
                .contentType(containsString("text/html"))
                .body(containsString("Xin đợi"))
                .extract()
                .header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        post(open("198.51.100.8"), "/phan-anh", invalid).then().statusCode(400);

        assertThat(passedBefore429(() -> post(session, "/phan-anh/tra-cuu", Map.of("code", "CS-2345-6789")), 404))
                .isBetween(30, 36);
    }

    /** How many requests answered {@code status} before the first 429 (at most 50 are sent). */
    private static int passedBefore429(Supplier<Response> request, int status) {
        for (int passed = 0; passed < 50; passed++) {
            Response response = request.get();
            if (response.statusCode() == 429) {
                assertThat(response.header("Retry-After")).isNotBlank();
                return passed;
            }
            assertThat(response.statusCode()).isEqualTo(status);
        }
        throw new AssertionError("no 429 after 50 requests");
    }

    @Test
    void theStatusPageShowsOnlyACoarseStateAndTheLeadUnitOfAPageReport() throws Exception {
        Session session = open("198.51.100.9");
        String code = first(
                CODE,
                post(session, "/phan-anh", validForm())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());

        String html = post(session, "/phan-anh/tra-cuu", Map.of("code", " " + code.toLowerCase() + " "))
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .extract()
                .asString();
        assertThat(html).contains("Đã tiếp nhận").doesNotContain("nhắn tin").doesNotContain("GROOMING");

        String reportId = report(code).get("id").toString();
        UUID caseId = UUID.randomUUID();
        RoutingCaseEvents.publish(
                kafka,
                caseId,
                "vn.childsafe.case.acknowledged.v1",
                RoutingCaseEvents.withLead(caseId, "ACKNOWLEDGED", reportId, "CA-01", "Công an Thành phố Hà Nội"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(post(session, "/phan-anh/tra-cuu", Map.of("code", code.substring(3)))
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .contains("Đang được xử lý")
                        .contains("Công an Thành phố Hà Nội"));

        post(session, "/phan-anh/tra-cuu", Map.of("code", "CS-2345-6789"))
                .then()
                .statusCode(404)
                .body(containsString("id=\"code-error\" role=\"alert\""));
        post(session, "/phan-anh/tra-cuu", Map.of("code", "xin chào"))
                .then()
                .statusCode(400)
                .body(containsString("aria-describedby=\"code-hint code-error\""));
        // An API report's tracking code is not the page's to show.
        String apiCode = ReportApi.submit(TestTokens.reporter("gov"), API_REPORT)
                .then()
                .statusCode(202)
                .extract()
                .path("trackingCode");
        post(session, "/phan-anh/tra-cuu", Map.of("code", apiCode)).then().statusCode(404);
    }

    private static Map<String, String> validForm() {
        Map<String, String> form = new HashMap<>();
        form.put("category", "GROOMING");
        form.put("urgency", "NORMAL");
        form.put("description", "Một người lạ nhắn tin rủ cháu gặp mặt và đòi gửi ảnh.");
        form.put("province", "01");
        form.put("age", "12");
        form.put("relationship", "PARENT");
        form.put("website", "");
        return form;
    }

    private static Session open(String address) {
        Response page = given().header("X-Forwarded-For", address).when().get("/phan-anh");
        page.then().statusCode(200);
        return new Session(address, page.getCookies(), first(TOKEN, page.asString()));
    }

    private static Response post(Session session, String path, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf-token", session.token());
        return given().header("X-Forwarded-For", session.address())
                .cookies(session.cookies())
                .contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                .formParams(form)
                .when()
                .post(path);
    }

    private Map<String, Object> report(String trackingCode) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM report WHERE tracking_code = ?")) {
            s.setString(1, trackingCode);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("report %s stored", trackingCode).isTrue();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                return row;
            }
        }
    }

    private long pageReports() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM report WHERE client_id = ?")) {
            s.setString(1, "public-web-page");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find())
                .as("%s in %s", pattern, text.length() > 2000 ? text.substring(0, 2000) : text)
                .isTrue();
        return m.group(1);
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
