package vn.childsafe.routing.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.routing.domain.RoutingRules;
import vn.childsafe.routing.messaging.EventRecords;
import vn.childsafe.routing.rules.RuleSetApi;
import vn.childsafe.routing.service.RoutingResult;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.EventSchemas;
import vn.childsafe.testsupport.KafkaTestClient;
import vn.childsafe.testsupport.TestTokens;

/**
 * Content identity (docs/routing-rules.md, section 7), on real PostgreSQL and Kafka: share links of the same content
 * on each supported platform, PDQ hashes either side of the threshold, known-content hash lists, and a URL rule
 * change that applies only once activated.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class ContentIdentityTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    KafkaTestClient kafka;

    @Inject
    CaseFixtures fixtures;

    @Inject
    ObjectMapper objectMapper;

    private final Random random = new Random();

    @BeforeEach
    void seed() {
        CaseFixtures.putProvinceUnits("48");
    }

    @Test
    void shareLinkVariantsOfEachPlatformJoinOneCase() throws Exception {
        String yt = token(11);
        String tt = digits(19);
        String fb = digits(16);
        String ig = token(11);
        String tw = digits(19);
        String tg = digits(4);
        String zl = token(8);
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put(
                "youtube",
                List.of(
                        "https://youtu.be/" + yt + "?si=Ab12Cd34",
                        "https://www.youtube.com/watch?v=" + yt + "&feature=share",
                        "https://m.youtube.com/shorts/" + yt + "?si=x",
                        "youtube.com/watch?v=" + yt));
        variants.put(
                "tiktok",
                List.of(
                        "https://www.tiktok.com/@be.an/video/" + tt + "?is_from_webapp=1&sender_device=pc",
                        "https://m.tiktok.com/v/" + tt + ".html",
                        "https://www.tiktok.com/@be.an/video/" + tt + "?_r=1&_t=8k"));
        variants.put(
                "facebook",
                List.of(
                        "https://www.facebook.com/watch/?v=" + fb + "&mibextid=Nif5oz",
                        "https://m.facebook.com/watch?v=" + fb,
                        "https://web.facebook.com/watch/?v=" + fb + "&rdid=x"));
        variants.put(
                "instagram",
                List.of(
                        "https://www.instagram.com/p/" + ig + "/?igsh=MWQ1ZGUxMzBkMA==",
                        "https://instagram.com/p/" + ig,
                        "https://www.instagram.com/p/" + ig + "/?img_index=2"));
        variants.put(
                "x",
                List.of(
                        "https://x.com/someone/status/" + tw + "?s=20&t=abc",
                        "https://twitter.com/someone/status/" + tw,
                        "https://mobile.twitter.com/someone/status/" + tw));
        variants.put(
                "telegram",
                List.of(
                        "https://t.me/kenhxau/" + tg + "?single",
                        "https://t.me/s/kenhxau/" + tg,
                        "https://telegram.me/kenhxau/" + tg));
        variants.put("zalo", List.of("https://zalo.me/g/" + zl + "?src=share", "https://zalo.me/g/" + zl));

        Map<String, List<UUID>> reports = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> platform : variants.entrySet()) {
            for (String url : platform.getValue()) {
                ReportReceived report = report(Category.HARMFUL_CONTENT, Urgency.NORMAL, urlItem(url));
                kafka.send(EventRecords.report(objectMapper, report, null));
                reports.computeIfAbsent(platform.getKey(), k -> new ArrayList<>())
                        .add(report.reportId());
            }
        }
        List<UUID> all = reports.values().stream().flatMap(List::stream).toList();
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        fixtures.count("SELECT count(*) FROM case_report WHERE report_id = ANY(?)", all) == all.size());

        for (Map.Entry<String, List<UUID>> platform : reports.entrySet()) {
            List<UUID> ids = platform.getValue();
            List<String> cases =
                    fixtures.query("SELECT DISTINCT case_id::text FROM case_report WHERE report_id = ANY(?)", ids);
            assertThat(cases).as("cases of the %s variants", platform.getKey()).hasSize(1);
            UUID caseId = UUID.fromString(cases.get(0));
            assertThat(fixtures.query(
                            "SELECT DISTINCT canonical_rule FROM case_content WHERE case_id = ?::uuid", caseId))
                    .containsExactly(platform.getKey());
            assertThat(fixtures.query(
                            "SELECT matched_by FROM case_report WHERE case_id = ?::uuid AND matched_by IS NOT NULL",
                            caseId))
                    .hasSize(ids.size() - 1)
                    .allMatch(m -> m.startsWith("canonical URL ") && m.endsWith("(rule " + platform.getKey() + ")"));
            CaseFixtures.getCase(TestTokens.admin(), caseId)
                    .statusCode(200)
                    .body("reports.size()", equalTo(ids.size()))
                    .body("content.canonicalRule", Matchers.everyItem(equalTo(platform.getKey())))
                    .body(
                            "content.url",
                            Matchers.containsInAnyOrder(variants.get(platform.getKey()).stream()
                                    .map(String::strip)
                                    .toArray()));
        }
    }

    @Test
    void pdqWithinTheThresholdJoinsAndOneBitBeyondDoesNot() throws Exception {
        byte[] original = randomBits();
        // 31 flips spread over every band (2 bits in 15 bands, 1 in the last): only one band stays within one
        // bit, which is all the banded index guarantees to find.
        int[] near = new int[31];
        for (int band = 0, n = 0; band < 16; band++) {
            near[n++] = band * 16;
            if (band < 15) {
                near[n++] = band * 16 + 1;
            }
        }
        // 32 flips on bits the near copy left alone: 32 from the original, 63 from the near copy.
        int[] far = new int[32];
        for (int band = 0, n = 0; band < 16; band++) {
            far[n++] = band * 16 + 2;
            far[n++] = band * 16 + 3;
        }
        String pdq = hex(original);
        UUID first = route(pdqItem(pdq, 90)).caseId();
        RoutingResult joined = route(pdqItem(hex(flip(original, near)), 80));
        assertThat(joined.outcome()).isEqualTo(RoutingResult.Outcome.LINKED);
        assertThat(joined.caseId()).isEqualTo(first);
        RoutingResult beyond = route(pdqItem(hex(flip(original, far)), 80));
        assertThat(beyond.outcome()).isEqualTo(RoutingResult.Outcome.ROUTED);
        assertThat(beyond.caseId()).isNotEqualTo(first);
        // Low quality hashes are kept but never matched, even when identical.
        RoutingResult blurry = route(pdqItem(pdq, 20));
        assertThat(blurry.outcome()).isEqualTo(RoutingResult.Outcome.ROUTED);

        CaseFixtures.getCase(TestTokens.admin(), first)
                .statusCode(200)
                .body("reports.matchedBy", hasItem("PDQ distance 31"))
                .body("timeline.detail", hasItem(Matchers.containsString("(PDQ distance 31)")));
        Map<String, Object> nearCopy = Map.of(
                "category",
                "OTHER",
                "urgency",
                "NORMAL",
                "location",
                Map.of("provinceCode", "48"),
                "content",
                List.of(Map.of("pdq", hex(flip(original, new int[] {7, 100, 200})))));
        RuleSetApi.simulate(TestTokens.admin(), null, nearCopy)
                .then()
                .statusCode(200)
                .body("duplicateOf.caseId", equalTo(first.toString()))
                .body("duplicateOf.matchedBy", equalTo("PDQ distance 3"));
    }

    @Test
    void aListedHashMarksTheReportAndEventsNameOnlyTheList() throws Exception {
        String list = "test-" + token(8).toLowerCase();
        String sha = hex(randomBits());
        byte[] picture = randomBits();
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", list, "source", "Hotline test", "category", "CSAM"))
                .when()
                .post("/api/v1/hash-lists")
                .then()
                .statusCode(201)
                .body("entryCount", equalTo(0));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("text/csv")
                .body("# test list\r\nsha256," + sha.toUpperCase() + "\r\n\r\nmd5,"
                        + hex(randomBits()).substring(0, 32) + "\npdq," + hex(picture) + "\n")
                .when()
                .put("/api/v1/hash-lists/" + list + "/entries")
                .then()
                .statusCode(200)
                .body("sha256", equalTo(1))
                .body("md5", equalTo(1))
                .body("pdq", equalTo(1))
                .body("total", equalTo(3));

        String url = "https://video.example.com/v/" + UUID.randomUUID();
        RoutingResult exact =
                route(Category.OTHER, Urgency.NORMAL, new ReportReceived.ContentItem(url, null, sha, null, null, null));
        assertThat(exact.outcome()).isEqualTo(RoutingResult.Outcome.ROUTED);
        CaseFixtures.getCase(TestTokens.admin(), exact.caseId())
                .statusCode(200)
                .body("category", equalTo("CSAM"))
                .body("urgency", equalTo("HIGH"))
                .body("ruleId", equalTo("R2"))
                .body("takedownRequired", equalTo(true))
                .body("takedownUrls", Matchers.contains(url))
                .body(
                        "explanation",
                        hasItem("content: sha256 on list " + list + " (Hotline test, CSAM): category "
                                + "CSAM, urgency at least HIGH, takedown required"));
        String routed = fixtures.outboxPayload(exact.caseId(), EventTypes.CASE_ROUTED);
        assertThat(EventSchemas.violations("case-routed.v1.schema.json", routed))
                .isEmpty();
        assertThat(objectMapper.readTree(routed).get("knownContentLists"))
                .extracting(JsonNode::asText)
                .containsExactly(list);
        assertThat(routed).doesNotContain(sha).doesNotContain(hex(picture));

        RoutingResult near = route(
                Category.CYBERBULLYING,
                Urgency.NORMAL,
                new ReportReceived.ContentItem(
                        "https://video.example.com/v/" + UUID.randomUUID(),
                        null,
                        null,
                        null,
                        hex(flip(picture, new int[] {1, 2, 3, 4, 5})),
                        100));
        CaseFixtures.getCase(TestTokens.admin(), near.caseId())
                .statusCode(200)
                .body("category", equalTo("CSAM"))
                .body("urgency", equalTo("HIGH"))
                .body("explanation", hasItem(Matchers.startsWith("content: PDQ at distance 5 on list " + list)));

        // A bad import changes nothing and names every bad line.
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("text/csv")
                .body("sha256," + hex(randomBits()) + "\nsha256,xyz\nmd5," + hex(randomBits()) + "\nsha1,abc\n")
                .when()
                .put("/api/v1/hash-lists/" + list + "/entries")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", Matchers.contains("/lines/2", "/lines/3", "/lines/4"));
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/api/v1/hash-lists/" + list)
                .then()
                .statusCode(200)
                .body("entryCount", equalTo(3));
        assertThat(route(
                                Category.OTHER,
                                Urgency.NORMAL,
                                new ReportReceived.ContentItem(null, null, sha, null, null, null))
                        .outcome())
                .as("still listed, and the same hash: joins the first case")
                .isEqualTo(RoutingResult.Outcome.LINKED);
        given().auth()
                .oauth2(TestTokens.unit("CA-48"))
                .when()
                .get("/api/v1/hash-lists")
                .then()
                .statusCode(403);
        String nearPicture = hex(flip(picture, new int[] {9, 99, 199}));
        simulatePdq(nearPicture)
                .body("knownContent.listName", Matchers.contains(list))
                .body("knownContent[0].distance", equalTo(3));
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .delete("/api/v1/hash-lists/" + list)
                .then()
                .statusCode(204);
        assertThat(fixtures.count("SELECT count(*) FROM hash_list_entry WHERE list_name = ?", list))
                .isZero();
        simulatePdq(nearPicture).body("knownContent", Matchers.empty());
    }

    @Test
    void aUrlRuleChangeTakesEffectAfterActivationOnly() throws Exception {
        String version = "urls-" + token(6).toLowerCase();
        JsonNode active = objectMapper
                .readTree(RuleSetApi.get(TestTokens.admin(), RoutingRules.DEFAULT_VERSION)
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("definition");
        ObjectNode draft = active.deepCopy();
        draft.put("version", version);
        ArrayNode platforms = (ArrayNode) draft.get("contentIdentity").get("platforms");
        platforms.add(objectMapper.readTree("""
                {"id": "vidvn", "hosts": ["vid.example.vn"], "canonicalHost": "vid.example.vn", "keepParams": [],
                 "paths": [{"match": "/watch/{id}", "canonical": "/v/{id}"},
                           {"match": "/embed/{id}", "canonical": "/v/{id}"}]}"""));
        RuleSetApi.postDraft(TestTokens.admin(), draft.toString()).then().statusCode(201);

        String before = token(10);
        assertThat(route(urlItem("https://vid.example.vn/watch/" + before)).outcome())
                .isEqualTo(RoutingResult.Outcome.ROUTED);
        assertThat(route(urlItem("https://vid.example.vn/embed/" + before)).outcome())
                .as("the draft is not active yet")
                .isEqualTo(RoutingResult.Outcome.ROUTED);
        Map<String, Object> shared = Map.of(
                "category",
                "OTHER",
                "urgency",
                "NORMAL",
                "content",
                List.of(Map.of("url", "https://vid.example.vn/embed/" + before + "?ref=share")));
        RuleSetApi.simulate(TestTokens.admin(), version, shared)
                .then()
                .statusCode(200)
                .body("content[0].canonicalUrl", equalTo("vid.example.vn/v/" + before))
                .body("content[0].canonicalRule", equalTo("vidvn"));

        try {
            RuleSetApi.activate(version).then().statusCode(200);
            String after = token(10);
            UUID caseId =
                    route(urlItem("https://vid.example.vn/watch/" + after)).caseId();
            RoutingResult joined = route(urlItem("https://vid.example.vn/embed/" + after + "?ref=share"));
            assertThat(joined.outcome()).isEqualTo(RoutingResult.Outcome.LINKED);
            assertThat(joined.caseId()).isEqualTo(caseId);
        } finally {
            RuleSetApi.activate(RoutingRules.DEFAULT_VERSION).then().statusCode(200);
        }

        platforms.add(objectMapper.readTree("""
                {"id": "vidvn", "hosts": ["Not A Host"], "canonicalHost": "x", "paths": [{"match": "watch/{id}",
                 "canonical": "/v/{other}"}]}"""));
        draft.put("version", version + "-bad");
        RuleSetApi.postDraft(TestTokens.admin(), draft.toString())
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", hasItem(Matchers.startsWith("/contentIdentity/platforms/")));
    }

    private static ValidatableResponse simulatePdq(String pdq) {
        Map<String, Object> report =
                Map.of("category", "OTHER", "urgency", "NORMAL", "content", List.of(Map.of("pdq", pdq)));
        return RuleSetApi.simulate(TestTokens.admin(), null, report).then().statusCode(200);
    }

    private RoutingResult route(ReportReceived.ContentItem... content) {
        return route(Category.OTHER, Urgency.NORMAL, content);
    }

    private RoutingResult route(Category category, Urgency urgency, ReportReceived.ContentItem... content) {
        return fixtures.route(report(category, urgency, content));
    }

    private static ReportReceived report(Category category, Urgency urgency, ReportReceived.ContentItem... content) {
        return CaseFixtures.webReport("48", category, urgency, content);
    }

    private static ReportReceived.ContentItem urlItem(String url) {
        return new ReportReceived.ContentItem(url, null, null, null, null, null);
    }

    private static ReportReceived.ContentItem pdqItem(String pdq, int quality) {
        return new ReportReceived.ContentItem(null, null, null, null, pdq, quality);
    }

    private byte[] randomBits() {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        return bits;
    }

    private static byte[] flip(byte[] bits, int[] positions) {
        byte[] copy = bits.clone();
        for (int p : positions) {
            copy[p / 8] ^= (byte) (0x80 >>> (p % 8));
        }
        return copy;
    }

    private static String hex(byte[] bits) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bits) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private String token(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length() - (i == 0 ? 2 : 0))));
        }
        return text.toString();
    }

    private String digits(int length) {
        StringBuilder text = new StringBuilder().append(1 + random.nextInt(9));
        while (text.length() < length) {
            text.append(random.nextInt(10));
        }
        return text.toString();
    }
}
