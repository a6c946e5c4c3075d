package vn.childsafe.routing.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Gender;
import vn.childsafe.commons.domain.ReporterRelationship;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.routing.service.CaseRoutingService;
import vn.childsafe.routing.service.RoutingResult;
import vn.childsafe.testsupport.EventSchemas;
import vn.childsafe.testsupport.TestTokens;

/**
 * Helpers of the case tests: register agencies, route reports directly, call the case API, read a case's events
 * from the outbox. A bean, so that a test injects it instead of what it is made of.
 */
@Singleton
public final class CaseFixtures {

    private final CaseRoutingService routing;
    private final DataSource dataSource;
    private final ObjectMapper objectMapper;

    @Inject
    public CaseFixtures(CaseRoutingService routing, DataSource dataSource, ObjectMapper objectMapper) {
        this.routing = routing;
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    /** Registers (or replaces) an agency named after its code. */
    public static void putAgency(String code, String type, String province, String commune, String parent) {
        putAgency(code, "Đơn vị " + code, type, province, commune, parent);
    }

    /** Registers (or replaces) an agency with PUT, as the local stack seeds them. */
    public static void putAgency(
            String code, String name, String type, String province, String commune, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("provinceCode", province);
        body.put("communeCode", commune);
        body.put("escalationParentCode", parent);
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/agencies/" + code)
                .then()
                .statusCode(oneOf(200, 201))
                .body("code", equalTo(code));
    }

    /** Registers the province's police, child-protection and information units: CA-pp, BVTE-pp and TTTT-pp. */
    public static void putProvinceUnits(String province) {
        putAgency("CA-" + province, "POLICE_PROVINCE", province, null, null);
        putAgency("BVTE-" + province, "CHILD_PROTECTION_PROVINCE", province, null, null);
        putAgency("TTTT-" + province, "INFORMATION_PROVINCE", province, null, null);
    }

    /** The case as an admin reads it. */
    public static JsonPath readCase(UUID caseId) {
        return getCase(TestTokens.admin(), caseId).statusCode(200).extract().jsonPath();
    }

    /** The answer to reading the case with this token, to check. */
    public static ValidatableResponse getCase(String token, UUID caseId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/cases/" + caseId)
                .then();
    }

    /** Acts on one assignment of a case: {@code acknowledge} or {@code decline}, with a JSON body or none. */
    public static Response act(String token, UUID caseId, String assignmentId, String action, Map<String, ?> body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/cases/" + caseId + "/assignments/" + assignmentId + "/" + action);
    }

    /** Acts on the case as a whole: {@code transfer} or {@code resolve}. */
    public static Response caseAction(String token, UUID caseId, String action, Map<String, ?> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/cases/" + caseId + "/" + action);
    }

    /** A report from the web form in this province, no victim given, with this content. */
    public static ReportReceived webReport(
            String province, Category category, Urgency urgency, ReportReceived.ContentItem... content) {
        return new ReportReceived(
                UUID.randomUUID(),
                Instant.now(),
                SourceChannel.WEB,
                category,
                urgency,
                null,
                new ReportReceived.Location(province, null, null, null),
                new ReportReceived.Victim(false, null, null, false),
                ReporterRelationship.OTHER,
                List.of(content));
    }

    /** A parent's report to the 111 hotline, with a child victim (12, a boy) if {@code victim}. */
    public static ReportReceived hotlineReport(
            UUID reportId,
            Category category,
            Urgency urgency,
            ReportReceived.Location location,
            boolean victim,
            List<ReportReceived.ContentItem> content) {
        return new ReportReceived(
                reportId,
                Instant.now(),
                SourceChannel.HOTLINE_111,
                category,
                urgency,
                null,
                location,
                new ReportReceived.Victim(victim, victim ? 12 : null, victim ? Gender.MALE : null, false),
                ReporterRelationship.PARENT,
                content);
    }

    /** Routes a report as the consumer would, and returns its case id. */
    public UUID route(
            Category category, Urgency urgency, String province, String commune, boolean victim, List<String> urls) {
        return route(category, urgency, new ReportReceived.Location(province, commune, null, null), victim, urls);
    }

    /** Routes a report with location codes as sent (today's or legacy), and returns its case id. */
    public UUID route(
            Category category, Urgency urgency, ReportReceived.Location location, boolean victim, List<String> urls) {
        List<ReportReceived.ContentItem> content = urls.stream()
                .map(u -> new ReportReceived.ContentItem(u, null, null, null, null, null))
                .toList();
        RoutingResult result = route(hotlineReport(UUID.randomUUID(), category, urgency, location, victim, content));
        assertThat(result.outcome()).isEqualTo(RoutingResult.Outcome.ROUTED);
        return result.caseId();
    }

    /** Routes one report in a transaction of its own, as the consumer routes a batch of one. */
    public RoutingResult route(ReportReceived report) {
        return QuarkusTransaction.requiringNew()
                .call(() -> routing.route(UUID.randomUUID().toString(), report, routing.context()));
    }

    /** The case's events after routing, oldest first, each checked against the case-event contract. */
    public List<JsonNode> caseEvents(UUID caseId) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT event_type, payload FROM "
                        + "outbox_event WHERE aggregate_id = ? AND event_type <> ? ORDER BY created_at, id")) {
            s.setString(1, caseId.toString());
            s.setString(2, EventTypes.CASE_ROUTED);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    String payload = rs.getString(2);
                    assertThat(EventSchemas.violations("case-event.v1.schema.json", payload))
                            .isEmpty();
                    JsonNode event = objectMapper.readTree(payload);
                    assertThat(rs.getString(1))
                            .isEqualTo("vn.childsafe.case."
                                    + event.get("kind").asText().toLowerCase().replace('_', '-') + ".v1");
                    events.add(event);
                }
            }
        }
        return events;
    }

    /** The payload of the case's outbox event of this type (the first, if several). */
    public String outboxPayload(UUID caseId, String eventType) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT payload FROM outbox_event "
                        + "WHERE aggregate_id = ? AND event_type = ? ORDER BY created_at, id LIMIT 1")) {
            s.setString(1, caseId.toString());
            s.setString(2, eventType);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next())
                        .as("a %s event of case %s", eventType, caseId)
                        .isTrue();
                return rs.getString(1);
            }
        }
    }

    /** "ROLE:agency:STATE" of each assignment of an event. */
    public static List<String> assignments(JsonNode event) {
        List<String> out = new ArrayList<>();
        event.get("assignments")
                .forEach(a -> out.add(a.get("role").asText() + ":"
                        + a.get("agencyCode").asText() + ":" + a.get("state").asText()));
        return out;
    }

    /** "ROLE:agency" of each alert of an event. */
    public static List<String> alerts(JsonNode event) {
        List<String> out = new ArrayList<>();
        event.get("alerts")
                .forEach(a -> out.add(
                        a.get("role").asText() + ":" + a.get("agencyCode").asText()));
        return out;
    }

    /** The single number the query counts. */
    public long count(String sql, Object parameter) throws SQLException {
        return Long.parseLong(query(sql, parameter).get(0));
    }

    /** The first column of every row, as text; a list parameter is bound as an array of uuid. */
    public List<String> query(String sql, Object parameter) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            if (parameter instanceof List<?> list) {
                s.setArray(1, c.createArrayOf("uuid", list.toArray()));
            } else {
                s.setObject(1, parameter);
            }
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
