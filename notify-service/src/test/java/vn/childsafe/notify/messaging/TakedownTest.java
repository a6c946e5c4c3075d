package vn.childsafe.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.notify.support.CaseEvents;
import vn.childsafe.notify.support.ChannelStubs;
import vn.childsafe.notify.support.EndToEnd;
import vn.childsafe.notify.support.MutableClock;
import vn.childsafe.notify.support.WebhookReceiver;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.EventSchemas;
import vn.childsafe.testsupport.TestTokens;

/**
 * Takedowns end to end: platforms registered through the API, signed requests to a real HTTP endpoint standing in
 * for the platform, results posted back, overdue requests re-noticed and escalated by the scheduler under a
 * controllable clock, compliance figures, and every step on notify.events.v1.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelStubs.class, scope = TestResourceScope.GLOBAL)
class TakedownTest extends EndToEnd {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String random() {
        return UUID.randomUUID().toString().substring(0, 8).toLowerCase();
    }

    /** Registers a platform whose takedown endpoint is the test receiver; returns its secret. */
    private String registerPlatform(String code, String domain) {
        String secret = WebhookSignature.newSecret();
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(platform(code, "Nền tảng " + code, List.of(domain.toUpperCase()), receiver.urlFor(code), secret))
                .post("/api/v1/platforms")
                .then()
                .statusCode(201)
                .body("domains", equalTo(List.of(domain)))
                .body("secretCount", equalTo(1));
        return secret;
    }

    /** A platform's request body; {@code code} is left out when {@code null} (PUT names it in the path). */
    private static Map<String, Object> platform(
            String code, String name, List<String> domains, String takedownUrl, String secret) {
        Map<String, Object> body = new HashMap<>();
        if (code != null) {
            body.put("code", code);
        }
        body.put("name", name);
        body.put("domains", domains);
        body.put("takedownUrl", takedownUrl);
        body.put("secrets", List.of(secret));
        return body;
    }

    /** {@code token}'s POST of a takedown result. */
    private static ValidatableResponse postResult(String token, Map<String, Object> result, UUID requestId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(result)
                .post("/api/v1/takedown-requests/{id}/result", requestId)
                .then();
    }

    /** {@code token}'s list of the manual tasks of a case. */
    private static ValidatableResponse manualTasks(String token, UUID caseId) {
        return given().auth()
                .oauth2(token)
                .queryParam("caseId", caseId.toString())
                .get("/api/v1/manual-tasks")
                .then()
                .statusCode(200);
    }

    /** The notify events of a case read so far, after waiting until one of {@code kind} arrived. */
    private List<JsonNode> eventsOf(UUID caseId, String untilKind) {
        List<ConsumerRecord<String, String>> records = kafka().readUntil(
                        EventTypes.NOTIFY_TOPIC,
                        r -> caseId.toString().equals(r.key()) && r.value().contains("\"kind\":\"" + untilKind + "\""),
                        WAIT);
        return records.stream()
                .filter(r -> caseId.toString().equals(r.key()))
                .map(r -> {
                    assertThat(EventSchemas.violations("notify-event.v1.schema.json", r.value()))
                            .isEmpty();
                    assertThat(CloudEventHeaders.read(r.headers(), CloudEventHeaders.TYPE))
                            .isEqualTo("vn.childsafe.notify." + kindType(r.value()) + ".v1");
                    return json(r.value());
                })
                .toList();
    }

    private String kindType(String event) {
        return json(event).get("kind").asText().toLowerCase().replace('_', '-');
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(List<JsonNode> events, String kind) {
        return events.stream().filter(e -> kind.equals(e.get("kind").asText())).count();
    }

    @Test
    void platformsAreManagedByAdminsWithValidatedDomainsAndEndpoints() {
        String code = "PF-" + random().toUpperCase();
        String domain = "pf-" + random() + ".vn";
        registerPlatform(code, domain);

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(platform(code, "again", List.of(domain), receiver.urlFor(code), WebhookSignature.newSecret()))
                .post("/api/v1/platforms")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(platform(
                        null,
                        "Tên mới",
                        List.of("www." + domain, "cdn-" + domain),
                        receiver.urlFor(code),
                        WebhookSignature.newSecret()))
                .put("/api/v1/platforms/{code}", code)
                .then()
                .statusCode(200)
                .body("name", equalTo("Tên mới"))
                .body("domains", equalTo(List.of(domain, "cdn-" + domain)));
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/platforms/{code}", code)
                .then()
                .statusCode(200)
                .body("takedownUrl", equalTo(receiver.urlFor(code)));
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/platforms")
                .then()
                .statusCode(200)
                .body("code", hasItem(code));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(platform(null, "x", List.of("not a domain"), "https://169.254.169.254/latest", "nope"))
                .put("/api/v1/platforms/{code}", "BAD-" + random())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", Matchers.hasItems("/domains/0", "/takedownUrl", "/secrets/0"));
        given().auth().oauth2(TestTokens.ops()).get("/api/v1/platforms").then().statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/platforms/{code}", "NOPE-" + random())
                .then()
                .statusCode(404);
    }

    @Test
    void takedownsGoToTheMatchingPlatformAreDrivenToAResultAndOverdueOnesAreRenoticedAndEscalated() throws Exception {
        String platform = "TT-" + random().toUpperCase();
        String domain = "tt-" + random() + ".vn";
        String secret = registerPlatform(platform, domain);
        String otherPlatform = "YT-" + random().toUpperCase();
        registerPlatform(otherPlatform, "yt-" + random() + ".vn");
        String information = "TTTT-" + random().toUpperCase();
        registerWebhook(information);
        String lead = "CA-" + random().toUpperCase();
        UUID caseId = UUID.randomUUID();
        String first = "https://www." + domain + "/@kid/video/1?utm_source=x";
        String second = "https://m.live." + domain + "/watch/2";
        String unknown = "https://forum-" + random() + ".example/thread/3";

        kafka().send(CaseEvents.routedRecord(
                mapper, CaseEvents.routedWithTakedowns(caseId, lead, information, List.of(first, second, unknown))));

        // Two signed requests to the matching platform, with the legal basis and a 24 h deadline.
        awaitReceived(platform, caseId, 2);
        Map<String, JsonNode> byUrl = new HashMap<>();
        for (WebhookReceiver.Received request : receiver.requestsFor(platform, caseId.toString())) {
            assertThat(request.signedBy(secret)).isTrue();
            JsonNode notice = mapper.readTree(request.body());
            assertThat(notice.get("type").asText()).isEqualTo("takedown.requested");
            assertThat(notice.get("legalBasis").asText()).isEqualTo("Nghị định 147/2024/NĐ-CP");
            assertThat(notice.get("notice").asInt()).isEqualTo(1);
            assertThat(Duration.between(
                            Instant.parse(notice.get("requestedAt").asText()),
                            Instant.parse(notice.get("deadline").asText())))
                    .isEqualTo(Duration.ofHours(24));
            byUrl.put(notice.get("url").asText(), notice);
        }
        assertThat(byUrl).containsOnlyKeys(first, second);
        assertThat(receiver.requestsFor(otherPlatform)).isEmpty();
        UUID answered =
                UUID.fromString(byUrl.get(first).get("takedownRequestId").asText());
        UUID overdue =
                UUID.fromString(byUrl.get(second).get("takedownRequestId").asText());
        Instant requestedAt = Instant.parse(byUrl.get(first).get("requestedAt").asText());

        // The URL no platform hosts is a manual task for the case's information unit, who is alerted.
        List<JsonNode> events = eventsOf(caseId, "MANUAL_TASK_CREATED");
        assertThat(count(events, "TAKEDOWN_REQUESTED")).isEqualTo(2);
        manualTasks(TestTokens.ops(), caseId)
                .body("url", equalTo(List.of(unknown)))
                .body("agencyCode", equalTo(List.of(information)));
        manualTasks(TestTokens.unit(information), caseId).body("size()", equalTo(1));
        manualTasks(TestTokens.unit(lead), caseId).body("size()", equalTo(0));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.requestsFor(information, caseId.toString()))
                        .extracting(r -> mapper.readTree(r.body()).get("type").asText())
                        .containsExactlyInAnyOrder("case.routed", "takedown.manual-task"));

        // Results: only the platform the request went to may post one.
        clock.advance(Duration.ofHours(3));
        Instant actedAt = requestedAt.plus(Duration.ofHours(3));
        Map<String, Object> removed = Map.of("result", "REMOVED", "actedAt", actedAt.toString(), "note", "Đã gỡ video");
        postResult(TestTokens.platform(otherPlatform), removed, answered).statusCode(404);
        postResult(TestTokens.platform(platform), Map.of("result", "REMOVED"), answered)
                .statusCode(400)
                .body("errors.pointer", hasItem("/actedAt"));
        postResult(TestTokens.unit(information), removed, answered).statusCode(403);
        postResult(TestTokens.platform(platform), removed, answered)
                .statusCode(200)
                .body("result", equalTo("REMOVED"))
                .body("nextNoticeAt", equalTo(null));
        postResult(TestTokens.platform(platform), removed, answered).statusCode(200);
        postResult(TestTokens.platform(platform), Map.of("result", "REJECTED", "actedAt", actedAt.toString()), answered)
                .statusCode(409);
        JsonNode result = eventsOf(caseId, "TAKEDOWN_RESULT").stream()
                .filter(e -> "TAKEDOWN_RESULT".equals(e.get("kind").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(result.get("result").asText()).isEqualTo("REMOVED");
        assertThat(result.get("takedownRequestId").asText()).isEqualTo(answered.toString());

        // 25 h after the request the other one is overdue: re-noticed and escalated to the information unit.
        clock.advance(Duration.ofHours(22));
        awaitReceived(platform, overdue, 2);
        JsonNode renotice = mapper.readTree(
                receiver.requestsFor(platform, overdue.toString()).get(1).body());
        assertThat(renotice.get("type").asText()).isEqualTo("takedown.renotice");
        assertThat(renotice.get("notice").asInt()).isEqualTo(2);
        assertThat(receiver.requestsFor(platform, answered.toString()))
                .as("answered: never re-noticed")
                .hasSize(1);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.requestsFor(information, caseId.toString()))
                        .extracting(r -> mapper.readTree(r.body()).get("type").asText())
                        .containsExactlyInAnyOrder("case.routed", "takedown.manual-task", "takedown.escalated"));
        events = eventsOf(caseId, "TAKEDOWN_ESCALATED");
        JsonNode escalated = events.stream()
                .filter(e -> "TAKEDOWN_ESCALATED".equals(e.get("kind").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(escalated.get("agencyCode").asText()).isEqualTo(information);
        assertThat(escalated.get("takedownRequestId").asText()).isEqualTo(overdue.toString());
        assertThat(count(events, "TAKEDOWN_RENOTICED")).isEqualTo(1);

        // Another 24 h: noticed again, but escalated only once.
        clock.advance(Duration.ofHours(24));
        awaitReceived(platform, overdue, 3);
        assertThat(mapper.readTree(receiver.requestsFor(platform, overdue.toString())
                                .get(2)
                                .body())
                        .get("notice")
                        .asInt())
                .isEqualTo(3);
        List<JsonNode> all = kafka().readUntil(EventTypes.NOTIFY_TOPIC, r -> false, Duration.ofSeconds(2)).stream()
                .filter(r -> caseId.toString().equals(r.key()))
                .map(r -> json(r.value()))
                .toList();
        assertThat(count(all, "TAKEDOWN_RENOTICED")).isEqualTo(2);
        assertThat(count(all, "TAKEDOWN_ESCALATED")).isEqualTo(1);
        assertThat(receiver.requestsFor(information, caseId.toString())).hasSize(3);

        // The late result ends the re-notices; compliance counts one of two removed within 24 h.
        postResult(
                        TestTokens.platform(platform),
                        Map.of(
                                "result",
                                "REMOVED",
                                "actedAt",
                                requestedAt.plus(Duration.ofHours(30)).toString()),
                        overdue)
                .statusCode(200);
        List<Map<String, Object>> compliance = given().auth()
                .oauth2(TestTokens.ops())
                .get("/api/v1/platform-compliance")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        Map<String, Object> row = compliance.stream()
                .filter(r -> platform.equals(r.get("platformCode")))
                .findFirst()
                .orElseThrow();
        assertThat(row.get("requests")).isEqualTo(2);
        assertThat(row.get("answered")).isEqualTo(2);
        assertThat(row.get("removedWithinDeadline")).isEqualTo(1);
        assertThat(((Number) row.get("removedWithinDeadlinePercent")).doubleValue())
                .isEqualTo(50.0);
        // Exact: 3 h and 30 h after the request; median 16.5 h, p90 = 3 h + 0.9 × 27 h.
        assertThat(((Number) row.get("medianSecondsToRemoval")).longValue()).isEqualTo(59_400L);
        assertThat(((Number) row.get("p90SecondsToRemoval")).longValue()).isEqualTo(98_280L);
        given().auth()
                .oauth2(TestTokens.unit(information))
                .get("/api/v1/platform-compliance")
                .then()
                .statusCode(403);
    }
}
