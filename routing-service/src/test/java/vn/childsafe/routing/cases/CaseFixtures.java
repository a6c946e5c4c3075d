package vn.childsafe.routing.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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

/** Helpers of the case tests: register agencies, route reports directly, read a case's events from the outbox. */
public final class CaseFixtures {

    private final CaseRoutingService routing;
    private final DataSource dataSource;
    private final ObjectMapper objectMapper;

    public CaseFixtures(CaseRoutingService routing, DataSource dataSource, ObjectMapper objectMapper) {
        this.routing = routing;
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    public static void putAgency(String code, String type, String province, String commune, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Đơn vị " + code);
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
                .statusCode(oneOf(200, 201));
    }

    /** Registers the province's police, child-protection and information units: CA-pp, BVTE-pp and TTTT-pp. */
    public static void putProvinceUnits(String province) {
        putAgency("CA-" + province, "POLICE_PROVINCE", province, null, null);
        putAgency("BVTE-" + province, "CHILD_PROTECTION_PROVINCE", province, null, null);
        putAgency("TTTT-" + province, "INFORMATION_PROVINCE", province, null, null);
    }

    /** The case as an admin reads it. */
    public static JsonPath readCase(UUID caseId) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Routes a report as the consumer would, and returns its case id. */
    public UUID route(
            Category category, Urgency urgency, String province, String commune, boolean victim, List<String> urls) {
        return route(category, urgency, new ReportReceived.Location(province, commune, null, null), victim, urls);
    }

    /** Routes a report with location codes as sent (today's or legacy), and returns its case id. */
    public UUID route(
            Category category, Urgency urgency, ReportReceived.Location location, boolean victim, List<String> urls) {
        UUID reportId = UUID.randomUUID();
        ReportReceived report = new ReportReceived(
                reportId,
                Instant.now(),
                SourceChannel.HOTLINE_111,
                category,
                urgency,
                null,
                location,
                new ReportReceived.Victim(victim, victim ? 12 : null, victim ? Gender.MALE : null, false),
                ReporterRelationship.PARENT,
                urls.stream()
                        .map(u -> new ReportReceived.ContentItem(u, null, null, null, null, null))
                        .toList());
        RoutingResult result = route(report);
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

    public long count(String sql, Object parameter) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
